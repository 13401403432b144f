// SPDX-License-Identifier: GPL-2.0
#include <linux/mm.h>

void free_kernel_pte(unsigned long *pte)
{
	int unused;

	pagetable_free(virt_to_ptdesc(pte));
}
