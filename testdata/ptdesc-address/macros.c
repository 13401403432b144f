// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// An allocation written in a macro definition, or split across a macro
// boundary, is refused; one in a macro argument is edited there.
#include <linux/mm.h>

#define ALLOC_TABLE_PTDESC() pagetable_alloc(GFP_PGTABLE_KERNEL, 0)
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: not converted: pagetable_alloc() is written inside the definition of macro 'ALLOC_TABLE_PTDESC'; convert the macro by hand [ptdesc-address]
#define PT_ALLOC pagetable_alloc
#define QUIETLY(x) (x)

pte_t *from_definition(void)
{
	struct ptdesc *ptdesc = ALLOC_TABLE_PTDESC();

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}

pte_t *name_from_macro(void)
{
	struct ptdesc *ptdesc = PT_ALLOC(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: pagetable_alloc() is split across a macro boundary: its name comes from the body of macro 'PT_ALLOC' [ptdesc-address]

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}

pte_t *in_argument(void)
{
	struct ptdesc *ptdesc = QUIETLY(pagetable_alloc(GFP_PGTABLE_KERNEL, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = QUIETLY(pgtable_alloc(GFP_PGTABLE_KERNEL, 0));{{$}}

	if (!ptdesc)
// CHECK-FIXES: {{^}}	if (!table){{$}}
		return NULL;
	return ptdesc_address(ptdesc);
// CHECK-FIXES: {{^}}	return table;{{$}}
}

pte_t *in_argument_kept(void)
{
	struct ptdesc *ptdesc = QUIETLY(pagetable_alloc(GFP_PGTABLE_KERNEL, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = QUIETLY(pgtable_alloc(GFP_PGTABLE_KERNEL, 0));{{$}}
	pte_t *pte;

	if (!ptdesc)
// CHECK-FIXES: {{^}}	if (!table){{$}}
		return NULL;
	pte = ptdesc_address(ptdesc);
// CHECK-FIXES: {{^}}	pte = table;{{$}}
	return pte;
}

pte_t *cast_ptdesc(void)
{
	struct ptdesc *ptdesc = (struct ptdesc *)pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: not converted: 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)': the ptdesc is cast to another type [ptdesc-address]

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
