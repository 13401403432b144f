// SPDX-License-Identifier: GPL-2.0
/* Page-table freeing on the unmap path (a kernel-style fixture). */
#include <linux/mm.h>

#include "pgtable_helpers.h"

void pmd_free_pte_page(pmd_t *pmd, pte_t *pte)
{
	pmd->pmd = 0;
	pagetable_free(virt_to_ptdesc(pte));
}

void pud_free_pmd_page(pud_t *pud, pmd_t *pmd)
{
	int i;

	for (i = 0; i < 512; i++)
		pmd[i].pmd = 0;
	pud->pud = 0;
	free_pud_table(pmd);
}
