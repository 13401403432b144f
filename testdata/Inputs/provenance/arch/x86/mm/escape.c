// SPDX-License-Identifier: GPL-2.0
/*
 * Negatives. A returned table whose caller also stores it through a
 * pointer, where no free can be followed: its group is refused. A table of
 * order 1 read out of an entry and freed: its allocator is not known.
 */
#include <linux/mm.h>
#include <asm/pgalloc.h>

static pte_t *alloc_pte_table(void)
{
	return (pte_t *)get_zeroed_page(GFP_KERNEL);
}

int map_pte(pmd_t *pmd, pte_t **spare)
{
	pte_t *pte = alloc_pte_table();

	if (!pte)
		return -1;
	*spare = pte;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

void free_big_pmd(pud_t *pud)
{
	free_pages((unsigned long)pud_pgtable(*pud), 1);
}
