// SPDX-License-Identifier: GPL-2.0
/*
 * A mapper that takes its table allocator as a function pointer, in the
 * shape of arm64's __create_pgd_mapping(..., pgtable_alloc, ...) and its
 * early_pgtable_alloc()/pgd_pgtable_alloc(): the allocator's address is
 * passed in, and the walker installs the physical address it returns (0:
 * out of memory; pfn 0 is never a table). The parameter has the name
 * --rename-conflicts gives arm64's pgtable_alloc parameter, since
 * pgtable_alloc() is the new API's macro here.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "mm_internal.h"

/*
 * The allocator create_kernel_mapping() passes: a zeroed page from the page
 * allocator. level is the size each entry of the new table maps
 * (PG_LEVEL_4K: a pte table).
 */
static phys_addr_t kernel_pgtable_alloc(int level)
{
	unsigned long table = __get_free_page(GFP_PGTABLE_KERNEL);

	if (!table)
		return 0;
	return __pa(table);
}

static pte_t *map_walk_pte(pgd_t *pgd_base, unsigned long addr,
			   phys_addr_t (*pgtable_alloc_fn)(int level))
{
	pgd_t *pgd = pgd_base + pgd_index(addr);
	phys_addr_t table;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd)) {
		table = pgtable_alloc_fn(PG_LEVEL_512G);
		if (!table)
			return NULL;
		set_pgd(pgd, __pgd(table | _KERNPG_TABLE));
	}
	p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d)) {
		table = pgtable_alloc_fn(PG_LEVEL_1G);
		if (!table)
			return NULL;
		set_p4d(p4d, __p4d(table | _KERNPG_TABLE));
	}
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud)) {
		table = pgtable_alloc_fn(PG_LEVEL_2M);
		if (!table)
			return NULL;
		set_pud(pud, __pud(table | _KERNPG_TABLE));
	}
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd)) {
		table = pgtable_alloc_fn(PG_LEVEL_4K);
		if (!table)
			return NULL;
		set_pmd(pmd, __pmd(table | _KERNPG_TABLE));
	}
	return pte_offset_kernel(pmd, addr);
}

/*
 * Map [virt, virt + size) to [phys, phys + size) with 4K entries, with
 * tables from pgtable_alloc_fn. Returns 0 or -ENOMEM (the range is then
 * partly mapped; free_mapping_tables() tears it down).
 */
int create_mapping(pgd_t *pgd_base, unsigned long virt, phys_addr_t phys,
		   unsigned long size, pgprot_t prot,
		   phys_addr_t (*pgtable_alloc_fn)(int level))
{
	unsigned long addr;

	for (addr = virt; addr < virt + size; addr += PAGE_SIZE) {
		pte_t *pte = map_walk_pte(pgd_base, addr, pgtable_alloc_fn);

		if (!pte)
			return -ENOMEM;
		set_pte(pte, pfn_pte(PHYS_PFN(phys + (addr - virt)), prot));
	}
	return 0;
}

/* create_mapping() with tables from the page allocator. */
int create_kernel_mapping(pgd_t *pgd_base, unsigned long virt,
			  phys_addr_t phys, unsigned long size, pgprot_t prot)
{
	return create_mapping(pgd_base, virt, phys, size, prot,
			      kernel_pgtable_alloc);
}

static void free_pmd_tables(pmd_t *pmd)
{
	int i;

	for (i = 0; i < PTRS_PER_PMD; i++)
		if (pmd_present(pmd[i]))
			free_page((unsigned long)pmd_page_vaddr(pmd[i]));
}

static void free_pud_tables(pud_t *pud)
{
	int i;

	for (i = 0; i < PTRS_PER_PUD; i++) {
		if (!pud_present(pud[i]))
			continue;
		free_pmd_tables(pud_pgtable(pud[i]));
		free_page((unsigned long)pud_pgtable(pud[i]));
	}
}

/* Free the pud table under a p4d entry and the tables below it. */
static void free_p4d_entry(p4d_t *p4d)
{
	pud_t *pud;

	if (!p4d_present(*p4d))
		return;
	pud = p4d_pgtable(*p4d);
	free_pud_tables(pud);
	p4d_clear(p4d);
	free_page((unsigned long)pud);
}

/*
 * Free every table below pgd_base (not pgd_base itself) that
 * create_mapping() built: the whole tree is its own.
 */
void free_mapping_tables(pgd_t *pgd_base)
{
	p4d_t *p4d;
	int i, j;

	for (i = 0; i < PTRS_PER_PGD; i++) {
		if (!pgtable_l5_enabled()) {
			/* The pgd entry is the p4d entry. */
			free_p4d_entry((p4d_t *)&pgd_base[i]);
			continue;
		}
		if (!pgd_present(pgd_base[i]))
			continue;
		p4d = (p4d_t *)pgd_page_vaddr(pgd_base[i]);
		for (j = 0; j < PTRS_PER_P4D; j++)
			free_p4d_entry(&p4d[j]);
		pgd_clear(&pgd_base[i]);
		free_page((unsigned long)p4d);
	}
}
