// SPDX-License-Identifier: GPL-2.0
/* Frees tables (a kernel-style fixture). */
#include "tables.h"

/* Refused: the order is not a constant. It keeps map.c's pte table too. */
void unmap_pte(pmd_t *pmd, unsigned int order)
{
	free_pages((unsigned long)pmd_page_vaddr(*pmd), order);
}

/* Order 1 against map.c's order 0: neither side converts. */
void unmap_pmd(pud_t *pud)
{
	free_pages((unsigned long)pud_pgtable(*pud), 1);
}

/* Pairs with map.c's allocation: both convert. */
void unmap_pud(p4d_t *p4d)
{
	free_page((unsigned long)p4d_pgtable(*p4d));
}
