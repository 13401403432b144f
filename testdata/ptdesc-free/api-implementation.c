// The functions that implement the new API are not candidates: their
// pagetable_free(virt_to_ptdesc()) is the definition itself.
// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=ADDR %s %t.addr -- --api=addr -- -I%refimpl_include
#include <linux/mm.h>

void pgtable_free(const void *addr)
{
	pagetable_free(virt_to_ptdesc(addr));
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(addr));{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-2]]:2: warning: replace {{.*}} with 'pgtable_free_addr(addr)' [ptdesc-free]
// CHECK-FIXES-ADDR: {{^}}	pgtable_free_addr(addr);{{$}}
}

void pgtable_free_addr(const void *addr)
{
	pagetable_free(virt_to_ptdesc(addr));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace {{.*}} with 'pgtable_free(addr)' [ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(addr);{{$}}
// CHECK-FIXES-ADDR: {{^}}	pagetable_free(virt_to_ptdesc(addr));{{$}}
}
