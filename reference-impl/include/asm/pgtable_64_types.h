/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page-table geometry (Linux 6.12 arch/x86/include/asm/
 * pgtable_64_types.h semantics). The depth is chosen at run time as with
 * LA57: with 4 levels the p4d level is folded into the pgd, so PGDIR_SHIFT
 * and PTRS_PER_P4D depend on pgtable_l5_enabled().
 */
#ifndef _ASM_X86_PGTABLE_64_TYPES_H
#define _ASM_X86_PGTABLE_64_TYPES_H

#include <linux/types.h>

/* Non-zero when 5-level paging is in use; see refimpl_set_paging_levels(). */
extern unsigned int __pgtable_l5_enabled;

static inline bool pgtable_l5_enabled(void)
{
	return __pgtable_l5_enabled;
}

#define PGDIR_SHIFT (pgtable_l5_enabled() ? 48 : 39)
#define PTRS_PER_PGD 512
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))

#define P4D_SHIFT 39
#define MAX_PTRS_PER_P4D 512
#define PTRS_PER_P4D (pgtable_l5_enabled() ? 512 : 1)
#define P4D_SIZE (1UL << P4D_SHIFT)
#define P4D_MASK (~(P4D_SIZE - 1))

#define PUD_SHIFT 30
#define PTRS_PER_PUD 512
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PUD_MASK (~(PUD_SIZE - 1))

#define PMD_SHIFT 21
#define PTRS_PER_PMD 512
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))

#define PTRS_PER_PTE 512

/* Virtual address bits the MMU translates: 48 with 4 levels, 57 with 5. */
#define __VIRTUAL_MASK_SHIFT (pgtable_l5_enabled() ? 56 : 47)

#endif /* _ASM_X86_PGTABLE_64_TYPES_H */
