// SPDX-License-Identifier: GPL-2.0
/*
 * The allocators as plain functions, for code built in the shapes of Linux
 * before 6.10 (REFIMPL_PLAIN_ALLOCATORS, see <linux/kconfig.h>): there,
 * get_zeroed_page(), __get_free_pages(), alloc_pages(), pagetable_alloc()
 * and pgtable_alloc() are functions, not alloc_hooks() macros. Each one is
 * the _noprof function the rest of the model defines, called with no
 * allocation tag, as a _noprof call is (no call site is recorded).
 */
#define REFIMPL_PLAIN_ALLOCATORS 1
#include <linux/mm.h>

/* Defined by the model in the 6.10+ shape; not declared in this one. */
extern struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order);
extern unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order);
extern unsigned long get_zeroed_page_noprof(gfp_t gfp_mask);
extern struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
extern void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order);
extern void *pgtable_alloc_addr_noprof(gfp_t gfp, unsigned int order);

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return alloc_pages_noprof(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return get_free_pages_noprof(gfp_mask, order);
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return get_zeroed_page_noprof(gfp_mask);
}

struct ptdesc *pagetable_alloc(gfp_t gfp, unsigned int order)
{
	return pagetable_alloc_noprof(gfp, order);
}

void *pgtable_alloc(gfp_t gfp, unsigned int order)
{
	return pgtable_alloc_noprof(gfp, order);
}

void *pgtable_alloc_addr(gfp_t gfp, unsigned int order)
{
	return pgtable_alloc_addr_noprof(gfp, order);
}
