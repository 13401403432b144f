// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A page kept as unsigned long would need a type change to hold
// pgtable_alloc()'s pointer: refused, even when it is installed.
#include <linux/mm.h>

int walk_pmd(pud_t *pud)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: '__get_free_page(GFP_KERNEL | __GFP_ZERO)': kept as unsigned long 'new_pmd_page': converting needs a type change [zeroed-page]

	if (!new_pmd_page)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	return 0;
}

void free_by_address(unsigned long addr)
{
	free_page(addr);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page(addr)': the address 'addr' is kept as unsigned long, not a pointer cast to it: converting needs a type change [zeroed-page]
}
