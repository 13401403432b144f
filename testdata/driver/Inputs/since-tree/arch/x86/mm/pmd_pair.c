// SPDX-License-Identifier: GPL-2.0
/*
 * An order-1 pair of pmd tables, installed under a pud. Whether it may
 * convert depends on a free no flow connects it to: pmd_pair_teardown.c
 * frees order-1 tables read out of pud entries, whatever allocated them.
 */
#include <linux/errno.h>
#include <linux/mm.h>

int pmd_pair_install(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);

	if (!pmd)
		return -ENOMEM;
	if (pud_present(*pud)) {
		free_pages((unsigned long)pmd, 1);
		return 0;
	}
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
