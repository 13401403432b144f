// SPDX-License-Identifier: GPL-2.0
/*
 * A short tour of the reference model: the same page table allocated the
 * old way and the new way, a translation through it, and what the checker
 * says about a free through the wrong API.
 */
#include <stdio.h>

#include <linux/mm.h>
#include <refimpl/mmu.h>
#include <refimpl/refimpl.h>

static void show_alloc(const char *what, const void *addr)
{
	struct refimpl_alloc_info info;

	refimpl_alloc_info(addr, &info);
	printf("  %-34s api=%-16s order=%u compound=%d zeroed=%d\n", what,
	       info.api, info.order, info.compound, info.zeroed);
}

int main(void)
{
	unsigned long va = 0xffffc90000200000UL;
	struct refimpl_translation t;
	pte_t *old_pte, *new_pte;

	if (refimpl_mem_init(1024) || refimpl_set_paging_levels(5) ||
	    refimpl_paging_init())
		return 1;

	printf("allocations of a pte table:\n");
	old_pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	new_pte = pgtable_alloc(GFP_KERNEL, 0);
	show_alloc("(pte_t *)get_zeroed_page(GFP_KERNEL)", old_pte);
	show_alloc("pgtable_alloc(GFP_KERNEL, 0)", new_pte);
	free_page((unsigned long)old_pte);
	pgtable_free(new_pte);

	printf("translation of %#lx after mapping 2 MiB at pa 0x40000000:\n", va);
	refimpl_map_range(init_mm.pgd, va, 0x40000000UL, PMD_SIZE, PAGE_KERNEL,
			  REFIMPL_MAP_LARGE);
	t = refimpl_translate(init_mm.pgd, va + 0x1234, REFIMPL_ACC_WRITE);
	printf("  ok=%d pa=%#lx level=%s writable=%d nx=%d\n", t.ok, t.pa,
	       t.level == PG_LEVEL_2M ? "2M" : "other", t.writable, t.nx);
	refimpl_unmap_range(init_mm.pgd, va, PMD_SIZE);

	printf("checker, after pgtable_alloc() + free_page():\n");
	new_pte = pgtable_alloc(GFP_KERNEL, 0);
	free_page((unsigned long)new_pte);
	fflush(stdout);
	refimpl_violations_dump();

	refimpl_paging_teardown();
	printf("leaks at teardown: %lu\n", refimpl_check_leaks());
	refimpl_mem_teardown();
	return 0;
}
