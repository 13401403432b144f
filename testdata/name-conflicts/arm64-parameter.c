// An arm64-like function-pointer parameter named pgtable_alloc and the calls
// through it. Without a function-like macro pgtable_alloc in sight, the
// calls call the parameter; once the new API's macro is visible
// (-DAPI_VISIBLE includes linux/mm.h), pgtable_alloc(...) is a macro
// expansion that calls the generic allocator instead, silently: reported as
// such, and renaming the parameter restores the call the code meant.
// RUN: %check_fixes %s %t -- -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=RENAME %s %t.rename -- --rename-conflicts -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=MACRO %s %t.macro -- -- -I%refimpl_include -DAPI_VISIBLE
// RUN: %check_fixes --check-suffix=MACRO-RENAME %s %t.macro-rename -- --rename-conflicts --conflict-param-name=%%s_cb -- -I%refimpl_include -DAPI_VISIBLE
// RUN: %pgtable-migrate %t.macro-rename.c --rename-conflicts --check --quiet -- -I%refimpl_include -DAPI_VISIBLE
#include <linux/gfp_types.h>
#include <linux/types.h>
#ifdef API_VISIBLE
#include <linux/mm.h>
#endif

#define BUG_ON(cond) ((void)(cond))

void map_range(unsigned long addr,
	       void *(*pgtable_alloc)(gfp_t, unsigned int), int flags);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'pgtable_alloc' clashes with the new API: function-pointer parameter; not renamed (renaming is off; it would become 'pgtable_alloc_fn') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:17: warning: 'pgtable_alloc' clashes with the new API: function-pointer parameter; renamed to 'pgtable_alloc_fn' [name-conflicts]
// CHECK-MESSAGES-MACRO: :[[@LINE-3]]:17: warning: {{.*}} function-pointer parameter; not renamed
// CHECK-MESSAGES-MACRO-RENAME: :[[@LINE-4]]:17: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_cb'
// CHECK-FIXES-RENAME: {{^}}	       void *(*pgtable_alloc_fn)(gfp_t, unsigned int), int flags);{{$}}

static void alloc_init_pte(unsigned long *pmdp,
			   void *(*pgtable_alloc)(gfp_t, unsigned int),
			   int flags)
// CHECK-MESSAGES: :[[@LINE-2]]:15: warning: {{.*}} function-pointer parameter; not renamed
// CHECK-MESSAGES-RENAME: :[[@LINE-3]]:15: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_fn'
// CHECK-MESSAGES-MACRO: :[[@LINE-4]]:15: warning: {{.*}} function-pointer parameter; not renamed
// CHECK-MESSAGES-MACRO-RENAME: :[[@LINE-5]]:15: warning: {{.*}} function-pointer parameter; renamed to 'pgtable_alloc_cb'
// CHECK-FIXES-RENAME: {{^}}			   void *(*pgtable_alloc_fn)(gfp_t, unsigned int),{{$}}
{
	void *table;

	BUG_ON(!pgtable_alloc);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:10: warning: 'pgtable_alloc' clashes with the new API: use of the parameter; renamed to 'pgtable_alloc_fn' [name-conflicts]
// CHECK-MESSAGES-MACRO-RENAME: :[[@LINE-2]]:10: warning: {{.*}} use of the parameter; renamed to 'pgtable_alloc_cb'
// CHECK-FIXES-RENAME: {{^}}	BUG_ON(!pgtable_alloc_fn);{{$}}
	table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:10: warning: 'pgtable_alloc' clashes with the new API: call through the parameter; renamed to 'pgtable_alloc_fn' [name-conflicts]
// CHECK-MESSAGES-MACRO: :[[@LINE-2]]:10: warning: 'pgtable_alloc' clashes with the new API: call through the parameter is expanded by the new API's function-like macro 'pgtable_alloc' (mm.h:{{[0-9]+}}) instead of calling the parameter; not renamed (renaming is off; it would become 'pgtable_alloc_fn') [name-conflicts]
// CHECK-MESSAGES-MACRO-RENAME: :[[@LINE-3]]:10: warning: {{.*}} call through the parameter is expanded by the new API's function-like macro 'pgtable_alloc' (mm.h:{{[0-9]+}}) instead of calling the parameter; renamed to 'pgtable_alloc_cb'
// CHECK-FIXES-RENAME: {{^}}	table = pgtable_alloc_fn(GFP_PGTABLE_KERNEL, 0);{{$}}
// CHECK-FIXES-MACRO-RENAME: {{^}}	table = pgtable_alloc_cb(GFP_PGTABLE_KERNEL, 0);{{$}}
	*pmdp = (unsigned long)table | flags;
	map_range(*pmdp, pgtable_alloc, flags);
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:19: warning: {{.*}} use of the parameter; renamed to 'pgtable_alloc_fn'
// CHECK-MESSAGES-MACRO-RENAME: :[[@LINE-2]]:19: warning: {{.*}} use of the parameter; renamed to 'pgtable_alloc_cb'
// CHECK-FIXES-RENAME: {{^}}	map_range(*pmdp, pgtable_alloc_fn, flags);{{$}}
}

// A call of the generic allocator where no parameter hides it: not a
// conflict (and without linux/mm.h, an undeclared function).
#ifdef API_VISIBLE
void *generic_user(void)
{
	return pgtable_alloc(GFP_KERNEL, 0);
}
#endif
