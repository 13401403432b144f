/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/pgtable_types.h>

#endif /* _ASM_X86_PGTABLE_H */
