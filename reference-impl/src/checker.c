// SPDX-License-Identifier: GPL-2.0
/*
 * The checker: every free is compared with how its pages were allocated,
 * and misuse is recorded as a violation instead of corrupting the model.
 * A free that disagrees with its allocation (family, order) still releases
 * the allocation as it was made, so one bug is reported once, not as a
 * cascade of leaks.
 *
 * Every free of a live allocation is also held against the page's
 * constructor state (see ptdesc.c): a table freed while its ptdesc still
 * has a constructor's page type or split ptlock is a ctor mismatch, as the
 * destructors that run on the wrong tables are.
 *
 * Two frees through the other family are not violations, because Linux 6.12
 * releases the page correctly either way: an order-0 table whose reference
 * the mmu_gather drops (refimpl_free_page_ref()), and an order-0 table that
 * an accessor read out of an entry (recorded apart, as a cross-family entry
 * free).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

static struct refimpl_violation *violations;
static size_t nr_violations;
static size_t cap_violations;

static struct refimpl_entry_free *entry_frees;
static size_t nr_entry_frees;
static size_t cap_entry_frees;

static const char *const kind_names[REFIMPL_V_NR_KINDS] = {
	[REFIMPL_V_FAMILY_MISMATCH] = "family-mismatch",
	[REFIMPL_V_ORDER_MISMATCH] = "order-mismatch",
	[REFIMPL_V_DOUBLE_FREE] = "double-free",
	[REFIMPL_V_BAD_FREE_ADDRESS] = "bad-free-address",
	[REFIMPL_V_WALK_FREED_TABLE] = "walk-freed-table",
	[REFIMPL_V_LEAK] = "leak",
	[REFIMPL_V_BAD_ADDRESS] = "bad-address",
	[REFIMPL_V_CTOR_MISMATCH] = "ctor-mismatch",
};

const char *refimpl_violation_kind_name(enum refimpl_violation_kind kind)
{
	return (unsigned)kind < REFIMPL_V_NR_KINDS ? kind_names[kind] : "?";
}

static const char *family_name(enum refimpl_alloc_family family)
{
	switch (family) {
	case REFIMPL_FAMILY_PAGE:
		return "page allocator";
	case REFIMPL_FAMILY_PTDESC:
		return "ptdesc";
	default:
		return "none";
	}
}

void refimpl_checker_reset(void)
{
	refimpl_violations_clear();
	refimpl_cross_family_entry_frees_clear();
}

/* Grow *array (of *cap elements of size) to hold one more than nr. */
static void *grow(void *array, size_t nr, size_t *cap, size_t size)
{
	size_t new_cap;
	void *grown;

	if (nr < *cap)
		return array;
	new_cap = *cap ? 2 * *cap : 16;
	grown = realloc(array, new_cap * size);
	if (!grown)
		abort();
	*cap = new_cap;
	return grown;
}

void refimpl_record(enum refimpl_violation_kind kind, unsigned long pfn,
		    const char *free_api, unsigned int free_order,
		    const char *fmt, ...)
{
	struct refimpl_violation *v;
	va_list ap;

	violations = grow(violations, nr_violations, &cap_violations,
			  sizeof(*violations));
	v = &violations[nr_violations++];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	v->pfn = pfn;
	v->free_api = free_api;
	v->free_order = free_order;
	if (refimpl_meta && pfn < refimpl_mem_pages) {
		const struct page_meta *m = &refimpl_meta[pfn];

		/* A page inside a live allocation: report that allocation. */
		while (m->state == PAGE_STATE_TAIL)
			m--;

		v->alloc_api = m->api;
		v->alloc_order = m->order;
		v->alloc_file = m->file;
		v->alloc_line = m->line;
	}
	va_start(ap, fmt);
	vsnprintf(v->message, sizeof(v->message), fmt, ap);
	va_end(ap);
}

size_t refimpl_violation_count(void)
{
	return nr_violations;
}

size_t refimpl_violation_count_kind(enum refimpl_violation_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < nr_violations; i++)
		n += violations[i].kind == kind;
	return n;
}

const struct refimpl_violation *refimpl_violation_at(size_t i)
{
	return i < nr_violations ? &violations[i] : NULL;
}

