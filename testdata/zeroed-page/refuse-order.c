// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// The order must be a constant, at the allocation and at the free: the
// analysis compares orders. A constant expression is fine. An object whose
// allocation and free disagree on the order is refused whole; so is a free
// above order 0 of a table read out of an entry, which any allocator of its
// level, at any order, may have made.
#include <linux/mm.h>

#define TABLE_ORDER 0

int install_order(pmd_t *pmd, unsigned int order)
{
	pte_t *pte = (pte_t *)__get_free_pages(GFP_KERNEL, order);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: '__get_free_pages(GFP_KERNEL, order)': the order 'order' is not a constant [zeroed-page]

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void free_order(pmd_t *pmd, unsigned int order)
{
	free_pages((unsigned long)pmd_page_vaddr(*pmd), order);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_pages((unsigned long)pmd_page_vaddr(*pmd), order)': the order 'order' is not a constant [zeroed-page]
}

int install_constant_order(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)__get_free_pages(GFP_KERNEL, TABLE_ORDER * 2);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)__get_free_pages(GFP_KERNEL, TABLE_ORDER * 2)' with 'pgtable_alloc(GFP_KERNEL, TABLE_ORDER * 2)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]); gains zeroing: __get_free_pages() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, TABLE_ORDER * 2);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int install_pud_or_drop(p4d_t *p4d, bool fail)
{
	pud_t *pud = (pud_t *)__get_free_pages(GFP_KERNEL, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: the page orders in its group disagree: order 0 at {{.*}}:[[@LINE+5]], order 1 at {{.*}}:[[@LINE-1]]; it would replace '(pud_t *)__get_free_pages(GFP_KERNEL, 1)' with 'pgtable_alloc(GFP_KERNEL, 1)'; gains zeroing: __get_free_pages() did not zero the page [zeroed-page]

	if (!pud)
		return -1;
	if (fail) {
		free_page((unsigned long)pud);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: the page orders in its group disagree: order 0 at {{.*}}:[[@LINE-1]], order 1 at {{.*}}:[[@LINE-7]]; it would replace 'free_page((unsigned long)pud)' with 'pgtable_free(pud)' [zeroed-page]
		return -1;
	}
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_p4d_order_one(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)pgd_page_vaddr(*pgd);

	pgd_clear(pgd);
	free_pages((unsigned long)p4d, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: order 1 tables of its group are also read out of page-table entries, whose allocator is not known: above order 0 every origin must be known; it would replace 'free_pages((unsigned long)p4d, 1)' with 'pgtable_free(p4d)' [zeroed-page]
}
