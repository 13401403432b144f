// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// Plain calls: each becomes pgtable_free() of the argument as written.
#include <linux/mm.h>

#define pud_pgtable(x) ((pmd_t *)(unsigned long)(x).pud)

void free_pmd_table(pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pmd))' with 'pgtable_free(pmd)' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pmd);{{$}}
}

void free_pud_entry_table(pud_t *pud)
{
	pagetable_free(virt_to_ptdesc(pud_pgtable(*pud)));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace {{.*}} with 'pgtable_free(pud_pgtable(*pud))' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pud_pgtable(*pud));{{$}}
}

void free_tables(pte_t **tables, int i, unsigned long addr)
{
	pagetable_free(virt_to_ptdesc(tables[i + 1]));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: {{.*}}with 'pgtable_free(tables[i + 1])'
// CHECK-FIXES: {{^}}	pgtable_free(tables[i + 1]);{{$}}
	pagetable_free(virt_to_ptdesc((void *)addr));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: {{.*}}with 'pgtable_free((void *)addr)'
// CHECK-FIXES: {{^}}	pgtable_free((void *)addr);{{$}}
	if (i)
		pagetable_free((virt_to_ptdesc(tables[0])));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}with 'pgtable_free(tables[0])'
// CHECK-FIXES: {{^}}		pgtable_free(tables[0]);{{$}}
}

// A call split over lines is joined, in the style of the tree's .clang-format.
void free_long_name(pte_t *a_rather_long_page_table_pointer_name)
{
	pagetable_free(
		virt_to_ptdesc(a_rather_long_page_table_pointer_name));
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(a_rather_long_page_table_pointer_name))' with 'pgtable_free(a_rather_long_page_table_pointer_name)' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(a_rather_long_page_table_pointer_name);{{$}}
}

// Not candidates: a ptdesc that is not from virt_to_ptdesc(), the new API.
void not_candidates(struct ptdesc *ptdesc, pmd_t *pmd)
{
	pagetable_free(ptdesc);
// CHECK-FIXES: {{^}}	pagetable_free(ptdesc);{{$}}
	pgtable_free(pmd);
}
