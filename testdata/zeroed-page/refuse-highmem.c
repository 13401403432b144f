// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// __get_free_pages() strips __GFP_HIGHMEM; pgtable_alloc() would not. A
// mask with it, or one that cannot be told, is refused; a mask that clears
// it is fine.
#include <linux/mm.h>

int install_highmem(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)__get_free_page(GFP_HIGHUSER | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: '__get_free_page(GFP_HIGHUSER | __GFP_ZERO)': the gfp mask includes __GFP_HIGHMEM, which __get_free_page() strips and pgtable_alloc() would not [zeroed-page]

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_with_caller_gfp(pud_t *pud, gfp_t gfp)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(gfp);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'get_zeroed_page(gfp)': cannot tell whether the gfp mask 'gfp' includes __GFP_HIGHMEM, which get_zeroed_page() strips and pgtable_alloc() would not [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int install_cleared(p4d_t *p4d)
{
	gfp_t gfp = GFP_HIGHUSER;
	pud_t *pud;

	gfp &= ~__GFP_HIGHMEM;
	pud = (pud_t *)get_zeroed_page(gfp & ~__GFP_HIGHMEM);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pud_t *)get_zeroed_page(gfp & ~__GFP_HIGHMEM)' with 'pgtable_alloc(gfp & ~__GFP_HIGHMEM, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pud = pgtable_alloc(gfp & ~__GFP_HIGHMEM, 0);{{$}}
	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}
