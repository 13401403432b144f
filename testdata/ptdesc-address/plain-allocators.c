// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include -DREFIMPL_PLAIN_ALLOCATORS
// RUN: %check_fixes %s %t.hooks -- --rules=ptdesc-address -- -isystem %refimpl_include
// From 6.6 to 6.9 pagetable_alloc() is a function (a static inline), not
// the alloc_hooks() macro over pagetable_alloc_noprof() of 6.10: its calls
// convert to the same text in both shapes (the second RUN line), never to
// the _noprof form.
#include <linux/mm.h>

pmd_t *pmd_table_alloc(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace 'struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0); {{.*}}' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}

pte_t *pte_table_alloc(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 1);
	pte_t *pte = NULL;

	if (ptdesc)
		pte = ptdesc_address(ptdesc);
	return pte;
}
// CHECK-MESSAGES: :[[@LINE-7]]:26: warning: replace 'pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 1)' with 'pgtable_alloc(GFP_KERNEL, 1)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = pgtable_alloc(GFP_KERNEL, 1);{{$}}

/* A ptdesc the code needs is refused in both shapes. */
pgtable_t pte_page_alloc(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_USER, 0);

	if (!ptdesc)
		return NULL;
	if (!pagetable_pte_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	return ptdesc_page(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-10]]:26: warning: not converted: {{.*}} [ptdesc-address]
