// SPDX-License-Identifier: GPL-2.0
/*
 * Names no allocator, but takes the table tables.c returns: the second
 * round parses it, because the first round's facts name alloc_pmd_table().
 */
#include <linux/mm.h>

pmd_t *alloc_pmd_table(void);
void free_pmd_table(pmd_t *pmd);
void install_pmd_entry(pud_t *pud, pmd_t *pmd);

int map_pmd(pud_t *pud)
{
	pmd_t *pmd = alloc_pmd_table();

	if (!pmd)
		return -1;
	install_pmd_entry(pud, pmd);
	return 0;
}

void unmap_pmd(pud_t *pud)
{
	free_pmd_table(pud_pgtable(*pud));
	pud_clear(pud);
}
