/* SPDX-License-Identifier: GPL-2.0 */
/* Included by two configurations that see one call differently. */
#include <linux/mm.h>

#ifdef ARCH_TRACES_PAGETABLE_FREE
/* Traced configurations route every free through a macro. */
#define pagetable_free(pt) pagetable_free(pt)
#endif

static inline void free_traced_table(pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
}

#ifdef ARCH_TRACES_PAGETABLE_FREE
#undef pagetable_free
#endif

static inline void free_plain_table(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}
