/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_FIXMAP_GFP_H
#define _ASM_X86_FIXMAP_GFP_H

/* The flags of the fixmap's page tables. */
#define FIXMAP_PGTABLE_GFP GFP_KERNEL

#endif /* _ASM_X86_FIXMAP_GFP_H */
