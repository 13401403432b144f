// A sparc-like arch-local pgtable_free(void *table, bool is_page): prototype,
// callers and definition. The same file goes through the AST (a compile
// command covers it), through the lexical scan alone (no database covers it,
// as for sparc, which clang cannot build), and through both at once (the AST
// decides, the scan adds nothing): same findings, same edits.
// RUN: rm -rf %t
// RUN: %check_fixes %s %t/ast/arch/sparc/mm/init_64 -- -- -I%refimpl_include
// RUN: %check_fixes --check-suffix=RENAME %s %t/ast-rename/arch/sparc/mm/init_64 -- --rename-conflicts -- -I%refimpl_include
// RUN: %check_fixes --no-database --scan-tree %t/lex %s %t/lex/arch/sparc/mm/init_64
// RUN: %check_fixes --check-suffix=RENAME --no-database --scan-tree %t/lex-rename %s %t/lex-rename/arch/sparc/mm/init_64 -- --rename-conflicts
// RUN: %check_fixes --check-suffix=RENAME --scan-tree %t/both %s %t/both/arch/sparc/mm/init_64 -- --rename-conflicts -- -I%refimpl_include
// A second run over the renamed file changes nothing, whichever path.
// RUN: %pgtable-migrate %t/both/arch/sparc/mm/init_64.c --scan-tree=%t/both --rename-conflicts --check -- -I%refimpl_include
// RUN: %pgtable-migrate --scan-tree=%t/lex-rename --rename-conflicts --check
#include <linux/types.h>

struct mmu_gather;
void free_table_page(void *table);

void pgtable_free(void *table, bool is_page);
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pgtable_free' clashes with the new API: function prototype; not renamed (renaming is off; it would become '__pgtable_free') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:6: warning: 'pgtable_free' clashes with the new API: function prototype; renamed to '__pgtable_free' [name-conflicts]
// CHECK-FIXES: {{^}}void pgtable_free(void *table, bool is_page);{{$}}
// CHECK-FIXES-RENAME: {{^}}void __pgtable_free(void *table, bool is_page);{{$}}

static inline void pgtable_free_tlb(struct mmu_gather *tlb, void *table,
				    bool is_page)
{
	pgtable_free(table, is_page); /* pgtable_free() in a comment */
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:2: warning: 'pgtable_free' clashes with the new API: call; renamed to '__pgtable_free' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}	__pgtable_free(table, is_page); /* pgtable_free() in a comment */{{$}}
}

static void (*const table_free_fn)(void *, bool) = pgtable_free;
// CHECK-MESSAGES-RENAME: :[[@LINE-1]]:52: warning: 'pgtable_free' clashes with the new API: use; renamed to '__pgtable_free' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}static void (*const table_free_fn)(void *, bool) = __pgtable_free;{{$}}

static const char table_free_name[] = "pgtable_free";
// CHECK-FIXES-RENAME: {{^}}static const char table_free_name[] = "pgtable_free";{{$}}

void pgtable_free(void *table, bool is_page)
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pgtable_free' clashes with the new API: function definition; not renamed (renaming is off; it would become '__pgtable_free') [name-conflicts]
// CHECK-MESSAGES-RENAME: :[[@LINE-2]]:6: warning: 'pgtable_free' clashes with the new API: function definition; renamed to '__pgtable_free' [name-conflicts]
// CHECK-FIXES-RENAME: {{^}}void __pgtable_free(void *table, bool is_page){{$}}
{
	if (is_page)
		free_table_page(table);
	else
		table_free_fn(table, 0);
}
