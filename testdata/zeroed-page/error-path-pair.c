// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An allocation and the free of the same variable in one function (an
// error path) convert together.
#include <linux/mm.h>

int prepare(pte_t *pte);

int alloc_and_prepare(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at line [[@LINE+11]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	if (prepare(pte)) {
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, allocated at line [[@LINE-8]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pte);{{$}}
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int alloc_two_then_fail(pud_t *pud, pmd_t *pmd_entry)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at line [[@LINE+15]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	pte_t *pte;

	if (!pmd)
		return -1;
	pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at line [[@LINE+9]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pte) {
		free_pages((unsigned long)(pmd), 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_pages((unsigned long)(pmd), 0)' with 'pgtable_free(pmd)' (pmd table, allocated at line [[@LINE-12]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pmd);{{$}}
		return -1;
	}
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	set_pmd(pmd_entry, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
