// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// RUN: %check_fixes --check-suffix=STRICT %s %t.strict -- --rules=zeroed-page --strict-families -- -isystem %refimpl_include
// Entries are not objects: by default a table read out of an entry joins no
// group, so the free below (refused: its order is not a constant) does not
// hold back the pte table installed above. With --strict-families every
// table read out of a pte entry may be any table installed in one: the
// installed table and the free are one group, refused whole.
#include <linux/mm.h>

int map_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+7]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-STRICT: :[[@LINE-3]]:24: warning: not converted: it pairs (the object allocated at {{.*}}:[[@LINE-3]]) with the free at {{.*}}:[[@LINE+11]] [zeroed-page], which is not converted; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES-STRICT: {{^}}	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void unmap_pte(pmd_t *pmd, unsigned int order)
{
	free_pages((unsigned long)pmd_page_vaddr(*pmd), order);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_pages((unsigned long)pmd_page_vaddr(*pmd), order)': the order 'order' is not a constant [zeroed-page]
// CHECK-MESSAGES-STRICT: :[[@LINE-2]]:2: warning: not converted: 'free_pages((unsigned long)pmd_page_vaddr(*pmd), order)': the order 'order' is not a constant [zeroed-page]
}
