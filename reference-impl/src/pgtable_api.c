// SPDX-License-Identifier: GPL-2.0
/*
 * The new address-based page-table API, as specified for the migration:
 *   pgtable_alloc(gfp, order) == ptdesc_address(pagetable_alloc(gfp | __GFP_ZERO, order))
 *   pgtable_free(addr)        == pagetable_free(virt_to_ptdesc(addr))
 * and the earlier names pgtable_alloc_addr()/pgtable_free_addr().
 * Unlike free_page(0), pgtable_free(NULL) is not a no-op: the kernel would
 * dereference virt_to_ptdesc(NULL). The model records it as a bad free.
 * An address outside simulated RAM is recorded as free_pages() records it
 * (bad address, then bad free), without reading a struct page that does not
 * exist.
 */
#include "model_internal.h"

static void *alloc_as(gfp_t gfp, unsigned int order, const char *api)
{
	struct page *page = refimpl_alloc(gfp | __GFP_ZERO | __GFP_COMP, order,
					  REFIMPL_FAMILY_PTDESC, api);

	return page ? ptdesc_address(page_ptdesc(page)) : NULL;
}

static void free_as(const void *addr, const char *api)
{
	if (!addr) {
		refimpl_record(REFIMPL_V_BAD_FREE_ADDRESS, 0, api, 0,
			       "%s(NULL): the kernel would dereference virt_to_ptdesc(NULL)",
			       api);
		return;
	}
	if (!virt_addr_valid(addr)) {
		/*
		 * The kernel would read a struct page that does not exist:
		 * report the bad address (__pa() records it) and the bad free,
		 * as free_pages() does, without touching mem_map.
		 */
		refimpl_free(__pa(addr) >> PAGE_SHIFT, 0, REFIMPL_FAMILY_PTDESC,
			     api);
		return;
	}
	refimpl_pagetable_free_as(virt_to_ptdesc(addr), api);
}

void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order)
{
	return alloc_as(gfp, order, "pgtable_alloc");
}

void pgtable_free(const void *addr)
{
	free_as(addr, "pgtable_free");
}

void *pgtable_alloc_addr_noprof(gfp_t gfp, unsigned int order)
{
	return alloc_as(gfp, order, "pgtable_alloc_addr");
}

void pgtable_free_addr(const void *addr)
{
	free_as(addr, "pgtable_free_addr");
}
