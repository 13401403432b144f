// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// RUN: %syntax_check %t.c
// A table kept in an unsigned long local (x86 pti.c, riscv's late table
// allocators) converts when every use of the local is one a pointer allows
// as well: a cast to a pointer, __pa() or virt_to_phys(), a NULL test,
// free_page(). The local becomes a pointer of the type its casts name (else
// void *), the casts to that type go, and the allocation with its
// declaration, its casts and its frees is one object group. The rewritten
// file compiles with -Werror.
#include <linux/mm.h>

#define WARN_ON_ONCE(condition) ({ int __ret = !!(condition); __ret; })
#define BUG_ON(condition) do { if (condition) __builtin_trap(); } while (0)

static inline phys_addr_t virt_to_phys(volatile void *address)
{
	return __pa(address);
}

/* pti.c's shape: tested, installed, never cast. */
p4d_t *shadow_p4d_alloc(pgd_t *pgd, unsigned long address)
{
	gfp_t gfp = (GFP_KERNEL | __GFP_ZERO);

	if (pgd_none(*pgd)) {
		unsigned long new_p4d_page = __get_free_page(gfp);
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: replace '__get_free_page(gfp)' with 'pgtable_alloc(gfp, 0)' (p4d table, installed by __pgd(__pa()) at {{.*}}:[[@LINE+5]]); retypes 'new_p4d_page' from unsigned long to 'void *' (it is never cast to a pointer) [zeroed-page]
// CHECK-FIXES: {{^}}		void *new_p4d_page = pgtable_alloc(gfp, 0);{{$}}
		if (WARN_ON_ONCE(!new_p4d_page))
			return NULL;

		set_pgd(pgd, __pgd(_KERNPG_TABLE | __pa(new_p4d_page)));
	}
	return p4d_offset(pgd, address);
}

/* Cast to the table's type, and freed on an error path. */
pmd_t *shadow_pmd_alloc(pud_t *pud, unsigned long address, int fail)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: replace '__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+14]]); retypes 'new_pmd_page' from unsigned long to 'pmd_t *' (the type its casts name; 1 cast dropped); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *new_pmd_page = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	pmd_t *pmd;

	if (!new_pmd_page)
		return NULL;
	if (fail) {
		free_page(new_pmd_page);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page(new_pmd_page)' with 'pgtable_free(new_pmd_page)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(new_pmd_page);{{$}}
		return NULL;
	}
	pmd = (pmd_t *)new_pmd_page + pmd_index(address);
// CHECK-FIXES: {{^}}	pmd = new_pmd_page + pmd_index(address);{{$}}
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	return pmd;
}

/* riscv's alloc_pud_late(): nothing shows the page is a table. */
phys_addr_t late_table_alloc(unsigned long va)
{
	unsigned long vaddr;

	vaddr = __get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: not converted: no page-table evidence: the page from __get_free_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)'; retypes 'vaddr' from unsigned long to 'void *' (it is never cast to a pointer); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	vaddr = __get_free_page(GFP_KERNEL);{{$}}
	BUG_ON(!vaddr);
	return __pa(vaddr);
}

/*
 * Assigned in its NULL test; virt_to_phys() takes the pointer; the plain
 * 0s become NULL.
 */
int install_pte_table(pmd_t *pmd)
{
// CHECK-FIXES: {{^}}	void *page = NULL;{{$}}
	unsigned long page = 0;

	if ((page = get_zeroed_page(GFP_KERNEL)) == 0)
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: replace 'get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+3]]); retypes 'page' from unsigned long to 'void *' (the type its casts name; 1 cast dropped) [zeroed-page]
// CHECK-FIXES: {{^}}	if ((page = pgtable_alloc(GFP_KERNEL, 0)) == NULL){{$}}
		return -1;
	set_pmd(pmd, __pmd(_PAGE_TABLE | virt_to_phys((void *)page)));
// CHECK-FIXES: {{^}}	set_pmd(pmd, __pmd(_PAGE_TABLE | virt_to_phys(page)));{{$}}
	return 0;
}

/* Casts to two types: the local becomes void * and they stay. */
int install_two_views(pmd_t *pmd, pte_t entry)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: replace 'get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+7]]); retypes 'page' from unsigned long to 'void *' (its casts name different types) [zeroed-page]
// CHECK-FIXES: {{^}}	void *page = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	if (!page)
		return -1;
	set_pte((pte_t *)page, entry);
// CHECK-FIXES: {{^}}	set_pte((pte_t *)page, entry);{{$}}
	set_pmd(pmd, __pmd(__pa((pmd_t *)page) | _PAGE_TABLE));
// CHECK-FIXES: {{^}}	set_pmd(pmd, __pmd(__pa((pmd_t *)page) | _PAGE_TABLE));{{$}}
	return 0;
}

