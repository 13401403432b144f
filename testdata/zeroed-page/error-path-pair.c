// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An allocation and the free of the same page on its error path are one
// object group: they convert together, or stay together. Passed to
// prepare(), which no compiled unit defines, the page escapes: the
// allocation and its free both keep the page allocator. Passed to fill(),
// defined here, it is followed: the pair converts.
#include <linux/mm.h>

int prepare(pte_t *pte);

int alloc_and_prepare(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is passed to prepare() at {{.*}}:[[@LINE+4]], which no compiled unit defines; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	if (prepare(pte)) {
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'pte' is passed to prepare() at {{.*}}:[[@LINE-2]], which no compiled unit defines; it would replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' [zeroed-page]
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int alloc_two_then_fail(pud_t *pud, pmd_t *pmd_entry)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+15]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	pte_t *pte;

	if (!pmd)
		return -1;
	pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+9]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pte) {
		free_pages((unsigned long)(pmd), 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_pages((unsigned long)(pmd), 0)' with 'pgtable_free(pmd)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pmd);{{$}}
		return -1;
	}
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	set_pmd(pmd_entry, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

static int fill(pte_t *pte, unsigned long pfn)
{
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++) {
		if (!pfn_valid(pfn + i))
			return -1;
		set_pte(&pte[i], pfn_pte(pfn + i, PAGE_KERNEL));
	}
	return 0;
}

int alloc_and_fill(pmd_t *pmd, unsigned long pfn)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+11]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	if (fill(pte, pfn)) {
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pte);{{$}}
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
