// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// Calls written in a macro argument are edited there; an argument that is a
// macro keeps its spelling; a call split across a macro boundary is refused.
#include <linux/mm.h>

#define WITH_TABLE_LOCK(stmt)                                                \
	do {                                                                 \
		table_lock();                                                \
		stmt;                                                        \
		table_unlock();                                              \
	} while (0)
#define TWICE(stmt) do { stmt; stmt; } while (0)
#define pmd_pgtable_of(pmd) ((pte_t *)(pmd))
#define current_pmd saved_pmd
#define PTDESC_OF(p) virt_to_ptdesc(p)
#define FREE_WITH(p, conv) pagetable_free(conv(p))
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: not converted: pagetable_free(virt_to_ptdesc()) is written inside the definition of macro 'FREE_WITH'

void table_lock(void);
void table_unlock(void);
pmd_t *saved_pmd;

void in_macro_argument(pmd_t *pmd)
{
	WITH_TABLE_LOCK(pagetable_free(virt_to_ptdesc(pmd)));
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: replace 'pagetable_free(virt_to_ptdesc(pmd))' with 'pgtable_free(pmd)' [ptdesc-free]
// CHECK-FIXES: {{^}}	WITH_TABLE_LOCK(pgtable_free(pmd));{{$}}
}

void argument_used_twice(pmd_t *pmd)
{
	TWICE(pagetable_free(virt_to_ptdesc(pmd)));
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: replace {{.*}} [ptdesc-free]
// CHECK-FIXES: {{^}}	TWICE(pgtable_free(pmd));{{$}}
}

void argument_is_a_macro(pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd_pgtable_of(pmd)));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace {{.*}} with 'pgtable_free(pmd_pgtable_of(pmd))' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_pgtable_of(pmd));{{$}}
	pagetable_free(virt_to_ptdesc(current_pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace {{.*}} with 'pgtable_free(current_pmd)' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(current_pmd);{{$}}
}

void split_across_macro_boundary(pmd_t *pmd)
{
	pagetable_free(PTDESC_OF(pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: pagetable_free(virt_to_ptdesc()) is split across a macro boundary: part of it comes from the body of macro 'PTDESC_OF' [ptdesc-free]
// CHECK-FIXES: {{^}}	pagetable_free(PTDESC_OF(pmd));{{$}}
	FREE_WITH(pmd, virt_to_ptdesc);
// CHECK-FIXES: {{^}}	FREE_WITH(pmd, virt_to_ptdesc);{{$}}
}