void refimpl_violations_clear(void)
{
	free(violations);
	violations = NULL;
	nr_violations = 0;
	cap_violations = 0;
}

void refimpl_violations_dump(void)
{
	for (size_t i = 0; i < nr_violations; i++) {
		const struct refimpl_violation *v = &violations[i];

		fprintf(stderr, "refimpl: %s: %s", kind_names[v->kind],
			v->message);
		if (v->alloc_file)
			fprintf(stderr, " (allocated at %s:%d)", v->alloc_file,
				v->alloc_line);
		fputc('\n', stderr);
	}
}

/* Return the allocation's pages to the free pool, poisoned. */
static void release(unsigned long pfn)
{
	struct page_meta *head = &refimpl_meta[pfn];
	unsigned long nr = 1UL << head->order;

	for (unsigned long i = 0; i < nr; i++) {
		refimpl_drop_ctor_state(pfn + i);
		refimpl_meta[pfn + i].state = PAGE_STATE_FREE;
		refimpl_meta[pfn + i].was_head = false;
		memset(&mem_map[pfn + i], 0, sizeof(struct page));
	}
	head->was_head = true;
	head->queued = false;
	head->entry_read_by = NULL;
	memset(refimpl_mem_base + PFN_PHYS(pfn), REFIMPL_POISON_FREE,
	       nr * PAGE_SIZE);
}

/* An order-0 table read out of an entry, freed through the other family. */
static void record_entry_free(unsigned long pfn, const struct page_meta *m,
			      enum refimpl_alloc_family family, const char *api)
{
	struct refimpl_entry_free *f;

	entry_frees = grow(entry_frees, nr_entry_frees, &cap_entry_frees,
			   sizeof(*entry_frees));
	f = &entry_frees[nr_entry_frees++];
	memset(f, 0, sizeof(*f));
	f->pfn = pfn;
	f->alloc_family = m->family;
	f->alloc_api = m->api;
	f->free_api = api;
	f->read_by = m->entry_read_by;
	f->alloc_file = m->file;
	f->alloc_line = m->line;
	snprintf(f->message, sizeof(f->message),
		 "%s (%s) frees pfn %#lx allocated by %s (%s), read out of an entry by %s(): order 0, freed as its own family would free it",
		 api, family_name(family), pfn, m->api,
		 family_name(m->family), m->entry_read_by);
}

/*
 * The checks every free goes through. any_family: the free is correct for
 * a page of either family (the mmu_gather's put of an order-0 table).
 */
static void free_checked(unsigned long pfn, unsigned int order,
			 enum refimpl_alloc_family family, const char *api,
			 bool any_family)
{
	struct page_meta *m;

	if (!refimpl_meta || pfn >= refimpl_mem_pages) {
		refimpl_record(REFIMPL_V_BAD_FREE_ADDRESS, pfn, api, order,
			       "%s: pfn %#lx is outside simulated memory", api,
			       pfn);
		return;
	}
	m = &refimpl_meta[pfn];
	switch (m->state) {
	case PAGE_STATE_HEAD:
		break;
	case PAGE_STATE_FREE:
		if (m->was_head)
			refimpl_record(REFIMPL_V_DOUBLE_FREE, pfn, api, order,
				       "%s: pfn %#lx was already freed (allocated by %s)",
				       api, pfn, m->api);
		else
			refimpl_record(REFIMPL_V_BAD_FREE_ADDRESS, pfn, api,
				       order, "%s: pfn %#lx is not allocated",
				       api, pfn);
		return;
	case PAGE_STATE_RESERVED:
		refimpl_record(REFIMPL_V_BAD_FREE_ADDRESS, pfn, api, order,
			       "%s: pfn %#lx is reserved, never allocated", api,
			       pfn);
		return;
	case PAGE_STATE_TAIL:
		refimpl_record(REFIMPL_V_BAD_FREE_ADDRESS, pfn, api, order,
			       "%s: pfn %#lx is not the start of an allocation",
			       api, pfn);
		return;
	}

	if (m->queued) {
		refimpl_record(REFIMPL_V_DOUBLE_FREE, pfn, api, order,
			       "%s: pfn %#lx is already queued for deferred free",
			       api, pfn);
		return;
	}
	if (!any_family && m->family != family) {
		if (order == 0 && m->order == 0 && m->entry_read_by)
			record_entry_free(pfn, m, family, api);
		else
			refimpl_record(REFIMPL_V_FAMILY_MISMATCH, pfn, api,
				       order,
				       "%s (%s) frees pfn %#lx allocated by %s (%s)",
				       api, family_name(family), pfn, m->api,
				       family_name(m->family));
	}
	if (m->order != order)
		refimpl_record(REFIMPL_V_ORDER_MISMATCH, pfn, api, order,
			       "%s: order %u frees pfn %#lx allocated by %s with order %u",
			       api, order, pfn, m->api, m->order);
	refimpl_check_ctor_state_on_free(pfn, api, order);
	release(pfn);
}

