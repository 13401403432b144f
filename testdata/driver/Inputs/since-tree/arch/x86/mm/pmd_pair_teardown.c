// SPDX-License-Identifier: GPL-2.0
/* Frees the order-1 pmd tables found under a pud entry. */
#include <linux/mm.h>

void pmd_pair_teardown(pud_t *pud)
{
	pmd_t *pmd = pud_pgtable(*pud);

	pud_clear(pud);
	free_pages((unsigned long)pmd, 1);
}
