// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A free of a function's parameter converts when what its calls pass shows
// a table and nothing blocks it: here every call passes a table read out of
// an entry, directly or through the caller's variable. A parameter of a
// non-static function that no unit of the run calls adds no origin (the
// closed world: the run is given every database). Refused, with the
// reason: a call passes a value of unknown origin (a load through a
// pointer); a parameter nothing passes a table to has no page-table
// evidence, whether its function is static or not.
#include <linux/mm.h>

static bool try_to_free_pte_table(pte_t *pte)
{
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		if (!pte_none(pte[i]))
			return false;
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE+14]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pte);{{$}}
	return true;
}

static void free_pmd_table(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' (pmd table, from pud_pgtable() at {{.*}}:[[@LINE+12]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd);{{$}}
}

void unmap_pmd(pmd_t *pmd)
{
	if (try_to_free_pte_table((pte_t *)pmd_page_vaddr(*pmd)))
		pmd_clear(pmd);
}

void unmap_pud(pud_t *pud)
{
	pmd_t *pmd = pud_pgtable(*pud);

	unmap_pmd(pmd);
	pud_clear(pud);
	free_pmd_table(pmd);
}

// Converted: the other call passes 'spare', a parameter of unmap_p4d(),
// which no unit of the run calls.
static void free_pud_table(pud_t *pud)
{
	free_page((unsigned long)pud);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pud)' with 'pgtable_free(pud)' (pud table, from p4d_pgtable() at {{.*}}:[[@LINE+6]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pud);{{$}}
}

void unmap_p4d(p4d_t *p4d, pud_t *spare)
{
	free_pud_table(p4d_pgtable(*p4d));
	free_pud_table(spare);
}

// Refused: one call passes a pointer loaded from memory, whose origin is
// not known.
static void free_pmd_page(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'pmd' is given '*saved' by a call at {{.*}}:[[@LINE+6]]; it would replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' [zeroed-page]
}

void unmap_saved(pud_t *pud, pmd_t **saved)
{
	free_pmd_page(pud_pgtable(*pud));
	free_pmd_page(*saved);
}

// Refused: never called.
static void free_unused(pte_t *pte)
{
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: no page-table evidence: 'pte' is never installed in a page-table entry nor read out of one; it would replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' [zeroed-page]
}

// Refused: not static, and no unit of the run calls it.
void free_exported(pte_t *pte)
{
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: no page-table evidence: 'pte' is never installed in a page-table entry nor read out of one; it would replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' [zeroed-page]
}
