// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An allocation or a free written inside a macro definition serves every
// expansion: it is reported once, at the definition, and left alone.
#include <linux/mm.h>

#define alloc_table_page() ((pte_t *)get_zeroed_page(GFP_KERNEL))
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: not converted: get_zeroed_page() is written inside the definition of macro 'alloc_table_page'; convert the macro by hand [zeroed-page]
#define free_table_page(p) free_page((unsigned long)(p))
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: not converted: free_page() is written inside the definition of macro 'free_table_page'; convert the macro by hand [zeroed-page]

int install(pmd_t *pmd)
{
	pte_t *pte = alloc_table_page();

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void release(pmd_t *pmd)
{
	free_table_page(pmd_page_vaddr(*pmd));
	free_table_page(pmd_page_vaddr(pmd[1]));
}
