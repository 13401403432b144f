// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// Other shapes keep their structure: the ptdesc variable becomes the
// address (of the type every ptdesc_address() is cast to, else void *),
// under a name the function does not use yet.
#include <linux/mm.h>

void init_table(pte_t *table);

pte_t *alloc_and_init(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
	pte_t *pte;

	if (!ptdesc)
// CHECK-FIXES: {{^}}	if (!table){{$}}
		return NULL;
	pte = ptdesc_address(ptdesc);
// CHECK-FIXES: {{^}}	pte = table;{{$}}
	init_table(pte);
	return pte;
}

int fill(pmd_t **tables, int count)
{
	int i, table = 0;

	for (i = 0; i < count; i++) {
		struct ptdesc *ptdesc;
// CHECK-FIXES: {{^}}		pmd_t *addr;{{$}}

		ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'pmd_t *addr' [ptdesc-address]
// CHECK-FIXES: {{^}}		addr = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
		if (ptdesc == NULL)
// CHECK-FIXES: {{^}}		if (addr == NULL){{$}}
			goto fail;
		tables[i] = (pmd_t *)ptdesc_address(ptdesc);
// CHECK-FIXES: {{^}}		tables[i] = addr;{{$}}
		table++;
	}
	return table;
fail:
	return -1;
}

pte_t *commented(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}	void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}

	/* Out of memory: the caller retries. */
	if (!ptdesc)
// CHECK-FIXES: {{^}}	if (!table){{$}}
		return NULL;
	return ptdesc_address(ptdesc);
// CHECK-FIXES: {{^}}	return table;{{$}}
}

pte_t *guarded(int want)
{
	struct ptdesc *ptdesc = NULL;
// CHECK-FIXES: {{^}}	void *table = NULL;{{$}}

	if (want)
		ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: replace 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL, 0)'; the ptdesc 'ptdesc' becomes 'void *table' [ptdesc-address]
// CHECK-FIXES: {{^}}		table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);{{$}}
	return ptdesc ? ptdesc_address(ptdesc) : NULL;
// CHECK-FIXES: {{^}}	return table ? table : NULL;{{$}}
}
