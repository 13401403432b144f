// SPDX-License-Identifier: GPL-2.0
/*
 * ptdescs: pagetable_alloc()/pagetable_free() and the deferred free of
 * kernel page tables (CONFIG_ASYNC_KERNEL_PGTABLE_FREE): pagetable_free() of
 * a ptdesc marked with ptdesc_set_kernel() queues it, and the queue is only
 * freed when its work runs (refimpl_flush_kernel_pgtable_work(), standing in
 * for the kernel's work item that flushes the IOMMU's caches first).
 */
#include "model_internal.h"

static LIST_HEAD(kernel_pgtable_queue);
static unsigned long kernel_pgtable_pending;

void refimpl_ptdesc_reset(void)
{
	INIT_LIST_HEAD(&kernel_pgtable_queue);
	kernel_pgtable_pending = 0;
}

struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order)
{
	struct page *page = refimpl_alloc(gfp | __GFP_COMP, order,
					  REFIMPL_FAMILY_PTDESC,
					  "pagetable_alloc");

	return page_ptdesc(page);
}

static void free_ptdesc_now(struct ptdesc *pt, const char *api)
{
	struct page *page = ptdesc_page(pt);

	refimpl_free(page_to_pfn(page), compound_order(page),
		     REFIMPL_FAMILY_PTDESC, api);
}

void __pagetable_free(struct ptdesc *pt)
{
	free_ptdesc_now(pt, "pagetable_free");
}

static void queue_kernel_pgtable(struct ptdesc *pt, const char *api)
{
	unsigned long pfn = page_to_pfn(ptdesc_page(pt));

	if (pfn < refimpl_mem_pages &&
	    refimpl_meta[pfn].state == PAGE_STATE_HEAD &&
	    !refimpl_meta[pfn].queued) {
		refimpl_meta[pfn].queued = true;
		refimpl_meta[pfn].queued_by = api;
		list_add_tail(&pt->pt_list, &kernel_pgtable_queue);
		kernel_pgtable_pending++;
		return;
	}
	/* Not a live, unqueued allocation: let the checker say what it is. */
	free_ptdesc_now(pt, api);
}

void pagetable_free_kernel(struct ptdesc *pt)
{
	queue_kernel_pgtable(pt, "pagetable_free");
}

void refimpl_pagetable_free_as(struct ptdesc *pt, const char *api)
{
	if (ptdesc_test_kernel(pt)) {
		ptdesc_clear_kernel(pt);
		queue_kernel_pgtable(pt, api);
	} else {
		free_ptdesc_now(pt, api);
	}
}

unsigned long refimpl_kernel_pgtable_pending(void)
{
	return kernel_pgtable_pending;
}

unsigned long refimpl_flush_kernel_pgtable_work(void)
{
	unsigned long freed = 0;

	while (!list_empty(&kernel_pgtable_queue)) {
		struct ptdesc *pt = list_first_entry(&kernel_pgtable_queue,
						     struct ptdesc, pt_list);
		unsigned long pfn = page_to_pfn(ptdesc_page(pt));

		const char *api = refimpl_meta[pfn].queued_by;

		list_del(&pt->pt_list);
		refimpl_meta[pfn].queued = false;
		refimpl_meta[pfn].queued_by = NULL;
		free_ptdesc_now(pt, api ? api : "pagetable_free");
		freed++;
	}
	kernel_pgtable_pending = 0;
	return freed;
}

bool pagetable_pte_ctor(struct ptdesc *pt)
{
	__SetPageTable(ptdesc_page(pt));
	return true;
}

void pagetable_pte_dtor(struct ptdesc *pt)
{
	__ClearPageTable(ptdesc_page(pt));
}

bool pagetable_pmd_ctor(struct ptdesc *pt)
{
	pt->pmd_huge_pte = NULL;
	__SetPageTable(ptdesc_page(pt));
	return true;
}

void pagetable_pmd_dtor(struct ptdesc *pt)
{
	__ClearPageTable(ptdesc_page(pt));
}
