// SPDX-License-Identifier: GPL-2.0
/*
 * The only file that names the page allocator: the pre-filter's first
 * round. Its table goes to map.c through alloc_pmd_table().
 */
#include <linux/mm.h>
#include <asm/table_helpers.h>

pmd_t *alloc_pmd_table(void)
{
	return (pmd_t *)get_zeroed_page(GFP_KERNEL);
}

void free_pmd_table(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
}
