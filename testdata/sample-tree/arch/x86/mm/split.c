// SPDX-License-Identifier: GPL-2.0
/*
 * Split a large leaf into a table of the next smaller size with the same
 * translations. The new table is filled completely before it is installed,
 * so it is allocated without __GFP_ZERO.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

/* The flags of a large leaf as they read in a smaller leaf. */
static pgprot_t split_prot(unsigned long leaf_flags)
{
	return __pgprot(leaf_flags & ~(unsigned long)_PAGE_PSE);
}

int split_large_pmd(pmd_t *pmd)
{
	unsigned long pfn = pmd_pfn(*pmd);
	pgprot_t prot = split_prot(pmd_flags(*pmd));
	pte_t *pte;
	int i;

	pte = (pte_t *)__get_free_page(GFP_KERNEL);
	if (!pte)
		return -ENOMEM;

	for (i = 0; i < PTRS_PER_PTE; i++)
		set_pte(&pte[i], pfn_pte(pfn + i, prot));

	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

int split_large_pud(pud_t *pud)
{
	unsigned long pfn = pud_pfn(*pud);
	unsigned long flags = pud_flags(*pud);
	unsigned long step = PMD_SIZE >> PAGE_SHIFT;
	pmd_t *pmd;
	int i;

	pmd = (pmd_t *)__get_free_pages(GFP_KERNEL, 0);
	if (!pmd)
		return -ENOMEM;

	/* 2 MiB leaves keep the PSE bit. */
	for (i = 0; i < PTRS_PER_PMD; i++)
		set_pmd(&pmd[i], pfn_pmd(pfn + i * step, __pgprot(flags)));

	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
