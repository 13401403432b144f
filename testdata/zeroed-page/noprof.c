// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Code that is itself a _noprof allocator, or that calls the _noprof
// functions directly, keeps the _noprof variant: pgtable_alloc_noprof(),
// also in what a refused site says it would do.
#include <linux/mm.h>

pte_t *pte_table_install_noprof(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page_noprof(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page_noprof(GFP_KERNEL)' with 'pgtable_alloc_noprof(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc_noprof(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return NULL;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}

pmd_t *pmd_table_install_noprof(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc_noprof(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc_noprof(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return NULL;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return pmd;
}

int pud_table_install(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_free_pages_noprof(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pud_t *)get_free_pages_noprof(GFP_KERNEL, 0)' with 'pgtable_alloc_noprof(GFP_KERNEL, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+5]]); gains zeroing: get_free_pages_noprof() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = pgtable_alloc_noprof(GFP_KERNEL, 0);{{$}}

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void stash(void *p);

pte_t *pte_table_stashed_noprof(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page_noprof(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is passed to stash() at {{.*}}:[[@LINE+4]], which no compiled unit defines; it would replace '(pte_t *)get_zeroed_page_noprof(GFP_KERNEL)' with 'pgtable_alloc_noprof(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return NULL;
	stash(pte);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}
