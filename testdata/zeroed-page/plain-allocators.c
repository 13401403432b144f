// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include -DREFIMPL_PLAIN_ALLOCATORS
// RUN: %check_fixes %s %t.hooks -- --rules=zeroed-page -- -isystem %refimpl_include
// Before Linux 6.10, get_zeroed_page() and __get_free_pages() are plain
// functions (no alloc_hooks() macro, no _noprof function) and
// __get_free_page() a macro over __get_free_pages(): the calls are the same
// candidates, converted to the same text as in the 6.12 shape (the second
// RUN line), and never to the _noprof form.
#include <linux/mm.h>

pte_t *pte_table_install(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return NULL;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}

int pmd_table_install(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)__get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int pud_table_install(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 0)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

/* Its table is freed here, read out of the entry: one object group. */
void pte_table_remove(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pte);{{$}}
}

/* A buffer is refused in both shapes, and so is its free. */
void *scratch_buffer(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: not converted: {{.*}}get_zeroed_page(){{.*}} [zeroed-page]
}

/* A call written in a macro body converts there, whatever the shape. */
#define ALLOC_PMD_TABLE() ((pmd_t *)get_zeroed_page(GFP_KERNEL))
// CHECK-FIXES: {{^}}#define ALLOC_PMD_TABLE() (pgtable_alloc(GFP_KERNEL, 0)){{$}}

pmd_t *pmd_from_macro(pud_t *pud)
{
	pmd_t *pmd = ALLOC_PMD_TABLE();
// CHECK-MESSAGES: :[[@LINE-6]]:37: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+3]]); in the definition of macro 'ALLOC_PMD_TABLE', which all its expansions share [zeroed-page]

	if (pmd)
		set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return pmd;
}

/* A page stored through a pointer is refused, named alike in both shapes. */
void stash_table(void **slot)
{
	*slot = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: not converted: the result of get_zeroed_page() is stored through a pointer at {{.*}}:[[@LINE-1]]; it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
}
