// SPDX-License-Identifier: GPL-2.0
/* Another arch: x86's refusals do not concern it. */
#include <linux/mm.h>

int arm_map_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
