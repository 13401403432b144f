// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// free_page(0) does nothing; pgtable_free(NULL) is not allowed. A free that
// may be given NULL converts with the NULL test added, when the free is a
// statement of its own in a block (no `else` can then attach to the new
// `if`) and what it frees has no side effects (it is evaluated twice).
// Otherwise its whole object group is refused, with the reason.
#include <linux/mm.h>

struct tables {
	pmd_t *pmd;
	pte_t *pte;
	pud_t *pud;
};

int map_tables(struct tables *t, pud_t *pud, pmd_t *pmd)
{
	t->pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	t->pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	t->pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: not converted: the free at {{.*}}:[[@LINE+21]] may be given NULL ('t->pte' is given NULL at {{.*}}:[[@LINE+24]]), which free_page() ignores and pgtable_free() does not accept; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
	if (!t->pmd || !t->pte)
		return -1;
	set_pud(pud, __pud(__pa(t->pmd) | _KERNPG_TABLE));
	set_pmd(pmd, __pmd(__pa(t->pte) | _KERNPG_TABLE));
	t->pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: not converted: the free at {{.*}}:[[@LINE+20]] may be given NULL ('t->pud' is NULL until it is set), which free_page() ignores and pgtable_free() does not accept; it would replace '(pud_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
	set_p4d((p4d_t *)pud, __p4d(__pa(t->pud) | _KERNPG_TABLE));
	return 0;
}

void unmap_tables(struct tables *t, int keep)
{
	// A statement of its own: the test is added.
	free_page((unsigned long)t->pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)t->pmd)' with 'if (t->pmd) pgtable_free(t->pmd)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE-12]]); adds a NULL test: the free at {{.*}}:[[@LINE-1]] may be given NULL ('t->pmd' is NULL until it is set), which free_page() ignores and pgtable_free() does not accept [zeroed-page]
// CHECK-FIXES: {{^}}	if (t->pmd){{$}}
// CHECK-FIXES-NEXT: {{^}}		pgtable_free(t->pmd);{{$}}
	// The body of an if with an else: refused (the else would attach to
	// the added test).
	if (!keep)
		free_page((unsigned long)t->pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: the free at {{.*}}:[[@LINE-1]] may be given NULL ('t->pte' is given NULL at {{.*}}:[[@LINE+2]]), which free_page() ignores and pgtable_free() does not accept; it would replace 'free_page((unsigned long)t->pte)' with 'pgtable_free(t->pte)' [zeroed-page]
	else
		t->pte = NULL;
	// An argument with a side effect: refused.
	free_page((unsigned long)(t++)->pud);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: the free at {{.*}}:[[@LINE-1]] may be given NULL ('t->pud' is NULL until it is set), which free_page() ignores and pgtable_free() does not accept; it would replace 'free_page((unsigned long)(t++)->pud)' with 'pgtable_free((t++)->pud)' [zeroed-page]
}
