/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A PTI-like helper every user of the shadow tables includes: its pmd
 * table is kept as unsigned long, tested, installed and cast. Each unit
 * that includes it sees the same code and must make the same edits; a
 * configuration with CONFIG_SHADOW_DEBUG sees one use more, which a
 * pointer would change.
 */
#include <linux/mm.h>

void shadow_debug_page(unsigned long page);

static inline pmd_t *shadow_pmd(pud_t *pud, unsigned long address)
{
	if (pud_none(*pud)) {
		unsigned long new_pmd_page = get_zeroed_page(GFP_KERNEL);

		if (!new_pmd_page)
			return NULL;
		set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
#ifdef CONFIG_SHADOW_DEBUG
		shadow_debug_page(new_pmd_page);
#endif
		return (pmd_t *)new_pmd_page + pmd_index(address);
	}
	return pmd_offset(pud, address);
}

int fill_pte_table(pte_t *pte, unsigned long pfn);
int inspect_pte_table(pte_t *pte);
