// Other declarations named like the API (pgtable_alloc, pgtable_free and
// their _noprof forms): a struct field (a function pointer, used through ->
// and a designator), a function-like macro pgtable_alloc (with defined(),
// #undef), an object-like macro, a global variable, a typedef, an
// enumerator and a local variable that hides the global. Each is reported
// with its kind; --rename-conflicts renames it with every use; the field
// pattern applies to fields, the parameter pattern to locals.
// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=RENAME %s %t.rename -- --rename-conflicts --conflict-field-name=%%s_op -- -I%refimpl_include
// RUN: %pgtable-migrate %t.rename.c --rename-conflicts --conflict-field-name=%%s_op --check -- -I%refimpl_include
#include <linux/types.h>

struct table_ops {
	void (*pgtable_free)(void *table);
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pgtable_free' clashes with the new API: struct field; not renamed (renaming is off; it would become 'pgtable_free_fn') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:9: warning: 'pgtable_free' clashes with the new API: struct field; renamed to 'pgtable_free_op' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	void (*pgtable_free_op)(void *table);{{$}}
};

void *arch_table_alloc(int order);
#define pgtable_alloc(order) arch_table_alloc(order)
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pgtable_alloc' clashes with the new API: function-like macro; not renamed (renaming is off; it would become '__pgtable_alloc') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:9: warning: 'pgtable_alloc' clashes with the new API: function-like macro; renamed to '__pgtable_alloc' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}#define __pgtable_alloc(order) arch_table_alloc(order){{$}}

static struct table_ops pgtable_free = {
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'pgtable_free' clashes with the new API: variable; not renamed
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:25: warning: 'pgtable_free' clashes with the new API: variable; renamed to '__pgtable_free' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}static struct table_ops __pgtable_free = {{{$}}
	.pgtable_free = NULL,
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:3: warning: 'pgtable_free' clashes with the new API: member access; renamed to 'pgtable_free_op' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	.pgtable_free_op = NULL,{{$}}
};

typedef void *pgtable_free_noprof;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'pgtable_free_noprof' clashes with the new API: typedef; not renamed
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:15: warning: {{.*}} typedef; renamed to '__pgtable_free_noprof'
enum table_kind { TABLE_PTE, pgtable_alloc_noprof };
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'pgtable_alloc_noprof' clashes with the new API: enumerator; not renamed
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:30: warning: {{.*}} enumerator; renamed to '__pgtable_alloc_noprof'
// CHECK-FIXES-RENAME: {{^}}enum table_kind { TABLE_PTE, __pgtable_alloc_noprof };{{$}}

pgtable_free_noprof table_get(struct table_ops *ops, int kind)
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:1: warning: {{.*}} use; renamed to '__pgtable_free_noprof'
// CHECK-FIXES-RENAME: {{^}}__pgtable_free_noprof table_get(struct table_ops *ops, int kind){{$}}
{
	void *pgtable_free = pgtable_alloc(0);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'pgtable_free' clashes with the new API: local variable; not renamed (renaming is off; it would become 'pgtable_free_fn') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:8: warning: {{.*}} local variable; renamed to 'pgtable_free_fn'
// CHECK-MESSAGES-RENAME: :[[@LINE-3]]:23: warning: 'pgtable_alloc' clashes with the new API: call; renamed to '__pgtable_alloc' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	void *pgtable_free_fn = __pgtable_alloc(0);{{$}}

	if (kind == pgtable_alloc_noprof)
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:14: warning: {{.*}} use; renamed to '__pgtable_alloc_noprof'
		ops->pgtable_free(pgtable_free);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:8: warning: 'pgtable_free' clashes with the new API: member access; renamed to 'pgtable_free_op' [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:21: warning: 'pgtable_free' clashes with the new API: use; renamed to 'pgtable_free_fn' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}		ops->pgtable_free_op(pgtable_free_fn);{{$}}
	return pgtable_free;
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:9: warning: {{.*}} use; renamed to 'pgtable_free_fn'
}

struct table_ops *default_ops(void)
{
	return &pgtable_free;
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:10: warning: {{.*}} use; renamed to '__pgtable_free'
// CHECK-FIXES-RENAME: {{^}}	return &__pgtable_free;{{$}}
}

#if defined(pgtable_alloc)
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:13: warning: 'pgtable_alloc' clashes with the new API: macro reference; renamed to '__pgtable_alloc' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}#if defined(__pgtable_alloc){{$}}
#undef pgtable_alloc
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:8: warning: {{.*}} macro reference; renamed to '__pgtable_alloc'
// CHECK-FIXES-RENAME: {{^}}#undef __pgtable_alloc{{$}}
#endif

#define pgtable_free_noprof 0
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pgtable_free_noprof' clashes with the new API: object-like macro; not renamed
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:9: warning: {{.*}} object-like macro; renamed to '__pgtable_free_noprof'
int table_default = pgtable_free_noprof;
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:21: warning: {{.*}} use; renamed to '__pgtable_free_noprof'
// CHECK-FIXES-RENAME: {{^}}int table_default = __pgtable_free_noprof;{{$}}
