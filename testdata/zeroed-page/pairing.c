// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Sites pair by table level: one that is not converted (here: the pmd table
// allocated with __GFP_HIGHMEM) keeps every allocation and free of pmd
// tables as it is, each saying which site blocks it. Sites of one level
// whose orders disagree (pud tables: order 1 allocated, order 0 freed) stay
// too. The pte tables are not concerned.
#include <linux/mm.h>

int install_pmd_highmem(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)__get_free_page(GFP_HIGHUSER);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: '__get_free_page(GFP_HIGHUSER)': the gfp mask includes __GFP_HIGHMEM, which __get_free_page() strips and pgtable_alloc() would not [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int install_pmd(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: it pairs (pmd tables of code outside arch/) with the allocation at {{.*}}:[[@LINE-12]] [zeroed-page], which is not converted; it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at line [[@LINE+4]]) [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void free_pmd(pud_t *pud)
{
	free_page((unsigned long)pud_pgtable(*pud));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: it pairs (pmd tables of code outside arch/) with the allocation at {{.*}}:[[@LINE-23]] [zeroed-page], which is not converted; it would replace 'free_page((unsigned long)pud_pgtable(*pud))' with 'pgtable_free(pud_pgtable(*pud))' (pmd table, from pud_pgtable()) [zeroed-page]
}

int install_pud(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: the page orders in its pairing group (pud tables of code outside arch/) disagree: order 0 at {{.*}}:[[@LINE+10]] [zeroed-page], order 1 at {{.*}}:[[@LINE-1]] [zeroed-page]; it would replace '(pud_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1)' with 'pgtable_alloc(GFP_KERNEL, 1)' (pud table, installed by __p4d(__pa()) at line [[@LINE+4]]) [zeroed-page]

	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_pud(p4d_t *p4d)
{
	free_page((unsigned long)p4d_pgtable(*p4d));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: the page orders in its pairing group (pud tables of code outside arch/) disagree: order 0 at {{.*}}:[[@LINE-1]] [zeroed-page], order 1 at {{.*}}:[[@LINE-12]] [zeroed-page]; it would replace 'free_page((unsigned long)p4d_pgtable(*p4d))' with 'pgtable_free(p4d_pgtable(*p4d))' (pud table, from p4d_pgtable()) [zeroed-page]
}

int install_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at line [[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void free_pte(pmd_t *pmd)
{
	free_page((unsigned long)pmd_page_vaddr(*pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr()) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_page_vaddr(*pmd));{{$}}
}
