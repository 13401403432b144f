// Check options are the CLI's switches with the CLI's defaults: Api
// (--api), AllocName (--alloc-name), FreeName (--free-name). Each is read
// as pgtable-<check>.<Name> or, for every check at once, as the global
// <Name>; the check's own key wins.
// RUN: %check_tidy %s %t -- -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=ADDR %s %t.addr -- -config='{CheckOptions: {Api: addr}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=ADDR %s %t.addr-local -- -checks='-*,pgtable-ptdesc-free' -config='{CheckOptions: {pgtable-ptdesc-free.Api: addr}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=NAMED %s %t.named -- -config='{CheckOptions: {Api: addr, FreeName: arch_pgtable_free}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=NAMED %s %t.local-wins -- -config='{CheckOptions: {FreeName: other_free, pgtable-ptdesc-free.FreeName: arch_pgtable_free}}' -- -I%refimpl_include
//
// A value the CLI rejects is an error with the CLI's words, and the check
// does nothing.
// RUN: %check_tidy --check-suffix=BAD-API --expect-exit=1 %s %t.bad-api -- -config='{CheckOptions: {Api: page}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=BAD-NAME --expect-exit=1 %s %t.bad-name -- -checks='-*,pgtable-ptdesc-free' -config='{CheckOptions: {FreeName: pgtable-free}}' -- -I%refimpl_include
//
// --dump-config shows every option with its default.
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' --dump-config | FileCheck %s --check-prefix=DUMP
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' -config='{CheckOptions: {Api: addr}}' --dump-config | FileCheck %s --check-prefix=DUMP-ADDR
#include <linux/mm.h>

void arch_pgtable_free(const void *addr);

void free_pte_table(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'pgtable_free(pte)' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pte);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'pgtable_free_addr(pte)' [pgtable-ptdesc-free]
// CHECK-FIXES-ADDR: {{^}}	pgtable_free_addr(pte);{{$}}
// CHECK-MESSAGES-NAMED: :[[@LINE-5]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'arch_pgtable_free(pte)' [pgtable-ptdesc-free]
// CHECK-FIXES-NAMED: {{^}}	arch_pgtable_free(pte);{{$}}
// CHECK-FIXES-BAD-API: {{^}}	pagetable_free(virt_to_ptdesc(pte));{{$}}
// CHECK-FIXES-BAD-NAME: {{^}}	pagetable_free(virt_to_ptdesc(pte));{{$}}
}

// CHECK-MESSAGES-BAD-API-DAG: error: pgtable-name-conflicts: unknown API variant 'page' (expected 'default' or 'addr'); the check does nothing [clang-tidy-config]
// CHECK-MESSAGES-BAD-API-DAG: error: pgtable-ptdesc-free: unknown API variant 'page' (expected 'default' or 'addr'); the check does nothing [clang-tidy-config]
// CHECK-MESSAGES-BAD-NAME: error: pgtable-ptdesc-free: free name 'pgtable-free' is not a C identifier; the check does nothing [clang-tidy-config]

// DUMP-DAG: pgtable-ptdesc-free.Api: default
// DUMP-DAG: pgtable-ptdesc-free.AllocName: ''
// DUMP-DAG: pgtable-ptdesc-free.FreeName: ''
// DUMP-ADDR: pgtable-ptdesc-free.Api: addr
