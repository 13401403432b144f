// pgtable-name-conflicts: the AST half of rule name-conflicts (the lexical
// tree scan is the CLI's alone). Declarations named like the new API are
// reported; with RenameConflicts they and their uses are renamed by the
// scheme of ConflictPrefix, ConflictParamName and ConflictFieldName (the
// CLI's --rename-conflicts, --conflict-prefix, --conflict-param-name,
// --conflict-field-name). Macros come from the rule's preprocessor
// callbacks.
// RUN: %check_tidy %s %t -- -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=RENAME %s %t.rename -- -config='{CheckOptions: {RenameConflicts: true}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=SCHEME %s %t.scheme -- -config='{CheckOptions: {pgtable-name-conflicts.RenameConflicts: true, ConflictPrefix: arch_, ConflictParamName: "%%s_cb", ConflictFieldName: "do_%%s"}}' -- -I%refimpl_include
// RUN: %check_tidy --check-suffix=BAD --expect-exit=1 %s %t.bad -- -config='{CheckOptions: {ConflictParamName: callback}}' -- -I%refimpl_include
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' --dump-config | FileCheck %s --check-prefix=DUMP
#include <linux/gfp_types.h>
#include <linux/types.h>

struct table_ops {
	void (*pgtable_free)(void *table);
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pgtable_free' clashes with the new API: struct field; not renamed (renaming is off; it would become 'pgtable_free_fn') [pgtable-name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:9: warning: 'pgtable_free' clashes with the new API: struct field; renamed to 'pgtable_free_fn' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-3]]:9: warning: {{.*}} struct field; renamed to 'do_pgtable_free' [pgtable-name-conflicts]
// CHECK-FIXES: {{^}}	void (*pgtable_free)(void *table);{{$}}
// CHECK-FIXES-RENAME: {{^}}	void (*pgtable_free_fn)(void *table);{{$}}
// CHECK-FIXES-SCHEME: {{^}}	void (*do_pgtable_free)(void *table);{{$}}
};

#define pgtable_alloc_noprof(gfp) arch_table_alloc(gfp)
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pgtable_alloc_noprof' clashes with the new API: function-like macro; not renamed (renaming is off; it would become '__pgtable_alloc_noprof') [pgtable-name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:9: warning: {{.*}} function-like macro; renamed to '__pgtable_alloc_noprof' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-3]]:9: warning: {{.*}} function-like macro; renamed to 'arch_pgtable_alloc_noprof' [pgtable-name-conflicts]
// CHECK-FIXES-SCHEME: {{^}}#define arch_pgtable_alloc_noprof(gfp) arch_table_alloc(gfp){{$}}
void *arch_table_alloc(gfp_t gfp);

void pgtable_free(void *table)
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: {{.*}} function definition; not renamed {{.*}} [pgtable-name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:6: warning: {{.*}} function definition; renamed to '__pgtable_free' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-3]]:6: warning: {{.*}} function definition; renamed to 'arch_pgtable_free' [pgtable-name-conflicts]
// CHECK-FIXES-RENAME: {{^}}void __pgtable_free(void *table){{$}}
{
}

static void walk(void *(*pgtable_alloc)(gfp_t, unsigned int),
		 struct table_ops *ops)
// CHECK-MESSAGES: :[[@LINE-2]]:26: warning: {{.*}} function-pointer parameter; not renamed {{.*}} [pgtable-name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-3]]:26: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_fn' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-4]]:26: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_cb' [pgtable-name-conflicts]
// CHECK-FIXES-SCHEME: {{^}}static void walk(void *(*pgtable_alloc_cb)(gfp_t, unsigned int),{{$}}
{
	void *t = pgtable_alloc(0, 0);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:12: warning: {{.*}} call through the parameter; renamed to 'pgtable_alloc_fn' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-2]]:12: warning: {{.*}} call through the parameter; renamed to 'pgtable_alloc_cb' [pgtable-name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	void *t = pgtable_alloc_fn(0, 0);{{$}}

	ops->pgtable_free(t);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:7: warning: {{.*}} member access; renamed to 'pgtable_free_fn' [pgtable-name-conflicts]
// CHECK-MESSAGES-SCHEME: :[[@LINE-2]]:7: warning: {{.*}} member access; renamed to 'do_pgtable_free' [pgtable-name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	ops->pgtable_free_fn(t);{{$}}
	pgtable_free(t); // NOLINT(pgtable-name-conflicts)
// CHECK-FIXES-RENAME: {{^}}	pgtable_free(t); // NOLINT(pgtable-name-conflicts){{$}}
}

// CHECK-MESSAGES-BAD: error: pgtable-name-conflicts: conflict parameter name 'callback' must contain '%s' (the old name) once and make a new C identifier, e.g. '%s_fn'; the check does nothing [clang-tidy-config]

// DUMP-DAG: pgtable-name-conflicts.Api: default
// DUMP-DAG: pgtable-name-conflicts.AllocName: ''
// DUMP-DAG: pgtable-name-conflicts.FreeName: ''
// DUMP-DAG: pgtable-name-conflicts.RenameConflicts: 'false'
// DUMP-DAG: pgtable-name-conflicts.ConflictPrefix: __
// DUMP-DAG: pgtable-name-conflicts.ConflictParamName: '%s_fn'
// DUMP-DAG: pgtable-name-conflicts.ConflictFieldName: '%s_fn'
