// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An allocation or a free written inside a macro definition serves every
// expansion: it is reported once, at the definition, and converts by
// editing the definition when every expansion converts (arm's
// __pgd_alloc()/__pgd_free() shape). One expansion that cannot convert
// keeps the definition, and so every other expansion, on the old API.
#include <linux/mm.h>
#include <asm/pgalloc.h>

#define alloc_table_page() ((pte_t *)get_zeroed_page(GFP_KERNEL))
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+12]]); in the definition of macro 'alloc_table_page', which all its expansions share [zeroed-page]
// CHECK-FIXES: {{^}}#define alloc_table_page() (pgtable_alloc(GFP_KERNEL, 0)){{$}}
#define free_table_page(p) free_page((unsigned long)(p))
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: replace 'free_page((unsigned long)(p))' with 'pgtable_free(p)' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE+25]]); in the definition of macro 'free_table_page', which all its expansions share [zeroed-page]
// CHECK-FIXES: {{^}}#define free_table_page(p) pgtable_free(p){{$}}

int install(pmd_t *pmd)
{
	pte_t *pte = alloc_table_page();

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_second(pmd_t *pmd)
{
	pte_t *pte = alloc_table_page();

	if (!pte)
		return -1;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

void release(pmd_t *pmd)
{
	free_table_page(pmd_page_vaddr(*pmd));
	free_table_page(pmd_page_vaddr(pmd[1]));
}

// Refused: the second expansion's page escapes, so the definition, which
// the first expansion shares, stays.
#define alloc_spare_page() ((pte_t *)get_zeroed_page(GFP_KERNEL))
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: not converted: the expansion at {{.*}}:[[@LINE+16]] is not converted (the result of alloc_spare_page() is stored through a pointer at {{.*}}:[[@LINE+16]]); it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)'; in the definition of macro 'alloc_spare_page', which all its expansions share [zeroed-page]

int install_spare(pmd_t *pmd)
{
	pte_t *pte = alloc_spare_page();

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

pte_t **spare_slot;

void stash_spare(void)
{
	*spare_slot = alloc_spare_page();
}

// Refused: an expansion keeps the page in an unsigned long, which only
// that expansion could retype.
#define alloc_raw_page() get_zeroed_page(GFP_KERNEL)
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: get_zeroed_page() is written inside the definition of macro 'alloc_raw_page', and an expansion keeps the page in an unsigned long, which only that expansion could retype [zeroed-page]

int install_raw(pmd_t *pmd)
{
	unsigned long page = alloc_raw_page();

	if (!page)
		return -1;
	set_pmd(pmd, __pmd(__pa(page) | _KERNPG_TABLE));
	return 0;
}

// Not converted: one expansion frees a pointer, another an unsigned long
// that the rule refuses there; editing the definition would change both,
// so the expansions disagree and it is left alone.
#define free_mixed_page(p) free_page((unsigned long)(p))
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: not converted: free_page() is written inside the definition of macro 'free_mixed_page'; convert the macro by hand [zeroed-page]
// CHECK-MESSAGES: :[[@LINE-2]]:28: warning: not converted: translation units disagree about this site: {{.*}} | replace 'free_page((unsigned long)(p))' with 'pgtable_free(p)'; left unchanged [zeroed-page]
// CHECK-FIXES: {{^}}#define free_mixed_page(p) free_page((unsigned long)(p)){{$}}

void release_mixed(pmd_t *pmd, unsigned long raw)
{
	free_mixed_page(pmd_page_vaddr(*pmd));
	free_mixed_page(raw);
}
