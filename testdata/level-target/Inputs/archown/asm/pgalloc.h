/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An arch with a pmd constructor of its own (__HAVE_ARCH_PMD_ALLOC_ONE):
 * whatever it does, the tool does not model it. pte and pud tables take
 * asm-generic's constructors (the model's).
 */
#ifndef _ASM_ARCHOWN_PGALLOC_H
#define _ASM_ARCHOWN_PGALLOC_H

#include <linux/mm.h>

#undef CONFIG_PGTABLE_LEVELS
#define CONFIG_PGTABLE_LEVELS 2
#include <asm-generic/pgalloc.h>

static inline pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	return ptdesc ? (pmd_t *)ptdesc_address(ptdesc) : NULL;
}

static inline void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
}

#define pte_alloc_one_kernel(...) \
	alloc_hooks(pte_alloc_one_kernel_noprof(__VA_ARGS__))

#endif
