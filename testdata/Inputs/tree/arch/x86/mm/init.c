// SPDX-License-Identifier: GPL-2.0
/* Early page-table teardown (a kernel-style fixture, not kernel code). */
#include <linux/mm.h>

#include "pgtable_helpers.h"

#define pmd_page_vaddr(x) ((pte_t *)(unsigned long)(x).pmd)

void remove_pte_table(pmd_t *pmd)
{
	pte_t *pte = pmd_page_vaddr(*pmd);

	pagetable_free(virt_to_ptdesc(pte));
	pmd->pmd = 0;
}

#ifdef CONFIG_MEMORY_HOTPLUG
void remove_p4d_table(p4d_t *p4d)
{
	pagetable_free(virt_to_ptdesc(p4d));
}
#endif

void remove_tables(pmd_t *pmd, pte_t *pte)
{
	free_pte_table(pte);
	free_pmd_table(pmd);
}
