// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An installed table that is also kept in a field (as x86 kexec keeps its
// transition tables in image->arch) or in a static variable is followed
// there: fields by record and field name, whatever the object. The free
// through the copy (free_transition(), which tests the field for NULL:
// pgtable_free(NULL) is not allowed) is in the allocation's object group,
// and the group converts whole; so does a table whose field is freed
// without a NULL test (a field is NULL until set, and free_page(0) does
// nothing), with the test added. Refused, whole: a table whose field is
// also passed to stash(), which no compiled unit defines; a table whose
// copy is stored through a pointer.
#include <linux/mm.h>

void stash(void *p);

struct transition {
	pmd_t *pmd;
};

int init_transition(struct transition *t, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	t->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void free_transition(struct transition *t)
{
	if (t->pmd)
		free_page((unsigned long)t->pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)t->pmd)' with 'pgtable_free(t->pmd)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE-8]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(t->pmd);{{$}}
}

static pte_t *spare_pte;

int install_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	spare_pte = pte;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

struct saved_tables {
	pud_t *pud;
	p4d_t *p4d;
};

int save_pud(struct saved_tables *s, p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 's->pud' is passed to stash() at {{.*}}:[[@LINE+11]], which no compiled unit defines; it would replace '(pud_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pud)
		return -1;
	s->pud = pud;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void forget_pud(struct saved_tables *s)
{
	stash(s->pud);
	free_page((unsigned long)s->pud);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 's->pud' is passed to stash() at {{.*}}:[[@LINE-2]], which no compiled unit defines; it would replace 'free_page((unsigned long)s->pud)' with 'pgtable_free(s->pud)' [zeroed-page]
}

int save_p4d(struct saved_tables *s, pgd_t *pgd, p4d_t **last)
{
	p4d_t *p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 's->p4d' is stored through a pointer at {{.*}}:[[@LINE+5]]; it would replace '(p4d_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!p4d)
		return -1;
	s->p4d = p4d;
	*last = s->p4d;
	set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

void forget_p4d(struct saved_tables *s)
{
	free_page((unsigned long)s->p4d);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 's->p4d' is stored through a pointer at {{.*}}:[[@LINE-8]]; it would replace 'free_page((unsigned long)s->p4d)' with 'pgtable_free(s->p4d)' [zeroed-page]
}

struct lazy_tables {
	pmd_t *pmd;
};

int lazy_map(struct lazy_tables *l, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	l->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void lazy_unmap(struct lazy_tables *l)
{
	free_page((unsigned long)l->pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)l->pmd)' with 'if (l->pmd) pgtable_free(l->pmd)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE-7]]); adds a NULL test: the free at {{.*}}:[[@LINE-1]] may be given NULL ('l->pmd' is NULL until it is set), which free_page() ignores and pgtable_free() does not accept [zeroed-page]
// CHECK-FIXES: {{^}}	if (l->pmd){{$}}
// CHECK-FIXES-NEXT: {{^}}		pgtable_free(l->pmd);{{$}}
}
