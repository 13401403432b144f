// SPDX-License-Identifier: GPL-2.0
/*
 * Compiled twice, like arm64's KVM hyp code for VHE and nVHE: the database
 * has one command without __NVHE__ and one with it. The map function is in
 * the first only; the ptdesc allocation is in both.
 */
#include <linux/mm.h>

#ifndef __NVHE__
void hyp_map(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	set_pud(pud, __pud(__pa(pmd) | _PAGE_TABLE));
}
#endif

void *hyp_table(void)
{
	struct ptdesc *ptdesc;

	ptdesc = pagetable_alloc(GFP_KERNEL, 0);
	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
