// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A table filled completely before it is installed came from
// __get_free_page(): pgtable_alloc() zeroes it, and the message says so. A
// written "| __GFP_ZERO" is dropped; a mask that already zeroes gains
// nothing. A refused allocation says what it would gain too.
#include <linux/mm.h>

int split_pmd(pmd_t *pmd, unsigned long pfn, pgprot_t prot)
{
	pte_t *pte;
	int i;

	pte = (pte_t *)__get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pte_t *)__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+6]]); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pte)
		return -1;
	for (i = 0; i < PTRS_PER_PTE; i++)
		set_pte(&pte[i], pfn_pte(pfn + i, prot));
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int split_pud(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)__get_free_pages(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)__get_free_pages(GFP_KERNEL, 0)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]); gains zeroing: __get_free_pages() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int zeroed_by_flag(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pud_t *)__get_free_page(GFP_KERNEL | __GFP_ZERO)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

int zeroed_by_flag_first(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)__get_free_pages((__GFP_ZERO | GFP_ATOMIC), 0);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(p4d_t *)__get_free_pages((__GFP_ZERO | GFP_ATOMIC), 0)' with 'pgtable_alloc(GFP_ATOMIC, 0)' (p4d table, installed by __pgd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	p4d_t *p4d = pgtable_alloc(GFP_ATOMIC, 0);{{$}}

	if (!p4d)
		return -1;
	set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

int zeroed_by_macro(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)__get_free_page(GFP_PGTABLE_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)__get_free_page(GFP_PGTABLE_KERNEL)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int zeroed_by_variable(pmd_t *pmd)
{
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | __GFP_ZERO;
	pte_t *pte = (pte_t *)__get_free_page(gfp);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)__get_free_page(gfp)' with 'pgtable_alloc(gfp, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(gfp, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int zeroing_unknown(pmd_t *pmd, gfp_t extra)
{
	gfp_t gfp = GFP_KERNEL;
	pte_t *pte;

	if (extra & __GFP_NOWARN)
		gfp |= extra & __GFP_ZERO;
	pte = (pte_t *)__get_free_page(gfp);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pte_t *)__get_free_page(gfp)' with 'pgtable_alloc(gfp, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+4]]); may gain zeroing: cannot tell whether the gfp mask includes __GFP_ZERO [zeroed-page]
// CHECK-FIXES: {{^}}	pte = pgtable_alloc(gfp, 0);{{$}}
	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void stash(void *p);

int split_pmd_stashed(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)__get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is passed to stash() at {{.*}}:[[@LINE+4]], which no compiled unit defines; it would replace '(pte_t *)__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)'; gains zeroing: __get_free_page() did not zero the page [zeroed-page]

	if (!pte)
		return -1;
	stash(pte);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
