// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A page that leaves its function without being installed (returned,
// passed on, stored) may be anything, a root table or a buffer: refused.
#include <linux/mm.h>

struct walker {
	pte_t *spare;
};

int build_map(pgd_t *pgd);

pgd_t *new_root(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': no page-table evidence: 'pgd' is never installed in a page-table entry (it is passed to build_map() and returned) [zeroed-page]

	if (!pgd)
		return NULL;
	if (build_map(pgd)) {
		free_page((unsigned long)pgd);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'free_page((unsigned long)pgd)': 'pgd' comes from the allocation at line [[@LINE-7]], which is not converted [zeroed-page]
		return NULL;
	}
	return pgd;
}

void *alloc_returned(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': no page-table evidence: the page is returned without being installed in a page-table entry [zeroed-page]
}

void keep_spare(struct walker *w)
{
	w->spare = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': no page-table evidence: the page is stored in 'w->spare' without being installed in a page-table entry [zeroed-page]
}
