// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// A call written inside a macro definition is reported once, at the
// definition, with the reason; neither the definition nor its uses change.
#include <linux/mm.h>

#define free_pmd_table(pmd) pagetable_free(virt_to_ptdesc(pmd))
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: not converted: pagetable_free(virt_to_ptdesc()) is written inside the definition of macro 'free_pmd_table'; convert the macro by hand [ptdesc-free]
// CHECK-FIXES: {{^}}#define free_pmd_table(pmd) pagetable_free(virt_to_ptdesc(pmd)){{$}}

#define FREE_TABLES(a, b)                                                    \
	do {                                                                 \
		pagetable_free(virt_to_ptdesc(a));                           \
		pagetable_free(virt_to_ptdesc(b));                           \
	} while (0)
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: not converted: {{.*}} macro 'FREE_TABLES'
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: not converted: {{.*}} macro 'FREE_TABLES'

void free_two(pmd_t *a, pmd_t *b)
{
	free_pmd_table(a);
	free_pmd_table(b);
// CHECK-FIXES: {{^}}	free_pmd_table(a);{{$}}
// CHECK-FIXES: {{^}}	free_pmd_table(b);{{$}}
	FREE_TABLES(a, b);
}

// The macro's name comes from a macro: still inside a definition.
#define FREE_CALL pagetable_free
void free_through_name(pmd_t *a)
{
	FREE_CALL(virt_to_ptdesc(a));
// CHECK-MESSAGES: :[[@LINE-4]]:19: warning: not converted: pagetable_free(virt_to_ptdesc()) is written inside the definition of macro 'FREE_CALL'
// CHECK-FIXES: {{^}}	FREE_CALL(virt_to_ptdesc(a));{{$}}
}
