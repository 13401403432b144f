// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel mapping window: one 2 MiB range of kernel virtual addresses with
 * its own pte and pmd tables (and a pud table when its p4d entry has none),
 * set up at init and torn down at exit through the pointers it keeps. The
 * tables come from get_zeroed_page() and go back through free_page(), the
 * way kernel-table code managed them before the per-level constructors.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

int kmap_window_init(struct kmap_window *win, pgd_t *pgd_base,
		     unsigned long start)
{
	p4d_t *p4d = p4d_offset(pgd_base + pgd_index(start), start);
	pud_t *pud_table = NULL;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	int err;

	if (p4d_none(*p4d)) {
		pud_table = (pud_t *)get_zeroed_page(GFP_KERNEL);
		if (!pud_table)
			return -ENOMEM;
		p4d_populate(&init_mm, p4d, pud_table);
	}

	pud = pud_offset(p4d, start);
	if (!pud_none(*pud)) {
		err = -EBUSY;
		goto free_pud;
	}

	pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
	if (!pmd) {
		err = -ENOMEM;
		goto free_pud;
	}
	pud_populate(&init_mm, pud, pmd);

	pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	if (!pte) {
		err = -ENOMEM;
		goto free_pmd;
	}
	pmd_populate_kernel(&init_mm, pmd_offset(pud, start), pte);

	win->start = start;
	win->p4d = p4d;
	win->pud_table = pud_table;
	win->pmd = pmd;
	win->pte = pte;
	return 0;

free_pmd:
	pud_clear(pud);
	free_page((unsigned long)pmd);
free_pud:
	if (pud_table) {
		p4d_clear(p4d);
		free_page((unsigned long)pud_table);
	}
	return err;
}

void kmap_window_set(struct kmap_window *win, unsigned long addr,
		     unsigned long pfn, pgprot_t prot)
{
	set_pte(win->pte + pte_index(addr), pfn_pte(pfn, prot));
}

void kmap_window_exit(struct kmap_window *win)
{
	pud_t *pud = pud_offset(win->p4d, win->start);

	pmd_clear(pmd_offset(pud, win->start));
	free_page((unsigned long)win->pte);
	pud_clear(pud);
	free_page((unsigned long)win->pmd);
	if (win->pud_table) {
		p4d_clear(win->p4d);
		free_page((unsigned long)win->pud_table);
	}
}
