// SPDX-License-Identifier: GPL-2.0
/* Its pr_fmt() adds an argument: code, not a string; its own class. */
#define pr_fmt(fmt) "%s: " fmt, __func__
#include <linux/mm.h>
#include <asm/table_log.h>

void log_c_warn(void)
{
	table_warn("table missing");
}
