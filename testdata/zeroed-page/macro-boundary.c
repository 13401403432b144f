// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A call written in a macro argument is edited there. A call split across
// a macro boundary (its cast or its name comes from a macro body) is
// refused.
#include <linux/mm.h>

#define WITH_LOCK(stmt)                                                      \
	do {                                                                 \
		table_lock();                                                \
		stmt;                                                        \
		table_unlock();                                              \
	} while (0)
#define AS_PTE(x) ((pte_t *)(x))
#define ZALLOC get_zeroed_page
#define TO_ADDR(p) ((unsigned long)(p))

void table_lock(void);
void table_unlock(void);

int in_argument(pmd_t *pmd)
{
	pte_t *pte;

	WITH_LOCK(pte = (pte_t *)get_zeroed_page(GFP_KERNEL));
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	WITH_LOCK(pte = pgtable_alloc(GFP_KERNEL, 0));{{$}}
	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int cast_from_macro(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)AS_PTE(get_zeroed_page(GFP_KERNEL));
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: not converted: get_zeroed_page() is split across a macro boundary: part of it comes from the body of macro 'AS_PTE' [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int name_from_macro(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)ZALLOC(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: get_zeroed_page() is split across a macro boundary: its name comes from the body of macro 'ZALLOC' [zeroed-page]

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_through_macro(pud_t *pud)
{
	free_page(TO_ADDR(pud_pgtable(*pud)));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: free_page() is split across a macro boundary: part of it comes from the body of macro 'TO_ADDR' [zeroed-page]
}

void free_in_argument(pmd_t *pmd)
{
	WITH_LOCK(free_page((unsigned long)pmd_page_vaddr(*pmd)));
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	WITH_LOCK(pgtable_free(pmd_page_vaddr(*pmd)));{{$}}
}
