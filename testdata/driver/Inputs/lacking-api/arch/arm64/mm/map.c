// SPDX-License-Identifier: GPL-2.0
#include <linux/mm.h>

/*
 * A parameter named like the new allocator: once mm.h defines the
 * pgtable_alloc() macro, this call no longer compiles until the parameter is
 * renamed (name-conflicts). That is the API's doing, not the conversion's.
 */
unsigned long map_range(unsigned long (*pgtable_alloc)(int), int shift)
{
	return pgtable_alloc(shift);
}

void free_kernel_pmd(unsigned long *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
}
