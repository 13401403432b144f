// RUN: %check_fixes %s %t -- --rules=ptdesc-address -- -isystem %refimpl_include
// A ptdesc handed straight to a function pointer: refused in the words
// zeroed-page uses for the same shape.
#include <linux/mm.h>

void hand_over(void (*keep)(struct ptdesc *))
{
	keep(pagetable_alloc(GFP_KERNEL, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is passed to a function pointer [ptdesc-address]
// CHECK-FIXES: {{^}}	keep(pagetable_alloc(GFP_KERNEL, 0));{{$}}
}

void keep_table(struct ptdesc *ptdesc);

void hand_over_named(void)
{
	keep_table(pagetable_alloc(GFP_KERNEL, 0));
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is passed to keep_table() [ptdesc-address]
// CHECK-FIXES: {{^}}	keep_table(pagetable_alloc(GFP_KERNEL, 0));{{$}}
}
