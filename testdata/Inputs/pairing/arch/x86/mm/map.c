// SPDX-License-Identifier: GPL-2.0
/* Allocates tables of every level (a kernel-style fixture). */
#include "tables.h"

int map_pte(struct table_cache *c, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	c->pte = pte;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int map_pmd(struct table_cache *c, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pmd)
		return -1;
	c->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int map_pud(struct table_cache *c, p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);

	if (!pud)
		return -1;
	c->pud = pud;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

int map_p4d(pgd_t *pgd, int busy)
{
	p4d_t *p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);

	if (!p4d)
		return -1;
	if (busy) {
		free_p4d_table(p4d);
		return -1;
	}
	set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

void unmap_p4d(pgd_t *pgd)
{
	free_p4d_table(p4d_offset(pgd, 0));
}
