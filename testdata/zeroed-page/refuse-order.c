// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// The order must be a constant, at the allocation and at the free: pairing
// compares orders. A constant expression is fine.
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
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)__get_free_pages(GFP_KERNEL, TABLE_ORDER * 2)' with 'pgtable_alloc(GFP_KERNEL, TABLE_ORDER * 2)' (pmd table, installed by __pud(__pa()) at line [[@LINE+5]]); gains zeroing: __get_free_pages() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, TABLE_ORDER * 2);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
