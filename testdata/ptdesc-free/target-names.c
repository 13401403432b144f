// The target name follows --api and --free-name.
// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=ADDR %s %t.addr -- --api=addr -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=NAMED %s %t.named -- --free-name=arch_pgtable_free -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=BOTH %s %t.both -- --api=addr --free-name=arch_pgtable_free -- -I%refimpl_include
#include <linux/mm.h>

void arch_pgtable_free(const void *addr);

void free_pte_table(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'pgtable_free(pte)' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pte);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'pgtable_free_addr(pte)' [ptdesc-free]
// CHECK-FIXES-ADDR: {{^}}	pgtable_free_addr(pte);{{$}}
// CHECK-MESSAGES-NAMED: :[[@LINE-5]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'arch_pgtable_free(pte)' [ptdesc-free]
// CHECK-FIXES-NAMED: {{^}}	arch_pgtable_free(pte);{{$}}
// CHECK-MESSAGES-BOTH: :[[@LINE-7]]:2: warning: {{.*}} with 'arch_pgtable_free(pte)' [ptdesc-free]
// CHECK-FIXES-BOTH: {{^}}	arch_pgtable_free(pte);{{$}}
}
