// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// The address of a ptdesc is also written ptdesc_to_virt(pt) (s390's
// crst_table_alloc()) and page_address(ptdesc_page(pt)), ptdesc_page() being
// a cast or, as in Linux 6.12, a _Generic of casts. All three are what
// pgtable_alloc() returns. A page_address() of anything else keeps the
// ptdesc.
#include <linux/mm.h>

unsigned long *alloc_region_table(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 2);

	if (!ptdesc)
		return NULL;
	return (unsigned long *)ptdesc_to_virt(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace 'struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 2); if (!ptdesc) return NULL; return (unsigned long *)ptdesc_to_virt(ptdesc);' with 'return pgtable_alloc(GFP_KERNEL, 2);'; gains zeroing: the gfp mask had no __GFP_ZERO [ptdesc-address]
// CHECK-FIXES:      {{^}}unsigned long *alloc_region_table(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_KERNEL, 2);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

pmd_t *alloc_pmd_page_address(void)
{
	struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!pt)
		return NULL;
	return (pmd_t *)page_address(ptdesc_page(pt));
}
// CHECK-MESSAGES: :[[@LINE-6]]:22: warning: replace 'struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0); if (!pt) return NULL; return (pmd_t *)page_address(ptdesc_page(pt));' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES:      {{^}}pmd_t *alloc_pmd_page_address(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

#undef ptdesc_page
#define ptdesc_page(pt)                                                \
	(_Generic((pt),                                                \
		const struct ptdesc *: (const struct page *)(pt),      \
		struct ptdesc *: (struct page *)(pt)))

pte_t *alloc_pte_generic(void)
{
	struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!pt)
		return NULL;
	return (pte_t *)page_address(ptdesc_page(pt));
}
// CHECK-MESSAGES: :[[@LINE-6]]:22: warning: replace 'struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0); if (!pt) return NULL; return (pte_t *)page_address(ptdesc_page(pt));' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES:      {{^}}pte_t *alloc_pte_generic(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

struct page *next_page(struct page *page);

pte_t *alloc_pte_other_page(void)
{
	struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!pt)
		return NULL;
	return (pte_t *)page_address(next_page(ptdesc_page(pt)));
}
// CHECK-MESSAGES: :[[@LINE-6]]:22: warning: not converted: 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)': the ptdesc 'pt' is used in 'ptdesc_page(pt)' at line [[@LINE-2]] [ptdesc-address]

// ptdesc_to_virt() is page_to_virt(): for a page the gfp mask may take from
// highmem it is not the address pgtable_alloc() returns.
void *alloc_highmem_table(gfp_t gfp)
{
	struct ptdesc *pt = pagetable_alloc(gfp | __GFP_HIGHMEM, 0);

	if (!pt)
		return NULL;
	return ptdesc_to_virt(pt);
}
// CHECK-MESSAGES: :[[@LINE-6]]:22: warning: not converted: 'pagetable_alloc(gfp | __GFP_HIGHMEM, 0)': the ptdesc 'pt' is turned into an address by ptdesc_to_virt() (page_to_virt()), which differs from pgtable_alloc()'s page_address() for a highmem page, and the gfp mask may include __GFP_HIGHMEM [ptdesc-address]
