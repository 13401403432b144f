// SPDX-License-Identifier: GPL-2.0
/*
 * ptdescs: pagetable_alloc()/pagetable_free(), the deferred free of kernel
 * page tables (CONFIG_ASYNC_KERNEL_PGTABLE_FREE): pagetable_free() of a
 * ptdesc marked with ptdesc_set_kernel() queues it, and the queue is only
 * freed when its work runs (refimpl_flush_kernel_pgtable_work(), standing in
 * for the kernel's work item that flushes the IOMMU's caches first), and the
 * per-level constructors and destructors with their split page-table locks
 * (see <linux/mm.h>), whose state the checker holds every free against.
 */
#include <stdio.h>
#include <stdlib.h>

#include "model_internal.h"

static LIST_HEAD(kernel_pgtable_queue);
static unsigned long kernel_pgtable_pending;

static unsigned long ptlocks_live;
static unsigned long ptlock_calls;
static unsigned long ptlock_fail_at; /* ptlock_calls value that fails */

void refimpl_ptdesc_reset(void)
{
	INIT_LIST_HEAD(&kernel_pgtable_queue);
	kernel_pgtable_pending = 0;
	/* The locks are host memory: release those of the old simulation. */
	for (unsigned long pfn = 0; refimpl_meta && pfn < refimpl_mem_pages;
	     pfn++)
		refimpl_drop_ctor_state(pfn);
	ptlocks_live = 0;
	ptlock_calls = 0;
	ptlock_fail_at = 0;
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

/* ---- constructors, destructors and split page-table locks ---- */

const char *refimpl_pt_level_name(enum refimpl_pt_level level)
{
	switch (level) {
	case REFIMPL_PT_PTE:
		return "pte";
	case REFIMPL_PT_PMD:
		return "pmd";
	case REFIMPL_PT_PUD:
		return "pud";
	case REFIMPL_PT_P4D:
		return "p4d";
	case REFIMPL_PT_PGD:
		return "pgd";
	default:
		return "none";
	}
}

static struct page_meta *meta_of(const struct ptdesc *pt)
{
	unsigned long pfn = page_to_pfn(ptdesc_page(pt));

	return refimpl_meta && pfn < refimpl_mem_pages ? &refimpl_meta[pfn]
						       : NULL;
}

void refimpl_note_table_alloc(const void *table, enum refimpl_pt_level level,
			      const char *allocator, const char *free_api)
{
	struct page_meta *m;

	if (!table || !virt_addr_valid(table))
		return;
	m = meta_of(virt_to_ptdesc(table));
	if (!m || m->state != PAGE_STATE_HEAD)
		return;
	m->table_api = allocator;
	m->table_level = level;
	m->table_free = free_api;
}

unsigned long refimpl_ptlocks_live(void)
{
	return ptlocks_live;
}

void refimpl_fail_nth_ptlock_alloc(unsigned long n)
{
	ptlock_fail_at = n ? ptlock_calls + n : 0;
}

bool ptlock_alloc(struct ptdesc *pt)
{
	struct page_meta *m = meta_of(pt);
	spinlock_t *ptl;

	ptlock_calls++;
	if (ptlock_fail_at && ptlock_calls == ptlock_fail_at) {
		ptlock_fail_at = 0;
		return false;
	}
	if (!m)
		return false;
	ptl = calloc(1, sizeof(*ptl));
	if (!ptl)
		abort();
	if (m->ptl) {
		/* A second constructor (reported): the first lock is lost in
		 * the kernel; the model frees it to keep its count exact. */
		free(m->ptl);
		ptlocks_live--;
	}
	m->ptl = ptl;
	pt->ptl = ptl;
	ptlocks_live++;
	return true;
}

/* Frees the lock the model allocated for this page (ptdesc->ptl may have
 * been overwritten, the model's record has not). */
void ptlock_free(struct ptdesc *pt)
{
	struct page_meta *m = meta_of(pt);

	if (m && m->ptl) {
		free(m->ptl);
		m->ptl = NULL;
		ptlocks_live--;
	}
	pt->ptl = NULL;
}

void refimpl_drop_ctor_state(unsigned long pfn)
{
	struct page_meta *m = &refimpl_meta[pfn];

	if (m->ptl) {
		free(m->ptl);
		m->ptl = NULL;
		if (ptlocks_live)
			ptlocks_live--;
		if (mem_map)
			page_ptdesc(&mem_map[pfn])->ptl = NULL;
	}
	m->ctor_level = REFIMPL_PT_NONE;
}

/* "a pmd table allocated by pmd_alloc_one" or "allocated by pgtable_alloc". */
static void describe_table(char *buf, size_t size, const struct page_meta *m)
{
	enum refimpl_pt_level level = m->table_level != REFIMPL_PT_NONE
					      ? m->table_level
					      : m->ctor_level;

	if (level != REFIMPL_PT_NONE)
		snprintf(buf, size, "a %s table allocated by %s",
			 refimpl_pt_level_name(level),
			 m->table_api ? m->table_api : m->api);
	else
		snprintf(buf, size, "allocated by %s", m->api);
}

void refimpl_check_ctor_state_on_free(unsigned long pfn, const char *api,
				      unsigned int order)
{
	struct page_meta *m = &refimpl_meta[pfn];
	bool typed = mem_map && PageTable(&mem_map[pfn]);
	char what[96], hint[96];

	if (!typed && !m->ptl)
		return;
	describe_table(what, sizeof(what), m);
	if (m->table_free)
		snprintf(hint, sizeof(hint), "%s() runs the destructor",
			 m->table_free);
	else if (m->ctor_level != REFIMPL_PT_NONE)
		snprintf(hint, sizeof(hint),
			 "pagetable_%s_dtor() must run first",
			 refimpl_pt_level_name(m->ctor_level));
	else
		snprintf(hint, sizeof(hint),
			 "no constructor ran: the page type was set by hand");
	refimpl_record(REFIMPL_V_CTOR_MISMATCH, pfn, api, order,
		       "%s frees pfn %#lx, %s, with its constructor state (%s%s%s) still set: %s",
		       api, pfn, what, m->ptl ? "split ptlock" : "",
		       m->ptl && typed ? ", " : "", typed ? "PGTY_table" : "",
		       hint);
	refimpl_drop_ctor_state(pfn);
	if (mem_map)
		__ClearPageTable(&mem_map[pfn]);
}

/* A constructor ran: record its level; a second one is reported. */
static void ctor_ran(struct ptdesc *pt, enum refimpl_pt_level level,
		     const char *ctor, enum refimpl_pt_level previous)
{
	struct page_meta *m = meta_of(pt);
	char what[96];

	if (!m)
		return;
	if (previous != REFIMPL_PT_NONE) {
		describe_table(what, sizeof(what), m);
		refimpl_record(REFIMPL_V_CTOR_MISMATCH,
			       page_to_pfn(ptdesc_page(pt)), NULL, 0,
			       "%s runs on pfn %#lx, %s, on which the %s constructor ran already",
			       ctor, page_to_pfn(ptdesc_page(pt)), what,
			       refimpl_pt_level_name(previous));
	}
	m->ctor_level = level;
}

/* The level whose constructor ran on pt, before a constructor runs. */
static enum refimpl_pt_level ctor_level_of(const struct ptdesc *pt)
{
	const struct page_meta *m = meta_of(pt);

	return m ? m->ctor_level : REFIMPL_PT_NONE;
}

/*
 * A destructor is about to run: it must be the one of the level whose
 * constructor ran. Either way the destructor then frees whatever lock the
 * page holds and clears its type, so the free after it is not reported too.
 */
static void dtor_runs(struct ptdesc *pt, enum refimpl_pt_level level,
		      const char *dtor)
{
	struct page_meta *m = meta_of(pt);
	unsigned long pfn = page_to_pfn(ptdesc_page(pt));
	char what[96], hint[64] = "";

	if (!m)
		return;
	if (m->state != PAGE_STATE_HEAD) {
		refimpl_record(REFIMPL_V_CTOR_MISMATCH, pfn, dtor, 0,
			       "%s runs on pfn %#lx, which is not the start of a live allocation",
			       dtor, pfn);
		return;
	}
	if (m->ctor_level == level)
		return;
	describe_table(what, sizeof(what), m);
	if (m->table_free)
		snprintf(hint, sizeof(hint), ": %s() frees it", m->table_free);
	if (m->ctor_level == REFIMPL_PT_NONE)
		refimpl_record(REFIMPL_V_CTOR_MISMATCH, pfn, dtor, 0,
			       "%s runs on pfn %#lx, %s, on which no constructor ran%s",
			       dtor, pfn, what, hint);
	else
		refimpl_record(REFIMPL_V_CTOR_MISMATCH, pfn, dtor, 0,
			       "%s runs on pfn %#lx, %s, on which the %s constructor ran, not the %s one%s",
			       dtor, pfn, what,
			       refimpl_pt_level_name(m->ctor_level),
			       refimpl_pt_level_name(level), hint);
	/* What the destructor of the level that ran would have released. */
	refimpl_drop_ctor_state(pfn);
}

/* After a destructor: no constructor state is left. */
static void dtor_done(struct ptdesc *pt)
{
	if (meta_of(pt))
		refimpl_drop_ctor_state(page_to_pfn(ptdesc_page(pt)));
}

bool pagetable_pte_ctor(struct ptdesc *pt)
{
	enum refimpl_pt_level previous = ctor_level_of(pt);

	if (!ptlock_init(pt))
		return false;
	__SetPageTable(ptdesc_page(pt));
	ctor_ran(pt, REFIMPL_PT_PTE, "pagetable_pte_ctor", previous);
	return true;
}

void pagetable_pte_dtor(struct ptdesc *pt)
{
	dtor_runs(pt, REFIMPL_PT_PTE, "pagetable_pte_dtor");
	ptlock_free(pt);
	__ClearPageTable(ptdesc_page(pt));
	dtor_done(pt);
}

/* pmd_ptlock_init(): split pmd locks, with transparent huge pages. */
bool pagetable_pmd_ctor(struct ptdesc *pt)
{
	enum refimpl_pt_level previous = ctor_level_of(pt);

	pt->pmd_huge_pte = NULL;
	if (!ptlock_init(pt))
		return false;
	__SetPageTable(ptdesc_page(pt));
	ctor_ran(pt, REFIMPL_PT_PMD, "pagetable_pmd_ctor", previous);
	return true;
}

void pagetable_pmd_dtor(struct ptdesc *pt)
{
	dtor_runs(pt, REFIMPL_PT_PMD, "pagetable_pmd_dtor");
	ptlock_free(pt);
	__ClearPageTable(ptdesc_page(pt));
	dtor_done(pt);
}

void pagetable_pud_ctor(struct ptdesc *pt)
{
	enum refimpl_pt_level previous = ctor_level_of(pt);

	__SetPageTable(ptdesc_page(pt));
	ctor_ran(pt, REFIMPL_PT_PUD, "pagetable_pud_ctor", previous);
}

void pagetable_pud_dtor(struct ptdesc *pt)
{
	dtor_runs(pt, REFIMPL_PT_PUD, "pagetable_pud_dtor");
	__ClearPageTable(ptdesc_page(pt));
	dtor_done(pt);
}
