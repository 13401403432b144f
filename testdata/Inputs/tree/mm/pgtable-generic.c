// SPDX-License-Identifier: GPL-2.0
/* The generic side (a kernel-style fixture). */
#include <linux/mm.h>

void pgtable_free(const void *addr)
{
	pagetable_free(virt_to_ptdesc(addr));
}

void free_pgd_table(pgd_t *pgd)
{
	pagetable_free(virt_to_ptdesc(pgd));
}
