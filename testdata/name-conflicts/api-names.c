// The names that clash follow --api, --alloc-name and --free-name (each with
// its _noprof form); pgtable_alloc/pgtable_free always clash.
// RUN: %check_fixes %s %t -- --rename-conflicts -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=ADDR %s %t.addr -- --rename-conflicts --api=addr -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=NAMED %s %t.named -- --rename-conflicts --free-name=arch_table_put --conflict-prefix=arch_ -- -I%refimpl_include
#include <linux/types.h>

void pgtable_free(int index);
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pgtable_free' clashes with the new API: function prototype; renamed to '__pgtable_free' [name-conflicts]
// CHECK-MESSAGES-ADDR: :[[@LINE-2]]:6: warning: 'pgtable_free' clashes with the new API: function prototype; renamed to '__pgtable_free' [name-conflicts]
// CHECK-MESSAGES-NAMED: :[[@LINE-3]]:6: warning: 'pgtable_free' clashes with the new API: function prototype; renamed to 'arch_pgtable_free' [name-conflicts]

static void pgtable_free_addr(void *table, int shift)
// CHECK-MESSAGES-ADDR: :[[@LINE-1]]:13: warning: 'pgtable_free_addr' clashes with the new API: function definition; renamed to '__pgtable_free_addr' [name-conflicts]
// CHECK-FIXES: {{^}}static void pgtable_free_addr(void *table, int shift){{$}}
// CHECK-FIXES-ADDR: {{^}}static void __pgtable_free_addr(void *table, int shift){{$}}
{
	pgtable_free(shift);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'pgtable_free' clashes with the new API: call; renamed to '__pgtable_free' [name-conflicts]
// CHECK-MESSAGES-ADDR: :[[@LINE-2]]:2: warning: {{.*}} call; renamed to '__pgtable_free'
// CHECK-MESSAGES-NAMED: :[[@LINE-3]]:2: warning: {{.*}} call; renamed to 'arch_pgtable_free'
}

void *pgtable_alloc_addr_noprof(int shift);
// CHECK-MESSAGES-ADDR: :[[@LINE-1]]:7: warning: 'pgtable_alloc_addr_noprof' clashes with the new API: function prototype; renamed to '__pgtable_alloc_addr_noprof' [name-conflicts]

static inline void arch_table_put_noprof(void *table)
// CHECK-MESSAGES-NAMED: :[[@LINE-1]]:20: warning: 'arch_table_put_noprof' clashes with the new API: function definition; renamed to 'arch_arch_table_put_noprof' [name-conflicts]
{
	pgtable_free_addr(table, 0);
// CHECK-MESSAGES-ADDR: :[[@LINE-1]]:2: warning: {{.*}} call; renamed to '__pgtable_free_addr'
// CHECK-FIXES-ADDR: {{^}}	__pgtable_free_addr(table, 0);{{$}}
}
