// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Callbacks that hand out and take back table pages, stored in an ops
// structure: the allocator's address is followed into its field, but no
// call through the field is in the run, so nothing shows its page is a
// table; the free's parameter may be given anything by calls through a
// pointer to a void function, which the analysis does not follow. Both are
// refused.
#include <linux/mm.h>

struct mapping_info {
	void *(*alloc_pgt_page)(void *context);
	void (*free_pgt_page)(void *page, void *context);
};

static void *alloc_pgt_page(void *context)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: not converted: no page-table evidence: the page from get_zeroed_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	return page;
}

static void free_pgt_page(void *page, void *context)
{
	free_page((unsigned long)page);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'page' is a parameter of free_pgt_page(), which is called through a function pointer (at {{.*}}:[[@LINE+5]]); it would replace 'free_page((unsigned long)page)' with 'pgtable_free(page)' [zeroed-page]
}

struct mapping_info info = {
	.alloc_pgt_page = alloc_pgt_page,
	.free_pgt_page = free_pgt_page,
};
