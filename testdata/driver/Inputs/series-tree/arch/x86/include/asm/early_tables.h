/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_EARLY_TABLES_H
#define _ASM_X86_EARLY_TABLES_H

#include <linux/mm.h>

/* arch/x86/mm/early_tables.c: pmd tables for arch/x86/kernel/. */
pmd_t *early_pmd_table_alloc(void);

/* arch/x86/kernel/early_setup.c */
int early_setup_pmd(pud_t *pud);

#endif /* _ASM_X86_EARLY_TABLES_H */
