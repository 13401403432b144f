// RUN: %check_tidy %s %t -- -- -isystem %refimpl_include
// RUN: %check_tidy --check-suffix=ADDR %s %t.addr -- -config='{CheckOptions: {Api: addr}}' -- -isystem %refimpl_include
// pgtable-ptdesc-address: a ptdesc used only for a NULL check and its
// address becomes one pgtable_alloc(); a ptdesc used for anything else is
// refused with the reason. (Expectations follow each function: a comment
// inside it would keep the plain shape from being recognized.)
#include <linux/mm.h>

pgd_t *alloc_pgd_table(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-6]]:26: warning: replace 'struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0); if (!ptdesc) return NULL; return ptdesc_address(ptdesc);' with 'return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);' [pgtable-ptdesc-address]
// CHECK-FIXES:      {{^}}pgd_t *alloc_pgd_table(void){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-11]]:26: warning: {{.*}} with 'return pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0);' [pgtable-ptdesc-address]
// CHECK-FIXES-ADDR: {{^}}	return pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0);{{$}}

pte_t *alloc_pte_table(struct mm_struct *mm)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_USER, 0);

	if (!ptdesc)
		return NULL;
	if (!pagetable_pte_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	return ptdesc_address(ptdesc);
}
// CHECK-MESSAGES: :[[@LINE-10]]:26: warning: not converted: 'pagetable_alloc(GFP_PGTABLE_USER, 0)': the ptdesc 'ptdesc' is passed to pagetable_pte_ctor() at line [[@LINE-6]] [pgtable-ptdesc-address]
// CHECK-MESSAGES-ADDR: :[[@LINE-11]]:26: warning: not converted: {{.*}} [pgtable-ptdesc-address]
// CHECK-FIXES: {{^}}	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_USER, 0);{{$}}

void hand_over(void (*keep)(struct ptdesc *))
{
	keep(pagetable_alloc(GFP_KERNEL, 0));
}
// CHECK-MESSAGES: :[[@LINE-2]]:7: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is passed to a function pointer [pgtable-ptdesc-address]
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:7: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is passed to a function pointer [pgtable-ptdesc-address]
// CHECK-FIXES: {{^}}	keep(pagetable_alloc(GFP_KERNEL, 0));{{$}}
