// SPDX-License-Identifier: GPL-2.0
/*
 * A returned table and a free of a parameter, both non-static: their
 * callers are in map.c.
 */
#include <linux/mm.h>

pmd_t *alloc_pmd_table(void)
{
	return (pmd_t *)get_zeroed_page(GFP_KERNEL);
}

void free_pmd_table(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
}
