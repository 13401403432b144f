// SPDX-License-Identifier: GPL-2.0
#include "shadow.h"

int fill_pte_table(pte_t *pte, unsigned long pfn)
{
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++) {
		if (!pfn_valid(pfn + i))
			return -1;
		set_pte(&pte[i], pfn_pte(pfn + i, PAGE_KERNEL));
	}
	return 0;
}

pmd_t *shadow_fill_pmd(pud_t *pud, unsigned long address)
{
	return shadow_pmd(pud, address);
}
