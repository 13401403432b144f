/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TABLE_LOG_H
#define _ASM_X86_TABLE_LOG_H

/* Each file may give its messages a prefix, as with printk(). */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

void table_log(const char *fmt, ...);
#define table_warn(fmt) table_log(pr_fmt(fmt))

#endif /* _ASM_X86_TABLE_LOG_H */
