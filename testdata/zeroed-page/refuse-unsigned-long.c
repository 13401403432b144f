// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// RUN: %syntax_check %t.c
// A page kept as unsigned long converts only by retyping its local (see
// retype-unsigned-long.c). Any use a pointer would change refuses the
// allocation, its frees and so its object group, with the use and its
// line: arithmetic, a call of a function other than __pa()/virt_to_phys()/
// free_page(), a store, a return, a comparison with anything but 0, a
// declaration shared with other variables. Parameters and other holders
// that are not locals keep the type-change refusal.
#include <linux/mm.h>

struct table_cache {
	unsigned long page;
};

void record_page(unsigned long page);

int install_half(pmd_t *pmd, int fail)
{
	unsigned long page = __get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: not converted: '__get_free_page(GFP_KERNEL | __GFP_ZERO)': kept as unsigned long 'page': converting needs a type change, and 'page' cannot become a pointer: it is used in 'page + PAGE_SIZE / 2' at line [[@LINE+11]] [zeroed-page]
// CHECK-FIXES: {{^}}	unsigned long page = __get_free_page(GFP_KERNEL | __GFP_ZERO);{{$}}
	pte_t *pte;

	if (!page)
		return -1;
	if (fail) {
		free_page(page);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'free_page(page)': the address 'page' is kept as unsigned long: converting needs a type change, and 'page' cannot become a pointer: it is used in 'page + PAGE_SIZE / 2' at line [[@LINE+3]] [zeroed-page]
		return -1;
	}
	pte = (pte_t *)(page + PAGE_SIZE / 2);
	set_pmd(pmd, __pmd(_KERNPG_TABLE | __pa(page)));
	return pte_none(*pte);
}

int install_and_record(pud_t *pud)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: '__get_free_page(GFP_KERNEL | __GFP_ZERO)': kept as unsigned long 'new_pmd_page': converting needs a type change, and 'new_pmd_page' cannot become a pointer: it is passed to record_page() at line [[@LINE+5]] [zeroed-page]

	if (!new_pmd_page)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	record_page(new_pmd_page);
	return 0;
}

int install_and_cache(struct table_cache *cache, pud_t *pud)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: '__get_free_page(GFP_KERNEL | __GFP_ZERO)': kept as unsigned long 'new_pmd_page': converting needs a type change, and 'new_pmd_page' cannot become a pointer: it is stored in 'cache->page' at line [[@LINE+5]] [zeroed-page]

	if (!new_pmd_page)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	cache->page = new_pmd_page;
	return 0;
}

unsigned long install_and_return(pud_t *pud)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: '__get_free_page(GFP_KERNEL | __GFP_ZERO)': kept as unsigned long 'new_pmd_page': converting needs a type change, and 'new_pmd_page' cannot become a pointer: it is returned at line [[@LINE+4]] [zeroed-page]

	if (new_pmd_page)
		set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	return new_pmd_page;
}

int install_below(pud_t *pud, unsigned long limit)
{
	unsigned long new_pmd_page = get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': kept as unsigned long 'new_pmd_page': converting needs a type change, and 'new_pmd_page' cannot become a pointer: it is compared in 'new_pmd_page < limit' at line [[@LINE+5]] [zeroed-page]

	if (!new_pmd_page)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	return new_pmd_page < limit;
}

int install_with_spare(pud_t *pud)
{
	unsigned long new_pmd_page = get_zeroed_page(GFP_KERNEL), spare = 0;
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': kept as unsigned long 'new_pmd_page': converting needs a type change, and 'new_pmd_page' cannot become a pointer: it is declared together with other variables [zeroed-page]

	if (!new_pmd_page || spare)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	return 0;
}

void free_by_address(unsigned long addr)
{
	free_page(addr);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page(addr)': the address 'addr' is kept as unsigned long, not a pointer cast to it: converting needs a type change [zeroed-page]
}
