// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// A ptdesc used for more than a NULL check and its address carries state
// or leaves the function: each is refused with the use that needs it.
#include <linux/mm.h>
#include <linux/string.h>

struct table_cache {
	struct ptdesc *last;
	struct list_head tables;
};

pmd_t *with_ctor(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_PGTABLE_KERNEL, 0)': the ptdesc 'ptdesc' is passed to pagetable_pmd_ctor() at line [[@LINE+4]] [ptdesc-address]

	if (!ptdesc)
		return NULL;
	if (!pagetable_pmd_ctor(ptdesc)) {
		pagetable_free(ptdesc);
		return NULL;
	}
	return ptdesc_address(ptdesc);
}

pte_t *marked_kernel(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0)': the ptdesc 'ptdesc' is passed to ptdesc_set_kernel() at line [[@LINE+4]] [ptdesc-address]

	if (!ptdesc)
		return NULL;
	ptdesc_set_kernel(ptdesc);
	return ptdesc_address(ptdesc);
}

pte_t *listed(struct table_cache *cache)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'ptdesc' has its fields used at line [[@LINE+4]] [ptdesc-address]

	if (!ptdesc)
		return NULL;
	list_add_tail(&ptdesc->pt_list, &cache->tables);
	return ptdesc_address(ptdesc);
}

pte_t *stored(struct table_cache *cache)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'ptdesc' is stored in 'cache->last' at line [[@LINE+4]] [ptdesc-address]

	if (!ptdesc)
		return NULL;
	cache->last = ptdesc;
	return ptdesc_address(ptdesc);
}

struct ptdesc *returned(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'ptdesc' is returned at line [[@LINE+4]] [ptdesc-address]

	if (ptdesc)
		memset(ptdesc_address(ptdesc), 0, PAGE_SIZE);
	return ptdesc;
}

struct ptdesc *returned_directly(void)
{
	return pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is returned [ptdesc-address]
}

void free_on_error(pmd_t **out)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'ptdesc' is freed with pagetable_free() at line [[@LINE+6]] [ptdesc-address]

	if (!ptdesc)
		return;
	*out = ptdesc_address(ptdesc);
	if (!*out)
		pagetable_free(ptdesc);
}

pte_t *reassigned(struct ptdesc *spare)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_KERNEL, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'ptdesc' is assigned again at line [[@LINE+3]] [ptdesc-address]

	if (!ptdesc)
		ptdesc = spare;
	return ptdesc_address(ptdesc);
}
