/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slice of include/linux/mm.h the migration touches: page helpers,
 * ptdescs (Linux 6.12, plus the kernel-page-table marking and deferred free
 * of the async kernel page-table free series) and the new address-based
 * page-table API that pgtable-migrate targets.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/pgtable.h>
#include <asm/page.h>

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return (unsigned int)page_private(&page[1]);
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount.counter;
}

/* ---- ptdescs ---- */

#define page_ptdesc(p) ((struct ptdesc *)(p))
#define ptdesc_page(pt) ((struct page *)(pt))

static inline struct ptdesc *virt_to_ptdesc(const void *x)
{
	return page_ptdesc(virt_to_page(x));
}

static inline void *ptdesc_address(const struct ptdesc *pt)
{
	return page_address(ptdesc_page(pt));
}

static inline unsigned int ptdesc_order(const struct ptdesc *pt)
{
	return compound_order(ptdesc_page(pt));
}

/* pagetable_alloc() adds __GFP_COMP: the free side reads the order back. */
#ifdef REFIMPL_PLAIN_ALLOCATORS
/* 6.6 to 6.9: a static inline over alloc_pages(); a function here. */
extern struct ptdesc *pagetable_alloc(gfp_t gfp, unsigned int order);
#else
extern struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pagetable_alloc(...) alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))
#endif

/* Frees compound_order() pages immediately. */
extern void __pagetable_free(struct ptdesc *pt);

/*
 * Kernel page tables may be cached by an IOMMU walking the kernel address
 * space (SVA): they are marked, and their free is deferred until the IOTLB
 * has been flushed (CONFIG_ASYNC_KERNEL_PGTABLE_FREE).
 */
#define PT_kernel PG_referenced

static inline void ptdesc_set_kernel(struct ptdesc *pt)
{
	pt->__page_flags |= 1UL << PT_kernel;
}

static inline void ptdesc_clear_kernel(struct ptdesc *pt)
{
	pt->__page_flags &= ~(1UL << PT_kernel);
}

static inline bool ptdesc_test_kernel(const struct ptdesc *pt)
{
	return pt->__page_flags & (1UL << PT_kernel);
}

#ifdef CONFIG_ASYNC_KERNEL_PGTABLE_FREE
/* Queues pt; refimpl_flush_kernel_pgtable_work() frees the queue. */
extern void pagetable_free_kernel(struct ptdesc *pt);
#else
static inline void pagetable_free_kernel(struct ptdesc *pt)
{
	__pagetable_free(pt);
}
#endif

static inline void pagetable_free(struct ptdesc *pt)
{
	if (ptdesc_test_kernel(pt)) {
		ptdesc_clear_kernel(pt);
		pagetable_free_kernel(pt);
	} else {
		__pagetable_free(pt);
	}
}

/*
 * ---- Split page-table locks and the per-level constructors ----
 *
 * As Linux 6.12 with ALLOC_SPLIT_PTLOCKS (a spinlock_t larger than a long,
 * as with lockdep): the lock of a pte or pmd table is allocated by its
 * ptdesc's constructor (ptlock_alloc(), a slab object in the kernel, a
 * lock the model tracks here) and kept in ptdesc->ptl, which overlays
 * page->private; the destructor frees it. With split pmd locks
 * (USE_SPLIT_PMD_PTLOCKS, as x86-64 has) the pmd constructor initialises
 * one too and clears pmd_huge_pte (CONFIG_TRANSPARENT_HUGEPAGE). A pud
 * table has no lock of its own (mm->page_table_lock): its constructor only
 * sets the page type. Every constructor sets PGTY_table and every
 * destructor clears it (the NR_PAGETABLE accounting is not modelled). The
 * model's constructors and destructors are functions, not static inlines:
 * they also record, for the checker, which level's constructor ran.
 */
extern bool ptlock_alloc(struct ptdesc *pt);
extern void ptlock_free(struct ptdesc *pt);

static inline spinlock_t *ptlock_ptr(struct ptdesc *pt)
{
	return pt->ptl;
}

static inline bool ptlock_init(struct ptdesc *pt)
{
	if (!ptlock_alloc(pt))
		return false;
	ptlock_ptr(pt)->locked = 0; /* spin_lock_init() */
	return true;
}

static inline spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	return ptlock_ptr(page_ptdesc(pmd_page(*pmd)));
}

static inline struct ptdesc *pmd_ptdesc(pmd_t *pmd)
{
	unsigned long mask = ~(PTRS_PER_PMD * sizeof(pmd_t) - 1);

	return virt_to_ptdesc((void *)((unsigned long)pmd & mask));
}

static inline spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	return ptlock_ptr(pmd_ptdesc(pmd));
}

extern bool pagetable_pte_ctor(struct ptdesc *pt);
extern void pagetable_pte_dtor(struct ptdesc *pt);
extern bool pagetable_pmd_ctor(struct ptdesc *pt);
extern void pagetable_pmd_dtor(struct ptdesc *pt);
/* 6.12: void, as the pud constructor cannot fail (no lock to allocate). */
extern void pagetable_pud_ctor(struct ptdesc *pt);
extern void pagetable_pud_dtor(struct ptdesc *pt);

/*
 * ---- The new address-based page-table API (the migration's target) ----
 *
 * pgtable_alloc(gfp, order) returns the address of a zeroed page table:
 * pagetable_alloc(gfp | __GFP_ZERO, order), then ptdesc_address().
 * pgtable_free(addr) is pagetable_free(virt_to_ptdesc(addr)).
 * An earlier revision named them pgtable_alloc_addr()/pgtable_free_addr();
 * both names are provided with identical semantics.
 */
#ifdef REFIMPL_PLAIN_ALLOCATORS
/* Before 6.10, the API would be plain functions too. */
extern void *pgtable_alloc(gfp_t gfp, unsigned int order);
extern void *pgtable_alloc_addr(gfp_t gfp, unsigned int order);
#else
extern void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pgtable_alloc(...) alloc_hooks(pgtable_alloc_noprof(__VA_ARGS__))
extern void *pgtable_alloc_addr_noprof(gfp_t gfp, unsigned int order);
#define pgtable_alloc_addr(...) alloc_hooks(pgtable_alloc_addr_noprof(__VA_ARGS__))
#endif
extern void pgtable_free(const void *addr);
extern void pgtable_free_addr(const void *addr);

/* A ptdesc's address, as 6.12 also spells it: page_to_virt(ptdesc_page()). */
static inline void *ptdesc_to_virt(const struct ptdesc *pt)
{
	return page_address(ptdesc_page(pt));
}

#endif /* _LINUX_MM_H */
