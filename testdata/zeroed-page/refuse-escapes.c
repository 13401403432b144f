// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A page that goes where the analysis cannot follow it is refused with its
// whole group, even when it is installed: passed to a function no compiled
// unit defines (build_map()), stored through a pointer, an operand of
// inline asm, its variable's address taken, passed to a function pointer.
// A page returned or kept in a field is followed: with no install into an
// entry and no read out of one anywhere in the run, it has no page-table
// evidence; returned to a caller that installs it, it converts.
#include <linux/mm.h>

struct walker {
	pte_t *spare;
};

int build_map(pgd_t *pgd);

pgd_t *new_root(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pgd' is passed to build_map() at {{.*}}:[[@LINE+4]], which no compiled unit defines; it would replace '(pgd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pgd)
		return NULL;
	if (build_map(pgd)) {
		free_page((unsigned long)pgd);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'pgd' is passed to build_map() at {{.*}}:[[@LINE-2]], which no compiled unit defines; it would replace 'free_page((unsigned long)pgd)' with 'pgtable_free(pgd)' [zeroed-page]
		return NULL;
	}
	return pgd;
}

void *alloc_returned(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: not converted: no page-table evidence: the page from get_zeroed_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
}

void keep_spare(struct walker *w)
{
	w->spare = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: not converted: no page-table evidence: the page from get_zeroed_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
}

int install_and_keep(pmd_t *pmd, pte_t **slot)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is stored through a pointer at {{.*}}:[[@LINE+4]]; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	*slot = pte;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_after_asm(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is an operand of inline asm at {{.*}}:[[@LINE+4]]; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	asm volatile("" : : "r"(pte) : "memory");
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

static void note_table(pte_t **where)
{
}

int install_address_taken(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' has its address taken at {{.*}}:[[@LINE+4]]; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	note_table(&pte);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_and_notify(pmd_t *pmd, void (*notify)(void *table))
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is passed to a function pointer at {{.*}}:[[@LINE+4]]; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	notify(pte);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

static pmd_t *alloc_pmd(void)
{
	return (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+10]]) [zeroed-page]
// CHECK-FIXES: {{^}}	return pgtable_alloc(GFP_KERNEL, 0);{{$}}
}

int install_returned(pud_t *pud)
{
	pmd_t *pmd = alloc_pmd();

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
