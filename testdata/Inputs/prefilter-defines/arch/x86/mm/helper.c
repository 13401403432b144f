// SPDX-License-Identifier: GPL-2.0
/*
 * HELPER_SHIFT is its own: no header spells it, so the headers mean here
 * what they mean in fault.c (and tables.c): not parsed.
 */
#define HELPER_SHIFT 3
#include <linux/mm.h>
#include <asm/table_helpers.h>

int helper_shift(void)
{
	return HELPER_SHIFT;
}
