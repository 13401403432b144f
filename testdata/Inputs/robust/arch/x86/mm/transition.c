// SPDX-License-Identifier: GPL-2.0
/*
 * Builds a transition table kept in a field, which teardown.c frees: one
 * object group over two files. Also a scratch table private to this file.
 * (A kernel-style fixture, not kernel code.)
 */
#include <linux/mm.h>
#include <asm/transition.h>

int init_transition(struct transition *t, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pmd)
		return -1;
	t->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

static int map_scratch(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	free_page((unsigned long)pte);
	return 0;
}

int map_all(pmd_t *pmd)
{
	return map_scratch(pmd);
}
