// SPDX-License-Identifier: GPL-2.0
/*
 * Reads the same headers as tables.c, with the same flags, and names
 * nothing the migration touches: never parsed.
 */
#include <linux/mm.h>
#include <asm/table_helpers.h>

int fault_in_kernel_space(unsigned long address)
{
	return address > 0x1000;
}
