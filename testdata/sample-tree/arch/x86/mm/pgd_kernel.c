// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel page tables allocated through ptdescs: the ptdesc is only needed
 * to reach the table's address, except where it carries state (the ctor's
 * PageTable type, or the kernel marking that defers the free until IOMMUs
 * walking the kernel address space have dropped their cached copies).
 */
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

pgd_t *kernel_pgd_alloc(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}

void kernel_pgd_free(pgd_t *pgd)
{
	pagetable_free(virt_to_ptdesc(pgd));
}

/* A pmd table with its ptdesc constructed, as for a split page-table lock. */
pmd_t *kernel_pmd_alloc_table(void)
{
	struct ptdesc *ptdesc;

	ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
	if (!ptdesc)
		return NULL;
	if (!pagetable_pmd_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	return ptdesc_address(ptdesc);
}

void kernel_pmd_free_table(pmd_t *pmd)
{
	struct ptdesc *ptdesc = virt_to_ptdesc(pmd);

	pagetable_pmd_dtor(ptdesc);
	pagetable_free(ptdesc);
}

/* A pte table an IOMMU may cache: its free is deferred. */
pte_t *kernel_pte_alloc_iommu_visible(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0);

	if (!ptdesc)
		return NULL;
	ptdesc_set_kernel(ptdesc);
	return ptdesc_address(ptdesc);
}

void kernel_pte_free_iommu_visible(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}

/*
 * A pgd pair as page-table isolation uses: the kernel pgd, and the user pgd
 * in the page after it, allocated and freed as one order-1 block.
 */
#define PTI_PGD_ORDER 1

pgd_t *kernel_pti_pgd_alloc(void)
{
	struct ptdesc *ptdesc;

	ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, PTI_PGD_ORDER);
	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}

pgd_t *kernel_pti_user_pgd(pgd_t *pgd)
{
	return (pgd_t *)((unsigned long)pgd + PAGE_SIZE);
}

void kernel_pti_pgd_free(pgd_t *pgd)
{
	pagetable_free(virt_to_ptdesc(pgd));
}
