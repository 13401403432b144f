/* SPDX-License-Identifier: GPL-2.0 */
/* A page-table free helper in a header (a kernel-style fixture). */
#ifndef _ASM_X86_PGFREE_H
#define _ASM_X86_PGFREE_H

#include <linux/mm.h>

static inline void free_pte_page(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}

#endif
