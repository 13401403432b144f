// SPDX-License-Identifier: GPL-2.0
#include "shadow.h"

/* The table is passed to fill_pte_table(), which fill.c defines. */
int shadow_map_pte(pmd_t *pmd, unsigned long pfn)
{
	unsigned long new_pte_page = get_zeroed_page(GFP_KERNEL);

	if (!new_pte_page)
		return -1;
	if (fill_pte_table((pte_t *)new_pte_page, pfn)) {
		free_page(new_pte_page);
		return -1;
	}
	set_pmd(pmd, __pmd(_KERNPG_TABLE | __pa(new_pte_page)));
	return 0;
}

/* The table is passed to inspect_pte_table(), which no unit defines. */
int shadow_map_inspected(pmd_t *pmd)
{
	unsigned long new_pte_page = get_zeroed_page(GFP_KERNEL);

	if (!new_pte_page)
		return -1;
	if (inspect_pte_table((pte_t *)new_pte_page)) {
		free_page(new_pte_page);
		return -1;
	}
	set_pmd(pmd, __pmd(_KERNPG_TABLE | __pa(new_pte_page)));
	return 0;
}

pmd_t *shadow_map_pmd(pud_t *pud, unsigned long address)
{
	return shadow_pmd(pud, address);
}
