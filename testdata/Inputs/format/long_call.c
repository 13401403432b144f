// SPDX-License-Identifier: GPL-2.0
#include <linux/mm.h>

void free_tables(pte_t *pte, pmd_t *pmd)
{
	pagetable_free(
		virt_to_ptdesc(pte));
	pmd->pmd = 0;
}
