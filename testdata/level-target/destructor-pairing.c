// RUN: %check_fixes %s %t -- --rules=zeroed-page --target=level -- -isystem %refimpl_include
// pmd_alloc_one() leaves constructor state that only pmd_free() undoes. A
// free of pmd tables read out of entries may free any pmd table of the
// configuration: with it, no pmd allocation converts, and it does not
// either (pmd_free() would run the destructor on tables that never had the
// constructor). A kernel pte table has no constructor state: its free
// through an entry is an order-0 free, as under --target=pgtable.
#include <linux/mm.h>
#include <asm/pgalloc.h>

int map_pmd(p4d_t *p4d, unsigned long addr)
{
	pud_t *pud = pud_offset(p4d, addr);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: free_page() at {{.*}}.c:[[@LINE+25]] frees pmd tables read out of entries ({{.*}}), whichever allocation they come from, not through pmd_free(): a pmd_alloc_one() table must be freed by pmd_free() (--target=pgtable converts it); it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pmd)
		return -1;
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

int map_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pte_alloc_one_kernel(&init_mm)' (pte table, {{.*}}) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pte_alloc_one_kernel(&init_mm);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

void unmap_pmd_table(pud_t *pud)
{
	pmd_t *pmd = pud_pgtable(*pud);

	pud_clear(pud);
	free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: --target=level: pmd_free() runs the pmd destructor, and the group frees tables read out of entries (from pud_pgtable() at {{.*}}), which may come from allocations that never ran the constructor (--target=pgtable converts it); it would replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)'{{.*}} [zeroed-page]
}

void unmap_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte)' with 'pte_free_kernel(&init_mm, pte)' (pte table, {{.*}}) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_free_kernel(&init_mm, pte);{{$}}
}
