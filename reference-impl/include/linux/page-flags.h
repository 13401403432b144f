/* SPDX-License-Identifier: GPL-2.0 */
/* Page flags and page types used by the model (a subset of Linux 6.12). */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_head,  /* first page of a compound page */
	PG_reserved,
};

/* page->page_type values (the model keeps one type per page). */
#define PGTY_none 0u
#define PGTY_table 0xf2u

static inline bool PageHead(const struct page *page)
{
	return page->flags & (1UL << PG_head);
}

static inline bool PageTail(const struct page *page)
{
	return page->compound_head & 1;
}

static inline bool PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static inline bool PageTable(const struct page *page)
{
	return page->page_type == PGTY_table;
}

static inline void __SetPageTable(struct page *page)
{
	page->page_type = PGTY_table;
}

static inline void __ClearPageTable(struct page *page)
{
	page->page_type = PGTY_none;
}

static inline bool PageReserved(const struct page *page)
{
	return page->flags & (1UL << PG_reserved);
}

#endif /* _LINUX_PAGE_FLAGS_H */