void refimpl_free(unsigned long pfn, unsigned int order,
		  enum refimpl_alloc_family family, const char *api)
{
	free_checked(pfn, order, family, api, false);
}

void refimpl_free_page_ref(unsigned long pfn, const char *api)
{
	free_checked(pfn, 0, REFIMPL_FAMILY_NONE, api, true);
}

unsigned long refimpl_check_leaks(void)
{
	unsigned long leaks = 0;

	for (unsigned long pfn = 0; pfn < refimpl_mem_pages; pfn++) {
		const struct page_meta *m = &refimpl_meta[pfn];

		if (m->state != PAGE_STATE_HEAD || m->queued)
			continue;
		leaks++;
		refimpl_record(REFIMPL_V_LEAK, pfn, NULL, 0,
			       "pfn %#lx (order %u) allocated by %s is still live",
			       pfn, m->order, m->api);
	}
	return leaks;
}

void refimpl_note_table_read(const void *table, const char *walker)
{
	unsigned long off = (unsigned long)table - (unsigned long)refimpl_mem_base;
	unsigned long pfn = off >> PAGE_SHIFT;

	if ((unsigned long)table < (unsigned long)refimpl_mem_base ||
	    pfn >= refimpl_mem_pages) {
		refimpl_record(REFIMPL_V_BAD_ADDRESS, 0, NULL, 0,
			       "%s: table %p is outside simulated memory",
			       walker, table);
		return;
	}
	if (refimpl_meta[pfn].state == PAGE_STATE_FREE ||
	    refimpl_meta[pfn].state == PAGE_STATE_RESERVED)
		refimpl_record(REFIMPL_V_WALK_FREED_TABLE, pfn, NULL, 0,
			       "%s: reads page table at pfn %#lx, which is not allocated",
			       walker, pfn);
}

void refimpl_note_entry_table_read(const void *table, const char *accessor)
{
	unsigned long off = (unsigned long)table - (unsigned long)refimpl_mem_base;
	unsigned long pfn = off >> PAGE_SHIFT;

	refimpl_note_table_read(table, accessor);
	if ((unsigned long)table < (unsigned long)refimpl_mem_base ||
	    pfn >= refimpl_mem_pages || (off & ~PAGE_MASK))
		return;
	if (refimpl_meta[pfn].state == PAGE_STATE_HEAD)
		refimpl_meta[pfn].entry_read_by = accessor;
}

size_t refimpl_cross_family_entry_frees(void)
{
	return nr_entry_frees;
}

const struct refimpl_entry_free *refimpl_cross_family_entry_free_at(size_t i)
{
	return i < nr_entry_frees ? &entry_frees[i] : NULL;
}

void refimpl_cross_family_entry_frees_clear(void)
{
	free(entry_frees);
	entry_frees = NULL;
	nr_entry_frees = 0;
	cap_entry_frees = 0;
}

void refimpl_cross_family_entry_frees_dump(void)
{
	for (size_t i = 0; i < nr_entry_frees; i++) {
		const struct refimpl_entry_free *f = &entry_frees[i];

		fprintf(stderr, "refimpl: cross-family-entry-free: %s",
			f->message);
		if (f->alloc_file)
			fprintf(stderr, " (allocated at %s:%d)", f->alloc_file,
				f->alloc_line);
		fputc('\n', stderr);
	}
}
