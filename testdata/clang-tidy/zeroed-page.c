// pgtable-zeroed-page. The CLI solves the object groups over its whole run;
// one clang-tidy unit sees its own facts only, so by default (PairingScope
// 'run') a conversion whose group reaches beyond the unit (a field, a
// header, a function other units call) is refused and says why; a group
// private to the unit converts. PairingScope 'unit' decides within the
// unit, as the CLI does when given this one file. A NOLINT on one side of a
// pair withdraws the other side: never one half of an object.
// RUN: %check_tidy %s %t -- -- -isystem %refimpl_include
// RUN: %check_tidy --check-suffix=UNIT %s %t.unit -- -config='{CheckOptions: {PairingScope: unit}}' -- -isystem %refimpl_include
// RUN: %check_tidy --check-suffix=BAD --expect-exit=1 %s %t.bad -- -checks='-*,pgtable-zeroed-page' -config='{CheckOptions: {pgtable-zeroed-page.PairingScope: tree}}' -- -isystem %refimpl_include
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' --dump-config | FileCheck %s --check-prefix=DUMP
#include <linux/mm.h>

static int prepare(pte_t *pte)
{
	return pte_none(*pte);
}

/* Private to the unit: a local variable and a static function. */
int alloc_and_prepare(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+15]]) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-UNIT: :[[@LINE-3]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+13]]) [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	if (prepare(pte)) {
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+6]]) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pte);{{$}}
// CHECK-MESSAGES-UNIT: :[[@LINE-3]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' {{.*}} [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}		pgtable_free(pte);{{$}}
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

struct table_cache {
	pud_t *pud;
};

/* Kept in a field, which other units may read: beyond the unit. */
int alloc_and_cache(struct table_cache *c, p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: its object group (the object allocated at {{.*}}:[[@LINE-1]]) reaches beyond this translation unit (a header, a function other units call, a field or a global), which one clang-tidy unit cannot decide (pgtable-migrate solves over the whole run; PairingScope 'unit' decides within the unit); it would replace '(pud_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' {{.*}} [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);{{$}}
// CHECK-MESSAGES-UNIT: :[[@LINE-3]]:24: warning: replace '(pud_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+6]]) [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}	pud_t *pud = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pud)
		return -1;
	c->pud = pud;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_cached(struct table_cache *c)
{
	if (c->pud)
		free_page((unsigned long)c->pud);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: its object group {{.*}} reaches beyond this translation unit {{.*}} [pgtable-zeroed-page]
// CHECK-MESSAGES-UNIT: :[[@LINE-2]]:3: warning: replace 'free_page((unsigned long)c->pud)' with 'pgtable_free(c->pud)' {{.*}} [pgtable-zeroed-page]
// CHECK-FIXES-UNIT: {{^}}		pgtable_free(c->pud);{{$}}
}

int alloc_with_nolint_free(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: it pairs (the object allocated at {{.*}}:[[@LINE-1]]) with the free at {{.*}}:[[@LINE+8]] [zeroed-page], which is not converted; it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' {{.*}} [pgtable-zeroed-page]
// CHECK-MESSAGES-UNIT: :[[@LINE-2]]:24: warning: not converted: it pairs (the object allocated at {{.*}}:[[@LINE-2]]) with the free at {{.*}}.unit.c:[[@LINE+7]] [zeroed-page], which is not converted; it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' {{.*}} [pgtable-zeroed-page]
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
