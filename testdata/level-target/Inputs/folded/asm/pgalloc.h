/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An arch with two levels: pmd and pud are folded (as asm-generic's
 * pgtable-nopmd.h folds them), so pmd_alloc_one() is a macro of NULL and
 * asm-generic's pmd and pud constructors are not built. Its pte tables
 * take asm-generic's constructor (the model's).
 */
#ifndef _ASM_FOLDED_PGALLOC_H
#define _ASM_FOLDED_PGALLOC_H

#include <linux/mm.h>

#undef CONFIG_PGTABLE_LEVELS
#define CONFIG_PGTABLE_LEVELS 2
#include <asm-generic/pgalloc.h>

#define pmd_alloc_one(mm, address) NULL
static inline void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
}

#define pte_alloc_one_kernel(...) \
	alloc_hooks(pte_alloc_one_kernel_noprof(__VA_ARGS__))

#endif
