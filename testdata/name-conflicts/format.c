// Renamed identifiers keep the layout around them (the tree's
// .clang-format would re-lay out whole declarations); a line the rename
// pushes past the column limit is formatted.
// RUN: %check_fixes %s %t -- --rename-conflicts -- -I%refimpl_include
#include <linux/types.h>

extern
void create_table(unsigned long *pgdir, unsigned long virt,
		  phys_addr_t (*pgtable_alloc)(int),   int flags);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_fn'
// CHECK-FIXES: {{^}}extern{{$}}
// CHECK-FIXES-NEXT: {{^}}void create_table(unsigned long *pgdir, unsigned long virt,{{$}}
// CHECK-FIXES-NEXT: {{^}}		  phys_addr_t (*pgtable_alloc_fn)(int),   int flags);{{$}}

void init_table(unsigned long *pmdp, unsigned long addr, unsigned long next,
		unsigned long phys, phys_addr_t (*pgtable_alloc)(int), int flags)
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_fn'
// CHECK-FIXES: {{^}}void init_table(unsigned long *pmdp, unsigned long addr, unsigned long next,{{$}}
// CHECK-FIXES-NEXT: {{^}}		unsigned long phys, phys_addr_t (*pgtable_alloc_fn)(int),{{$}}
// CHECK-FIXES-NEXT: {{^}}		int flags){{$}}
{
	create_table(pmdp, addr,   pgtable_alloc, flags);
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: {{.*}} use of the parameter; renamed to 'pgtable_alloc_fn'
// CHECK-FIXES: {{^}}	create_table(pmdp, addr,   pgtable_alloc_fn, flags);{{$}}
}
