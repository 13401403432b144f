/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State shared by the model's translation units. Each simulated page frame
 * has a struct page (kernel-visible, in mem_map) and a struct page_meta
 * (model-only: what the checker knows about how the page was allocated).
 */
#ifndef _REFIMPL_MODEL_INTERNAL_H
#define _REFIMPL_MODEL_INTERNAL_H

#include <linux/mm.h>
#include <refimpl/refimpl.h>

#define REFIMPL_MAX_ORDER 10

enum page_state {
	PAGE_STATE_RESERVED, /* pfn 0: never handed out */
	PAGE_STATE_FREE,
	PAGE_STATE_HEAD,     /* first page of a live allocation */
	PAGE_STATE_TAIL,     /* other pages of a live allocation */
};

struct page_meta {
	enum page_state state;
	/* Of the allocation this page heads (or last headed, once freed). */
	enum refimpl_alloc_family family;
	const char *api;
	unsigned int order;
	bool compound;
	bool zeroed;
	bool was_head;       /* freed page that headed an allocation */
	bool queued;         /* waiting in the deferred kernel page-table free */
	const char *queued_by; /* the free API that queued it, for reports */
	/* Accessor that read this live allocation out of an entry, or NULL. */
	const char *entry_read_by;
	/* Set by <asm/pgalloc.h>'s allocators (refimpl_note_table_alloc()). */
	const char *table_api;
	const char *table_free;
	enum refimpl_pt_level table_level;
	/* Constructor state: the level whose ctor ran and whose dtor has not,
	 * and the split page-table lock it allocated (also in ptdesc->ptl). */
	enum refimpl_pt_level ctor_level;
	spinlock_t *ptl;
	const char *file;
	int line;
};

extern struct page_meta *refimpl_meta;

/* Allocate 2^order pages; records family/api and the alloc_hooks() site. */
struct page *refimpl_alloc(gfp_t gfp, unsigned int order,
			   enum refimpl_alloc_family family, const char *api);
/* Free an allocation, checking it against how it was allocated. */
void refimpl_free(unsigned long pfn, unsigned int order,
		  enum refimpl_alloc_family family, const char *api);
/*
 * Drop the only reference of an order-0 page (put_page() of a table the
 * mmu_gather queued): correct for a page of either family; any other order
 * is reported as an order mismatch (order 0 is what is freed).
 */
void refimpl_free_page_ref(unsigned long pfn, const char *api);
/* pagetable_free() logic with the caller's API name for reports. */
void refimpl_pagetable_free_as(struct ptdesc *pt, const char *api);

/*
 * Every free of a live allocation calls this before releasing it (a queued
 * kernel table when the deferred work frees it): records
 * REFIMPL_V_CTOR_MISMATCH if the page still has a constructor's state
 * (PGTY_table, a split ptlock), then drops that state, so the bug is
 * reported once.
 */
void refimpl_check_ctor_state_on_free(unsigned long pfn, const char *api,
				      unsigned int order);
/* Frees the page's split ptlock, if any, and forgets its ctor state. */
void refimpl_drop_ctor_state(unsigned long pfn);

void refimpl_record(enum refimpl_violation_kind kind, unsigned long pfn,
		    const char *free_api, unsigned int free_order,
		    const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Reset hooks called by refimpl_mem_init(). */
void refimpl_alloc_reset(void);
void refimpl_checker_reset(void);
void refimpl_ptdesc_reset(void);

#endif /* _REFIMPL_MODEL_INTERNAL_H */
