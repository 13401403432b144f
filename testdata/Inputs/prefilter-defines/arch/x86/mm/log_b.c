// SPDX-License-Identifier: GPL-2.0
/* Its pr_fmt() only builds a string: the class of log_a.c. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/mm.h>
#include <asm/table_log.h>

void log_b_warn(void)
{
	table_warn("table missing");
}
