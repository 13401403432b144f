// RUN: %check_tidy %s %t -- -- -I%refimpl_include
// NOLINT, NOLINTNEXTLINE and a NOLINT block (BEGIN ... END) suppress a
// site: no warning, no fix-it. A NOLINT for another check does not.
#include <linux/mm.h>

void free_tables(pmd_t *a, pmd_t *b, pmd_t *c, pmd_t *d, pmd_t *e, pmd_t *f)
{
	pagetable_free(virt_to_ptdesc(a)); // NOLINT
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(a)); // NOLINT{{$}}
	pagetable_free(virt_to_ptdesc(b)); // NOLINT(pgtable-ptdesc-free)
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(b)); // NOLINT(pgtable-ptdesc-free){{$}}
	// NOLINTNEXTLINE(pgtable-*)
	pagetable_free(virt_to_ptdesc(c));
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(c));{{$}}
	// NOLINTBEGIN(pgtable-ptdesc-free)
	pagetable_free(virt_to_ptdesc(d));
	// NOLINTEND(pgtable-ptdesc-free)
// CHECK-FIXES: {{^}}	pagetable_free(virt_to_ptdesc(d));{{$}}
	pagetable_free(virt_to_ptdesc(e)); // NOLINT(pgtable-zeroed-page)
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(e))' with 'pgtable_free(e)' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(e); // NOLINT(pgtable-zeroed-page){{$}}
	pagetable_free(virt_to_ptdesc(f));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'pagetable_free(virt_to_ptdesc(f))' with 'pgtable_free(f)' [pgtable-ptdesc-free]
// CHECK-FIXES: {{^}}	pgtable_free(f);{{$}}
}
