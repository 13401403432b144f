/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pte, pmd and pud table constructors and destructors of Linux 6.12
 * include/asm-generic/pgalloc.h, included by <asm/pgalloc.h> (which, with
 * REFIMPL_PLAIN_ALLOCATORS, has the _noprof names defined to the plain
 * ones around this include).
 */
#ifndef __ASM_GENERIC_PGALLOC_H
#define __ASM_GENERIC_PGALLOC_H

#include <linux/mm.h>

/*
 * ---- pte, pmd and pud tables (asm-generic/pgalloc.h) ----
 *
 * The constructors and destructors are those of Linux 6.12: a user pte
 * table and every pmd and pud table get their level's constructor
 * (PGTY_table; a split ptlock for pte and pmd tables), which their free
 * undoes with the matching destructor before pagetable_free(). A kernel
 * pte table (pte_alloc_one_kernel()) has none in 6.12, and pte_free_kernel()
 * runs none.
 *
 * Kernel tables are marked as the async kernel page-table free series does
 * it: pte_alloc_one_kernel() always, pmd_alloc_one() and pud_alloc_one()
 * when mm is &init_mm. pagetable_free() then defers their free until the
 * deferred work runs (refimpl_flush_kernel_pgtable_work()).
 *
 * Model-only: each allocator tells the checker what it made
 * (refimpl_note_table_alloc()), so that its reports name the allocator and
 * the free that matches it.
 */

/* ---- pte tables ---- */

static inline pte_t *__pte_alloc_one_kernel_noprof(struct mm_struct *mm)
{
	struct ptdesc *ptdesc =
		pagetable_alloc_noprof(GFP_PGTABLE_KERNEL & ~__GFP_HIGHMEM, 0);

	if (!ptdesc)
		return NULL;
	ptdesc_set_kernel(ptdesc);
	refimpl_note_table_alloc(ptdesc_address(ptdesc), REFIMPL_PT_PTE,
				 "__pte_alloc_one_kernel", "pte_free_kernel");
	return (pte_t *)ptdesc_address(ptdesc);
}

static inline pte_t *pte_alloc_one_kernel_noprof(struct mm_struct *mm)
{
	pte_t *pte = __pte_alloc_one_kernel_noprof(mm);

	refimpl_note_table_alloc(pte, REFIMPL_PT_PTE, "pte_alloc_one_kernel",
				 "pte_free_kernel");
	return pte;
}

static inline void pte_free_kernel(struct mm_struct *mm, pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}

static inline pgtable_t __pte_alloc_one_noprof(struct mm_struct *mm, gfp_t gfp)
{
	struct ptdesc *ptdesc = pagetable_alloc_noprof(gfp, 0);

	if (!ptdesc)
		return NULL;
	if (!pagetable_pte_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	refimpl_note_table_alloc(ptdesc_address(ptdesc), REFIMPL_PT_PTE,
				 "__pte_alloc_one", "pte_free");
	return ptdesc_page(ptdesc);
}

static inline pgtable_t pte_alloc_one_noprof(struct mm_struct *mm)
{
	pgtable_t pte = __pte_alloc_one_noprof(mm, GFP_PGTABLE_USER);

	if (pte)
		refimpl_note_table_alloc(page_address(pte), REFIMPL_PT_PTE,
					 "pte_alloc_one", "pte_free");
	return pte;
}

static inline void pte_free(struct mm_struct *mm, pgtable_t pte_page)
{
	struct ptdesc *ptdesc = page_ptdesc(pte_page);

	pagetable_pte_dtor(ptdesc);
	pagetable_free(ptdesc);
}

#if CONFIG_PGTABLE_LEVELS > 2
/* ---- pmd tables ---- */

static inline pmd_t *pmd_alloc_one_noprof(struct mm_struct *mm,
					  unsigned long addr)
{
	gfp_t gfp = mm == &init_mm ? GFP_PGTABLE_KERNEL : GFP_PGTABLE_USER;
	struct ptdesc *ptdesc = pagetable_alloc_noprof(gfp, 0);

	if (!ptdesc)
		return NULL;
	if (!pagetable_pmd_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	if (mm == &init_mm)
		ptdesc_set_kernel(ptdesc);
	refimpl_note_table_alloc(ptdesc_address(ptdesc), REFIMPL_PT_PMD,
				 "pmd_alloc_one", "pmd_free");
	return (pmd_t *)ptdesc_address(ptdesc);
}

static inline void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	struct ptdesc *ptdesc = virt_to_ptdesc(pmd);

	pagetable_pmd_dtor(ptdesc);
	pagetable_free(ptdesc);
}
#endif /* CONFIG_PGTABLE_LEVELS > 2 */

#if CONFIG_PGTABLE_LEVELS > 3
/* ---- pud tables ---- */

static inline pud_t *__pud_alloc_one_noprof(struct mm_struct *mm,
					    unsigned long addr)
{
	gfp_t gfp = mm == &init_mm ? GFP_PGTABLE_KERNEL : GFP_PGTABLE_USER;
	struct ptdesc *ptdesc = pagetable_alloc_noprof(gfp & ~__GFP_HIGHMEM, 0);

	if (!ptdesc)
		return NULL;
	pagetable_pud_ctor(ptdesc);
	if (mm == &init_mm)
		ptdesc_set_kernel(ptdesc);
	refimpl_note_table_alloc(ptdesc_address(ptdesc), REFIMPL_PT_PUD,
				 "__pud_alloc_one", "__pud_free");
	return (pud_t *)ptdesc_address(ptdesc);
}

static inline pud_t *pud_alloc_one_noprof(struct mm_struct *mm,
					  unsigned long addr)
{
	pud_t *pud = __pud_alloc_one_noprof(mm, addr);

	refimpl_note_table_alloc(pud, REFIMPL_PT_PUD, "pud_alloc_one",
				 "pud_free");
	return pud;
}

static inline void __pud_free(struct mm_struct *mm, pud_t *pud)
{
	struct ptdesc *ptdesc = virt_to_ptdesc(pud);

	pagetable_pud_dtor(ptdesc);
	pagetable_free(ptdesc);
}

static inline void pud_free(struct mm_struct *mm, pud_t *pud)
{
	__pud_free(mm, pud);
}
#endif /* CONFIG_PGTABLE_LEVELS > 3 */

#endif /* __ASM_GENERIC_PGALLOC_H */
