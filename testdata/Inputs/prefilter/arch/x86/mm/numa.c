// SPDX-License-Identifier: GPL-2.0
/*
 * Names nothing the migration touches either, but defines a macro that a
 * header tests (#ifndef p4d_leaf) before its #include lines: the headers
 * may mean something else here, so it is parsed once for <linux/mm.h>,
 * whose code names the allocators. NUMA_DEBUG, which no header spells,
 * changes nothing.
 */
#define NUMA_DEBUG 1
#define p4d_leaf(x) false
#include <linux/mm.h>

int numa_node_count(void)
{
	return NUMA_DEBUG;
}
