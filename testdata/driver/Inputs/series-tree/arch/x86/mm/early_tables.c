// SPDX-License-Identifier: GPL-2.0
/*
 * pmd tables handed to arch/x86/kernel/, which installs or frees them: the
 * object group spans both directories, so their conversions must land in
 * one patch.
 */
#include <linux/mm.h>
#include <asm/early_tables.h>

pmd_t *early_pmd_table_alloc(void)
{
	return (pmd_t *)get_zeroed_page(GFP_KERNEL);
}
