// SPDX-License-Identifier: GPL-2.0
/* A pte table for a kernel mapping, and its free once the mapping goes. */
#include <linux/mm.h>
#include <asm/pgalloc.h>

int map_kernel_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

void unmap_kernel_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	free_page((unsigned long)pte);
}
