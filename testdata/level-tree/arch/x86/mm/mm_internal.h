/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Level "arch/x86/mm": kernel page tables that --target=level can give their
 * level's constructor and destructor (their addresses in scope, freed
 * through the pointers the code keeps, never read back out of an entry).
 * Scenario tests drive it before and after the migration.
 */
#ifndef _LEVEL_X86_MM_INTERNAL_H
#define _LEVEL_X86_MM_INTERNAL_H

#include <linux/mm.h>

/* kmap_window.c: a 2 MiB kernel window with tables of its own. */
struct kmap_window {
	unsigned long start;
	p4d_t *p4d;
	pud_t *pud_table; /* allocated for the window, or NULL */
	pmd_t *pmd;
	pte_t *pte;
};

int kmap_window_init(struct kmap_window *win, pgd_t *pgd_base,
		     unsigned long start);
void kmap_window_set(struct kmap_window *win, unsigned long addr,
		     unsigned long pfn, pgprot_t prot);
void kmap_window_exit(struct kmap_window *win);

#endif /* _LEVEL_X86_MM_INTERNAL_H */
