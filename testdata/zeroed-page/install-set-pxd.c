// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A table is installed into an entry of the level above it, through
// set_pXd(entry, __pXd(__pa(table) | flags)): each level converts. An
// entry built from what the page holds, not from its address, installs
// another page: no evidence.
#include <linux/mm.h>

static pte_t *alloc_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return NULL;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}

static int alloc_pmd_table(pud_t *pud)
{
	pmd_t *pmd;

	pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pmd)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(pmd)));
	return 0;
}

static int alloc_pud_table(p4d_t *p4d)
{
	pud_t *pud = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

static int alloc_p4d_table(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)(get_zeroed_page(GFP_KERNEL));
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: replace '(p4d_t *)(get_zeroed_page(GFP_KERNEL))' with 'pgtable_alloc(GFP_KERNEL, 0)' (p4d table, installed by __pgd(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	p4d_t *p4d = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!p4d)
		return -1;
	set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

int alloc_tables(pgd_t *pgd, p4d_t *p4d, pud_t *pud, pmd_t *pmd)
{
	return alloc_p4d_table(pgd) || alloc_pud_table(p4d) ||
	       alloc_pmd_table(pud) || !alloc_pte_table(pmd);
}

int install_first_entry(pmd_t *pmd, unsigned long pfn)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: no page-table evidence: the page from get_zeroed_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	set_pte(&pte[0], pfn_pte(pfn, PAGE_KERNEL));
	set_pmd(pmd, __pmd(pte_val(pte[0])));
	return 0;
}
