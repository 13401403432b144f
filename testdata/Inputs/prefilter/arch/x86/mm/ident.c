// SPDX-License-Identifier: GPL-2.0
/*
 * Installs the table map.c passes: the third round parses it, because the
 * second round's facts name install_pmd_entry(). Without it the table has
 * no evidence, and the group would be refused.
 */
#include <linux/mm.h>

void install_pmd_entry(pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _PAGE_TABLE));
}
