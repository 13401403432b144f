// SPDX-License-Identifier: GPL-2.0
/* Its pr_fmt() only builds a string: the class of log_b.c. */
#define pr_fmt(fmt) "log_a: " fmt
#include <linux/mm.h>
#include <asm/table_log.h>

void log_a_warn(void)
{
	table_warn("table missing");
}
