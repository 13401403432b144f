// SPDX-License-Identifier: GPL-2.0
/*
 * Names nothing the migration touches either, but defines a macro before
 * its #include lines: the headers may mean something else here, so it is
 * parsed once for <linux/mm.h>, whose code names the allocators.
 */
#define NUMA_DEBUG 1
#include <linux/mm.h>

int numa_node_count(void)
{
	return NUMA_DEBUG;
}
