// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// __pXd(__pa(table) ...) is evidence wherever the entry value goes: into a
// local entry written later, or straight through the entry pointer. The
// allocation may sit in the condition that guards the install. __pa() of a
// page is the same object to the analysis: stored through a pointer, its
// physical address escapes as the page itself would.
#include <linux/mm.h>

int install_through_local_entry(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	pmd_t entry;

	if (!pte)
		return -1;
	entry = __pmd(__pa(pte) | _PAGE_TABLE);
	set_pmd(pmd, entry);
	return 0;
}

int install_in_condition(pud_t *pud)
{
	pmd_t *pmd;

	if ((pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL)) != NULL) {
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: replace {{.*}} (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+2]]) [zeroed-page]
// CHECK-FIXES: {{^}}	if ((pmd = pgtable_alloc(GFP_KERNEL, 0)) != NULL) {{[{]}}{{$}}
		*pud = __pud(__pa(pmd) | _KERNPG_TABLE);
		return 0;
	}
	return -1;
}

// Installed in one branch, reassigned before the other install: only the
// install the allocation reaches counts, and one is enough.
int reinstall(pmd_t *pmd, pte_t *spare, int use_spare)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace {{.*}} (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
	if (use_spare) {
		pte = spare;
		set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
	}
	return 0;
}

int record_phys(phys_addr_t *phys)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is stored through a pointer at {{.*}}:[[@LINE+4]]; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	*phys = __pa(pte);
	return 0;
}
