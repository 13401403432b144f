// SPDX-License-Identifier: GPL-2.0
/*
 * Installs a pmd table from arch/x86/mm/early_tables.c under a pud, or
 * frees it here when the pud is populated already.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>
#include <asm/early_tables.h>

int early_setup_pmd(pud_t *pud)
{
	pmd_t *pmd = early_pmd_table_alloc();

	if (!pmd)
		return -ENOMEM;
	if (pud_present(*pud)) {
		free_page((unsigned long)pmd);
		return 0;
	}
	pud_populate(&init_mm, pud, pmd);
	return 0;
}
