// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: naturally aligned first-fit blocks of 2^order pages,
 * enough to give every allocation the alignment and contiguity the buddy
 * allocator gives. Follows Linux 6.12 mm/page_alloc.c semantics where the
 * migration depends on them: __GFP_ZERO zero-fills, __GFP_COMP makes a
 * compound page whose order the free side reads back, free_pages(0, n) is a
 * no-op, orders above MAX_PAGE_ORDER fail. Pages handed out without
 * __GFP_ZERO are filled with REFIMPL_POISON_ALLOC, freed pages with
 * REFIMPL_POISON_FREE.
 */
#include <string.h>

#include "model_internal.h"

static struct alloc_tag *current_tag;
static unsigned long alloc_calls;
static unsigned long fail_at; /* alloc_calls value that fails; 0: none */
static unsigned long next_fit;

void refimpl_alloc_reset(void)
{
	current_tag = NULL;
	alloc_calls = 0;
	fail_at = 0;
	next_fit = 0;
}

struct alloc_tag *alloc_tag_save(struct alloc_tag *tag)
{
	struct alloc_tag *old = current_tag;

	current_tag = tag;
	return old;
}

void alloc_tag_restore(struct alloc_tag *tag, struct alloc_tag *old)
{
	current_tag = old;
}

void refimpl_fail_nth_alloc(unsigned long n)
{
	fail_at = n ? alloc_calls + n : 0;
}

unsigned long refimpl_alloc_calls(void)
{
	return alloc_calls;
}

static bool block_is_free(unsigned long pfn, unsigned long nr)
{
	for (unsigned long i = 0; i < nr; i++)
		if (refimpl_meta[pfn + i].state != PAGE_STATE_FREE)
			return false;
	return true;
}

/* First naturally aligned free block at or after the last allocation. */
static long find_free_block(unsigned int order)
{
	unsigned long nr = 1UL << order;
	unsigned long start = next_fit & ~(nr - 1);

	for (unsigned long pass = 0; pass < 2; pass++) {
		for (unsigned long pfn = start; pfn + nr <= refimpl_mem_pages;
		     pfn += nr)
			if (block_is_free(pfn, nr))
				return (long)pfn;
		start = 0;
	}
	return -1;
}

struct page *refimpl_alloc(gfp_t gfp, unsigned int order,
			   enum refimpl_alloc_family family, const char *api)
{
	unsigned long nr = 1UL << order;
	long found;
	unsigned long pfn;

	alloc_calls++;
	if (fail_at && alloc_calls == fail_at) {
		fail_at = 0;
		return NULL;
	}
	if (order > REFIMPL_MAX_ORDER || !refimpl_meta)
		return NULL;
	found = find_free_block(order);
	if (found < 0)
		return NULL;
	pfn = (unsigned long)found;
	next_fit = pfn + nr;

	for (unsigned long i = 0; i < nr; i++) {
		struct page_meta *m = &refimpl_meta[pfn + i];

		/* A constructor run on a free page left a lock: not lost. */
		refimpl_drop_ctor_state(pfn + i);
		memset(m, 0, sizeof(*m));
		m->state = i ? PAGE_STATE_TAIL : PAGE_STATE_HEAD;
		memset(&mem_map[pfn + i], 0, sizeof(struct page));
		mem_map[pfn + i]._refcount.counter = 1;
	}
	refimpl_meta[pfn].family = family;
	refimpl_meta[pfn].api = api;
	refimpl_meta[pfn].order = order;
	refimpl_meta[pfn].compound = (gfp & __GFP_COMP) && order > 0;
	refimpl_meta[pfn].zeroed = gfp & __GFP_ZERO;
	if (current_tag) {
		refimpl_meta[pfn].file = current_tag->file;
		refimpl_meta[pfn].line = current_tag->line;
	}

	if (refimpl_meta[pfn].compound) {
		struct page *head = &mem_map[pfn];

		head->flags |= 1UL << PG_head;
		for (unsigned long i = 1; i < nr; i++)
			head[i].compound_head = (unsigned long)head + 1;
		page_private(&head[1]) = order;
	}
	memset(refimpl_mem_base + PFN_PHYS(pfn),
	       (gfp & __GFP_ZERO) ? 0 : REFIMPL_POISON_ALLOC, nr * PAGE_SIZE);
	return &mem_map[pfn];
}

struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order)
{
	return refimpl_alloc(gfp, order, REFIMPL_FAMILY_PAGE, "alloc_pages");
}

unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order)
{
	struct page *page;

	/* Linux 6.12: __get_free_pages() cannot return highmem pages. */
	page = refimpl_alloc(gfp_mask & ~__GFP_HIGHMEM, order,
			     REFIMPL_FAMILY_PAGE, "__get_free_pages");
	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page_noprof(gfp_t gfp_mask)
{
	struct page *page;

	page = refimpl_alloc((gfp_mask | __GFP_ZERO) & ~__GFP_HIGHMEM, 0,
			     REFIMPL_FAMILY_PAGE, "get_zeroed_page");
	return page ? (unsigned long)page_address(page) : 0;
}

void __free_pages(struct page *page, unsigned int order)
{
	refimpl_free(page_to_pfn(page), order, REFIMPL_FAMILY_PAGE,
		     "__free_pages");
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	refimpl_free(__pa(addr) >> PAGE_SHIFT, order, REFIMPL_FAMILY_PAGE,
		     "free_pages");
}

unsigned long refimpl_pages_free(void)
{
	unsigned long n = 0;

	for (unsigned long pfn = 0; pfn < refimpl_mem_pages; pfn++)
		n += refimpl_meta[pfn].state == PAGE_STATE_FREE;
	return n;
}

unsigned long refimpl_pages_in_use(void)
{
	return refimpl_mem_pages ? refimpl_mem_pages - 1 - refimpl_pages_free()
				 : 0;
}

unsigned long refimpl_live_allocations(void)
{
	unsigned long n = 0;

	for (unsigned long pfn = 0; pfn < refimpl_mem_pages; pfn++)
		n += refimpl_meta[pfn].state == PAGE_STATE_HEAD;
	return n;
}

bool refimpl_alloc_info(const void *addr, struct refimpl_alloc_info *info)
{
	unsigned long off = (unsigned long)addr - (unsigned long)refimpl_mem_base;
	unsigned long pfn = off >> PAGE_SHIFT;
	const struct page_meta *m;

	memset(info, 0, sizeof(*info));
	if ((unsigned long)addr < (unsigned long)refimpl_mem_base ||
	    pfn >= refimpl_mem_pages)
		return false;
	while (refimpl_meta[pfn].state == PAGE_STATE_TAIL)
		pfn--;
	m = &refimpl_meta[pfn];
	info->live = m->state == PAGE_STATE_HEAD;
	info->family = m->family;
	info->api = m->api;
	info->order = m->order;
	info->compound = m->compound;
	info->zeroed = m->zeroed;
	info->file = m->file;
	info->line = m->line;
	info->read_from_entry_by = info->live ? m->entry_read_by : NULL;
	info->table_api = m->table_api;
	info->table_level = m->table_level;
	info->table_free = m->table_free;
	info->ctor_level = m->ctor_level;
	info->ptlock = m->ptl != NULL;
	return true;
}
