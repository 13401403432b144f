// SPDX-License-Identifier: GPL-2.0
/* A pte table for the fixmap, with the flags asm/fixmap_gfp.h gives. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>
#include <asm/fixmap_gfp.h>

int fixmap_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(FIXMAP_PGTABLE_GFP);

	if (!pte)
		return -ENOMEM;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}
