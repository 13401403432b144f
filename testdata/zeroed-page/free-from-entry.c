// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A free of a table read out of an entry of known level converts: directly,
// or through a local variable; pXd_offset(parent, 0) is the table's start.
#include <linux/mm.h>

void free_pte_under(pmd_t *pmd)
{
	free_page((unsigned long)pmd_page_vaddr(*pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_page_vaddr(*pmd));{{$}}
	pmd_clear(pmd);
}

void free_pmd_under(pud_t *pud)
{
	pmd_t *pmd = pud_pgtable(*pud);

	pud_clear(pud);
	free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' (pmd table, from pud_pgtable() at {{.*}}:[[@LINE-4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd);{{$}}
}

void free_pud_under(p4d_t *p4d)
{
	pud_t *pud;

	pud = (pud_t *)p4d_pgtable(*p4d);
	p4d_clear(p4d);
	free_pages((unsigned long)pud, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_pages((unsigned long)pud, 0)' with 'pgtable_free(pud)' (pud table, from p4d_pgtable() at {{.*}}:[[@LINE-3]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pud);{{$}}
}

void free_p4d_under(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)pgd_page_vaddr(*pgd);

	pgd_clear(pgd);
	free_page((unsigned long)p4d);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)p4d)' with 'pgtable_free(p4d)' (p4d table, from pgd_page_vaddr() at {{.*}}:[[@LINE-4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(p4d);{{$}}
}

void free_tables_from_offsets(pgd_t *pgd, p4d_t *p4d, pud_t *pud, pmd_t *pmd)
{
	free_page((unsigned long)pte_offset_kernel(pmd, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte_offset_kernel(pmd, 0))' with 'pgtable_free(pte_offset_kernel(pmd, 0))' (pte table, from pte_offset_kernel(..., 0) at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pte_offset_kernel(pmd, 0));{{$}}
	free_page((unsigned long)pmd_offset(pud, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd_offset(pud, 0))' with 'pgtable_free(pmd_offset(pud, 0))' (pmd table, from pmd_offset(..., 0) at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_offset(pud, 0));{{$}}
	free_page((unsigned long)pud_offset(p4d, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pud_offset(p4d, 0))' with 'pgtable_free(pud_offset(p4d, 0))' (pud table, from pud_offset(..., 0) at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pud_offset(p4d, 0));{{$}}
	free_page((unsigned long)p4d_offset(pgd, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)p4d_offset(pgd, 0))' with 'pgtable_free(p4d_offset(pgd, 0))' (p4d table, from p4d_offset(..., 0) at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(p4d_offset(pgd, 0));{{$}}
}

// Not the start of a table: pte_offset_kernel(pmd, addr) points to an
// entry inside the table (an entry accessor, read like __pa()): refused.
void free_inside_table(pmd_t *pmd, unsigned long addr)
{
	free_page((unsigned long)pte_offset_kernel(pmd, addr));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: the address free_page() frees is computed ('(unsigned long)pte_offset_kernel(pmd, addr)'), not a table pointer at {{.*}}:[[@LINE-1]]; it would replace 'free_page((unsigned long)pte_offset_kernel(pmd, addr))' with 'pgtable_free(pte_offset_kernel(pmd, addr))' [zeroed-page]
}
