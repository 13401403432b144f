// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Sites pair by object group, not by table level. A site the rule cannot
// edit keeps its whole group as it is, and the others say which site
// blocks them: the free on the error path of the pmd table allocated with
// __GFP_HIGHMEM, the allocation of a pte table whose error-path free has a
// non-constant order. Other objects of the same levels convert, and so do
// frees of tables read out of entries: an order-0 free is right whatever
// allocated the page (entries are not objects).
//
// The pud table is allocated at order 1 and installed; the free of a pud
// table read out of an entry frees order 0. The allocation must stay: its
// tables come back out of entries, and a compound order-1 ptdesc freed at
// order 0 (or by a free of the read that stays on free_pages()) is not what
// the code did before. The free of the read alone may convert: for the
// page allocator's non-compound block pgtable_free() frees what free_page()
// did.
#include <linux/mm.h>

int install_pmd_highmem(pud_t *pud, bool fail)
{
	pmd_t *pmd = (pmd_t *)__get_free_page(GFP_HIGHUSER);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: '__get_free_page(GFP_HIGHUSER)': the gfp mask includes __GFP_HIGHMEM, which __get_free_page() strips and pgtable_alloc() would not [zeroed-page]

	if (!pmd)
		return -1;
	if (fail) {
		free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: it pairs (the object allocated at {{.*}}:[[@LINE-7]]) with the allocation at {{.*}}:[[@LINE-7]] [zeroed-page], which is not converted; it would replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+3]]) [zeroed-page]
		return -1;
	}
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int install_pmd(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void free_pmd(pud_t *pud)
{
	free_page((unsigned long)pud_pgtable(*pud));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pud_pgtable(*pud))' with 'pgtable_free(pud_pgtable(*pud))' (pmd table, from pud_pgtable() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pud_pgtable(*pud));{{$}}
}

int install_pud(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: {{.*}}; it would replace '(pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1)' with 'pgtable_alloc(GFP_KERNEL, 1)'{{.*}} [zeroed-page]

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_pud(p4d_t *p4d)
{
	free_page((unsigned long)p4d_pgtable(*p4d));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)p4d_pgtable(*p4d))' with 'pgtable_free(p4d_pgtable(*p4d))' (pud table, from p4d_pgtable() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(p4d_pgtable(*p4d));{{$}}
}

int install_pte_or_drop(pmd_t *pmd, unsigned int order, bool fail)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: it pairs (the object allocated at {{.*}}:[[@LINE-1]]) with the free at {{.*}}:[[@LINE+5]] [zeroed-page], which is not converted; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+9]]) [zeroed-page]

	if (!pte)
		return -1;
	if (fail) {
		free_pages((unsigned long)pte, order);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'free_pages((unsigned long)pte, order)': the order 'order' is not a constant [zeroed-page]
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void free_pte(pmd_t *pmd)
{
	free_page((unsigned long)pmd_page_vaddr(*pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_page_vaddr(*pmd));{{$}}
}
