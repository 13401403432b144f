// SPDX-License-Identifier: GPL-2.0
/*
 * The early mapper's pmd tables, in the shape of the pmd_alloc_one() and
 * pmd_free() hooks of arches whose tables came straight from the page
 * allocator: the allocation is returned to callers in another file
 * (early_map.c), which install it with pud_populate(), and the free hook is
 * what those callers use both for a table they never installed and for one
 * they read back out of a pud entry.
 */
#include <linux/mm.h>

#include "mm_internal.h"

pmd_t *early_pmd_alloc_one(void)
{
	return (pmd_t *)get_zeroed_page(GFP_KERNEL);
}

void free_early_pmd(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
}
