// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// RUN: %check_fixes --check-suffix=ADDR %s %t.addr -- --rules=ptdesc-address --api=addr -- -isystem %refimpl_include
// A _noprof function keeps the _noprof variant, as does a direct call of
// pagetable_alloc_noprof(); the names follow --api.
#include <linux/mm.h>

pte_t *pte_table_alloc_noprof(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
#define pte_table_alloc(...) alloc_hooks(pte_table_alloc_noprof(__VA_ARGS__))
// CHECK-MESSAGES: :[[@LINE-7]]:26: warning: replace {{.*}} with 'return pgtable_alloc_noprof(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES: {{^}}	return pgtable_alloc_noprof(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-9]]:26: warning: replace {{.*}} with 'return pgtable_alloc_addr_noprof(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES-ADDR: {{^}}	return pgtable_alloc_addr_noprof(GFP_PGTABLE_KERNEL, 0);{{$}}

pmd_t *pmd_table_alloc(void)
{
	struct ptdesc *ptdesc = pagetable_alloc_noprof(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace 'struct ptdesc *ptdesc = pagetable_alloc_noprof(GFP_PGTABLE_KERNEL, 0); {{.*}}' with 'return pgtable_alloc_noprof(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES: {{^}}	return pgtable_alloc_noprof(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-8]]:26: warning: replace {{.*}} with 'return pgtable_alloc_addr_noprof(GFP_PGTABLE_KERNEL, 0);' [ptdesc-address]
// CHECK-FIXES-ADDR: {{^}}	return pgtable_alloc_addr_noprof(GFP_PGTABLE_KERNEL, 0);{{$}}

pte_t *pte_table_alloc_addr_user(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
	pte_t *pte = NULL;

	if (ptdesc)
		pte = ptdesc_address(ptdesc);
	return pte;
}
// CHECK-MESSAGES: :[[@LINE-7]]:26: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES: {{^}}	if (table){{$}}
// CHECK-FIXES: {{^}}		pte = table;{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-11]]:26: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES-ADDR: {{^}}	void *table = pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0);{{$}}
