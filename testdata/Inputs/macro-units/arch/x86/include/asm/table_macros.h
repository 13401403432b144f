/* SPDX-License-Identifier: GPL-2.0 */
/* pte table allocators spelled as macros, expanded by two units. */
#ifndef _ASM_X86_TABLE_MACROS_H
#define _ASM_X86_TABLE_MACROS_H

#include <linux/mm.h>

#define alloc_shared_pte() ((pte_t *)get_zeroed_page(GFP_KERNEL))
#define alloc_escaping_pte() ((pte_t *)get_zeroed_page(GFP_KERNEL))

#endif /* _ASM_X86_TABLE_MACROS_H */
