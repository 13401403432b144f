// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// The plain shape: the ptdesc is tested against NULL and turned into its
// address, nothing else. It becomes one return of pgtable_alloc(); a
// variable declared first and assigned later goes with its declaration.
// (The expectations follow each function: a comment inside it would keep
// the plain shape from being recognized.)
#include <linux/mm.h>

pgd_t *alloc_pgd_table(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace 'struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0); if (!ptdesc) return NULL; return ptdesc_address(ptdesc);' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES:      {{^}}pgd_t *alloc_pgd_table(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

pmd_t *alloc_pmd_table(gfp_t gfp)
{
	struct ptdesc *pt = pagetable_alloc(gfp | __GFP_ZERO, 1);
	if (pt == NULL) {
		return NULL;
	}
	return (pmd_t *)ptdesc_address(pt);
}
// CHECK-MESSAGES: :[[@LINE-6]]:22: warning: replace 'struct ptdesc *pt = pagetable_alloc(gfp | __GFP_ZERO, 1); if (pt == NULL) { return NULL; } return (pmd_t *)ptdesc_address(pt);' with 'return pgtable_alloc(gfp, 1);' [ptdesc-address]
// CHECK-FIXES:      {{^}}pmd_t *alloc_pmd_table(gfp_t gfp){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(gfp, 1);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

pte_t *alloc_pte_table(void)
{
	struct ptdesc *ptdesc;

	ptdesc = pagetable_alloc(GFP_KERNEL, 0);
	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-5]]:11: warning: replace 'ptdesc = pagetable_alloc(GFP_KERNEL, 0); if (!ptdesc) return NULL; return ptdesc_address(ptdesc);' with 'return pgtable_alloc(GFP_KERNEL, 0);'; the declaration 'struct ptdesc *ptdesc;' goes; gains zeroing: the gfp mask had no __GFP_ZERO [ptdesc-address]
// CHECK-FIXES:      {{^}}pte_t *alloc_pte_table(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_KERNEL, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

pte_t *alloc_pte_table_after_others(int *count)
{
	int n = (*count)++;
	struct ptdesc *ptdesc;

	ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, n > 4);
	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-5]]:11: warning: replace 'ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, n > 4); if (!ptdesc) return NULL; return ptdesc_address(ptdesc);' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, n > 4);'; the declaration 'struct ptdesc *ptdesc;' goes [ptdesc-address]
// CHECK-FIXES:      {{^}}pte_t *alloc_pte_table_after_others(int *count){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	int n = (*count)++;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, n > 4);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

pte_t *alloc_with_callers_gfp(gfp_t gfp)
{
	struct ptdesc *ptdesc = pagetable_alloc(gfp, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace {{.*}} with 'return pgtable_alloc(gfp, 0);'; may gain zeroing: cannot tell whether the gfp mask includes __GFP_ZERO [ptdesc-address]
// CHECK-FIXES:      {{^}}pte_t *alloc_with_callers_gfp(gfp_t gfp){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(gfp, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
