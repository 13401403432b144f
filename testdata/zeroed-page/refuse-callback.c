// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Callbacks that hand out and take back table pages: what they allocate is
// installed by their caller, through a function pointer the analysis does
// not follow. Both are refused.
#include <linux/mm.h>

struct mapping_info {
	void *(*alloc_pgt_page)(void *context);
	void (*free_pgt_page)(void *page, void *context);
};

static void *alloc_pgt_page(void *context)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': no page-table evidence: 'page' is never installed in a page-table entry (it is returned); alloc_pgt_page() is called through a function pointer [zeroed-page]

	return page;
}

static void free_pgt_page(void *page, void *context)
{
	free_page((unsigned long)page);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page((unsigned long)page)': 'page' is a parameter of free_pgt_page(), whose address is taken: it is called through a function pointer [zeroed-page]
}

struct mapping_info info = {
	.alloc_pgt_page = alloc_pgt_page,
	.free_pgt_page = free_pgt_page,
};
