// SPDX-License-Identifier: GPL-2.0
/*
 * Paging depth, init_mm's page tables, and lookup_address() with the x86
 * semantics of arch/x86/mm/pat/set_memory.c (Linux 6.12, before the
 * PG_LEVEL_256T level was added).
 */
#include <errno.h>
#include <string.h>

#include <refimpl/mmu.h>

#include "model_internal.h"

unsigned int __pgtable_l5_enabled;

int refimpl_set_paging_levels(int levels)
{
	if (levels != 4 && levels != 5)
		return -EINVAL;
	__pgtable_l5_enabled = levels == 5;
	return 0;
}

int refimpl_paging_levels(void)
{
	return pgtable_l5_enabled() ? 5 : 4;
}

int refimpl_paging_init(void)
{
	if (init_mm.pgd)
		refimpl_paging_teardown();
	init_mm.pgd = (pgd_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
	return init_mm.pgd ? 0 : -ENOMEM;
}

/* Whether table can be read and freed; a freed one is reported. */
static bool live_table(const void *table)
{
	struct refimpl_alloc_info info;

	refimpl_note_table_read(table, "refimpl_free_page_tables");
	return refimpl_alloc_info(table, &info) && info.live;
}

/*
 * Free one table with the family, and the free of the API, that made it,
 * after the destructor of the constructor that ran on it (a kernel table
 * marked by its allocator then waits for the deferred free).
 */
static void free_table(void *table)
{
	struct refimpl_alloc_info info;
	struct ptdesc *pt = virt_to_ptdesc(table);

	refimpl_alloc_info(table, &info);
	if (info.family == REFIMPL_FAMILY_PAGE) {
		free_pages((unsigned long)table, info.order);
		return;
	}
	/* A pte/pmd/pud table's constructor ran: run its destructor. */
	switch (info.ctor_level) {
	case REFIMPL_PT_PTE:
		pagetable_pte_dtor(pt);
		break;
	case REFIMPL_PT_PMD:
		pagetable_pmd_dtor(pt);
		break;
	case REFIMPL_PT_PUD:
		pagetable_pud_dtor(pt);
		break;
	default:
		break;
	}
	if (info.api && !strcmp(info.api, "pgtable_alloc"))
		pgtable_free(table);
	else if (info.api && !strcmp(info.api, "pgtable_alloc_addr"))
		pgtable_free_addr(table);
	else
		pagetable_free(pt);
}

/*
 * level: 1 for a pte table up to 5 for a 5-level pgd. The hardware's view
 * (raw entries) keeps this independent of the folding of the p4d level.
 */
static void free_tree(unsigned long *table, int level)
{
	for (int i = 0; level > 1 && i < 512; i++) {
		unsigned long entry = table[i];
		unsigned long *next;

		if (!(entry & _PAGE_PRESENT) || (entry & _PAGE_PSE))
			continue; /* empty, not present, or a leaf */
		next = (unsigned long *)__va(entry & PTE_PFN_MASK);
		if (live_table(next))
			free_tree(next, level - 1);
	}
	free_table(table);
}

void refimpl_free_page_tables(pgd_t *pgd)
{
	if (pgd && live_table(pgd))
		free_tree((unsigned long *)pgd, refimpl_paging_levels());
}

void refimpl_paging_teardown(void)
{
	refimpl_free_page_tables(init_mm.pgd);
	init_mm.pgd = NULL;
}

pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address,
			     unsigned int *level)
{
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_NONE;
	if (pgd_none(*pgd))
		return NULL;

	p4d = p4d_offset(pgd, address);
	if (p4d_none(*p4d))
		return NULL;
	*level = PG_LEVEL_512G;
	if (p4d_leaf(*p4d) || !p4d_present(*p4d))
		return (pte_t *)p4d;

	pud = pud_offset(p4d, address);
	if (pud_none(*pud))
		return NULL;
	*level = PG_LEVEL_1G;
	if (pud_leaf(*pud) || !pud_present(*pud))
		return (pte_t *)pud;

	pmd = pmd_offset(pud, address);
	if (pmd_none(*pmd))
		return NULL;
	*level = PG_LEVEL_2M;
	if (pmd_leaf(*pmd) || !pmd_present(*pmd))
		return (pte_t *)pmd;

	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, address);
}

pte_t *lookup_address(unsigned long address, unsigned int *level)
{
	return lookup_address_in_pgd(pgd_offset_k(address), address, level);
}
