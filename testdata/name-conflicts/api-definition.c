// The new API's own declarations and definitions are not conflicts: the
// generic header (linux/mm.h declares pgtable_alloc_noprof and
// pgtable_free, defines the pgtable_alloc() macro) and the generic
// definitions here, outside arch/, with the API's signatures; nor are
// calls of the API. Nothing is reported or renamed, whichever API names,
// through the AST or the lexical scan.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %check_fixes %s %t/ast/mm/pgtable-api -- --rename-conflicts -- -I%refimpl_include
// RUN: %check_fixes %s %t/ast-addr/mm/pgtable-api -- --rename-conflicts --api=addr -- -I%refimpl_include
// RUN: %check_fixes --no-database --scan-tree %t/lex %s %t/lex/mm/pgtable-api -- --rename-conflicts
// RUN: %check_fixes --no-database --scan-tree %t/lex-addr %s %t/lex-addr/mm/pgtable-api -- --rename-conflicts --api=addr
// The reference implementation's headers and sources, scanned whole.
// RUN: %pgtable-migrate --scan-tree=%refimpl_include/.. --rename-conflicts --check 2>&1 | FileCheck %s --check-prefix=REFIMPL --implicit-check-not=warning:
// RUN: %pgtable-migrate --scan-tree=%refimpl_include/.. --rename-conflicts --api=addr --check 2>&1 | FileCheck %s --check-prefix=REFIMPL --implicit-check-not=warning:
// REFIMPL: pgtable-migrate: scanned {{[0-9]+}} files under '{{.*}}reference-impl': {{[1-9][0-9]*}} mention the API's names, {{[1-9][0-9]*}} tokens, {{[1-9][0-9]*}} decided lexically
// REFIMPL: pgtable-migrate: 0 converted, 0 refused, 0 conflicts; 0 files to change
#include <linux/mm.h>

void *alloc_table_pages(gfp_t gfp, unsigned int order);
void release_table_pages(const void *addr);

void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order)
{
	return alloc_table_pages(gfp | __GFP_ZERO, order);
}

void pgtable_free(const void *addr)
{
	release_table_pages(addr);
}

void *pgtable_alloc_addr_noprof(gfp_t gfp, unsigned int order)
{
	return pgtable_alloc_noprof(gfp, order);
}

void pgtable_free_addr(const void *addr)
{
	pgtable_free(addr);
}

void *table_user(void)
{
	void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);

	pgtable_free(table);
	return pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0);
}
