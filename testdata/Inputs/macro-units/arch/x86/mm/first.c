// SPDX-License-Identifier: GPL-2.0
#include <asm/table_macros.h>

int first_map(pmd_t *pmd)
{
	pte_t *pte = alloc_shared_pte();

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int first_spare(pmd_t *pmd)
{
	pte_t *pte = alloc_escaping_pte();

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
