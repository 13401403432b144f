// SPDX-License-Identifier: GPL-2.0
/* The callers of tables.c: they install, free on error, and tear down. */
#include <linux/mm.h>
#include <asm/pgalloc.h>

pmd_t *alloc_pmd_table(void);
void free_pmd_table(pmd_t *pmd);

int map_pmd(pud_t *pud, int busy)
{
	pmd_t *pmd = alloc_pmd_table();

	if (!pmd)
		return -1;
	if (busy) {
		free_pmd_table(pmd);
		return -1;
	}
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

void unmap_pmd(pud_t *pud)
{
	free_pmd_table(pud_pgtable(*pud));
	pud_clear(pud);
}
