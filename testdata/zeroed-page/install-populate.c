// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// pXd_populate(mm, entry, table) installs a table too; its level is the
// level below the entry. A page that only receives a copy of the table
// populated is not installed: no evidence.
#include <linux/mm.h>
#include <asm/pgalloc.h>
#include <linux/string.h>

int populate_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (pte table, installed by pmd_populate_kernel() at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

int populate_pmd(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (pmd table, installed by pud_populate() at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pmd)
		return -1;
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

int populate_pud(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (pud table, installed by p4d_populate() at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!pud)
		return -1;
	p4d_populate(&init_mm, p4d, pud);
	return 0;
}

int populate_p4d(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (p4d table, installed by pgd_populate() at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	p4d_t *p4d = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	if (!p4d)
		return -1;
	pgd_populate(&init_mm, pgd, p4d);
	return 0;
}

int populate_copy(pmd_t *pmd, pte_t *table)
{
	pte_t *copy = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: not converted: no page-table evidence: the page from get_zeroed_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!copy)
		return -1;
	memcpy(copy, table, PAGE_SIZE);
	pmd_populate_kernel(&init_mm, pmd, table);
	return 0;
}
