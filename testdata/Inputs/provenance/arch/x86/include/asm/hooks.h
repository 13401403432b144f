/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic page-table hooks as an arch's asm/pgalloc.h writes them: the
 * generic code that calls them (mm/memory.c __p4d_alloc()) is not in the
 * database, so only the hooks' contract says what happens to their tables.
 */
#ifndef _ASM_X86_HOOKS_H
#define _ASM_X86_HOOKS_H

#include <linux/mm.h>

static inline p4d_t *p4d_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	return (p4d_t *)get_zeroed_page(GFP_KERNEL);
}

static inline void p4d_free(struct mm_struct *mm, p4d_t *p4d)
{
	free_page((unsigned long)p4d);
}

#endif
