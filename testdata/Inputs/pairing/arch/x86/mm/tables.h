/* SPDX-License-Identifier: GPL-2.0 */
/* A helper both units include; only map.c calls it. */
#include <linux/mm.h>

static inline void free_p4d_table(p4d_t *p4d)
{
	free_page((unsigned long)p4d);
}
