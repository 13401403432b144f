/* SPDX-License-Identifier: GPL-2.0 */
/* Page-table free helpers shared by several files of arch/x86/mm. */
#ifndef _ARCH_X86_MM_PGTABLE_HELPERS_H
#define _ARCH_X86_MM_PGTABLE_HELPERS_H

#include <linux/mm.h>

static inline void free_pte_table(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}

static inline void free_pmd_table(pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
}

/* Callers pass a pud table; the macro cannot be converted automatically. */
#define free_pud_table(pud) pagetable_free(virt_to_ptdesc(pud))

#endif /* _ARCH_X86_MM_PGTABLE_HELPERS_H */
