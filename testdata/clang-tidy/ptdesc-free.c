// RUN: %check_tidy %s %t -- -- -I%refimpl_include
// pgtable-ptdesc-free: the rule's conversions become fix-its; a refused site
// is a warning that says why, with no fix-it. Messages and locations are the
// CLI's (testdata/ptdesc-free/), under the check's name.
#include <linux/mm.h>

#define PTDESC_OF(p) virt_to_ptdesc(p)
#define free_pmd_table(pmd) pagetable_free(virt_to_ptdesc(pmd))
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: not converted: pagetable_free(virt_to_ptdesc()) is written inside the definition of macro 'free_pmd_table'; convert the macro by hand [pgtable-ptdesc-free]
#define WITH_LOCK(stmt) do { stmt; } while (0)

void free_tables(pmd_t *pmd, pte_t *pte, pte_t **tables, int i)
{
	pagetable_free(virt_to_ptdesc(pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(pmd))' with 'pgtable_free(pmd)' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(pmd);{{$}}
	if (i)
		pagetable_free((virt_to_ptdesc(tables[i + 1])));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'pagetable_free((virt_to_ptdesc(tables[i + 1])))' with 'pgtable_free(tables[i + 1])' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}		pgtable_free(tables[i + 1]);{{$}}
	WITH_LOCK(pagetable_free(virt_to_ptdesc(pte)));
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: replace 'pagetable_free(virt_to_ptdesc(pte))' with 'pgtable_free(pte)' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	WITH_LOCK(pgtable_free(pte));{{$}}
	pagetable_free(PTDESC_OF(pte));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: pagetable_free(virt_to_ptdesc()) is split across a macro boundary: part of it comes from the body of macro 'PTDESC_OF' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	pagetable_free(PTDESC_OF(pte));{{$}}
	free_pmd_table(pmd);
// CHECK-FIXES: {{^}}	free_pmd_table(pmd);{{$}}
	free_pmd_table(pmd);
}

// The new API's own implementation is not a candidate.
void pgtable_free(const void *addr)
{
	pagetable_free(virt_to_ptdesc(addr));
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(addr));{{$}}
}
