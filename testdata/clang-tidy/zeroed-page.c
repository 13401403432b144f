// pgtable-zeroed-page. The CLI pairs every allocation and free of one table
// level in an arch over its whole run; one clang-tidy unit cannot see the
// other units, so by default (PairingScope 'run') each such conversion is
// refused and says why. PairingScope 'unit' pairs within the unit, as the
// CLI does when given this one file. A NOLINT on one side of a pair
// withdraws the other side: never one half of a pair.
// RUN: %check_tidy %s %t -- -- -isystem %refimpl_include
// RUN: %check_tidy --check-suffix=UNIT %s %t.unit -- -config='{CheckOptions: {PairingScope: unit}}' -- -isystem %refimpl_include
// RUN: %check_tidy --check-suffix=BAD --expect-exit=1 %s %t.bad -- -checks='-*,pgtable-zeroed-page' -config='{CheckOptions: {pgtable-zeroed-page.PairingScope: tree}}' -- -isystem %refimpl_include
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' --dump-config | FileCheck %s --check-prefix=DUMP
#include <linux/mm.h>

int prepare(pte_t *pte);

int alloc_and_prepare(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: it pairs (pte tables of code outside arch/) with the allocations and frees of other translation units, which one clang-tidy unit does not see (pgtable-migrate pairs over the whole run; PairingScope 'unit' pairs within the unit); it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at line [[@LINE+15]]) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);{{$}}
// CHECK-MESSAGES-UNIT: :[[@LINE-3]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at line [[@LINE+13]]) [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	if (prepare(pte)) {
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: it pairs (pte tables of code outside arch/) {{.*}}; it would replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, allocated at line [[@LINE-10]]) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}		free_page((unsigned long)pte);{{$}}
// CHECK-MESSAGES-UNIT: :[[@LINE-3]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, allocated at line [[@LINE-12]]) [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}		pgtable_free(pte);{{$}}
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int alloc_with_nolint_free(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: it pairs (pmd tables of code outside arch/) {{.*}} [pgtable-zeroed-page]
// CHECK-MESSAGES-UNIT: :[[@LINE-2]]:24: warning: not converted: it pairs (pmd tables of code outside arch/) with the free at {{.*}}.unit.c:[[@LINE+7]] [zeroed-page], which is not converted; it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' {{.*}} [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);{{$}}

	if (!pmd)
		return -1;
	if (prepare((pte_t *)pmd)) {
		/* This free stays as it is, so the allocation stays too. */
		free_page((unsigned long)pmd); // NOLINT(pgtable-zeroed-page)
// CHECK-FIXES-UNIT: {{^}}		free_page((unsigned long)pmd); // NOLINT(pgtable-zeroed-page){{$}}
		return -1;
	}
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

// CHECK-MESSAGES-BAD: error: pgtable-zeroed-page: pairing scope 'tree' is not 'run' or 'unit'; the check does nothing [clang-tidy-config]

// DUMP-DAG: pgtable-zeroed-page.PairingScope: run
// DUMP-DAG: pgtable-zeroed-page.Api: default
// DUMP-DAG: pgtable-ptdesc-address.Api: default
