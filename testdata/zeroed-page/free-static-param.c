// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A free of the parameter of a static function converts when every call of
// the function in the unit passes a table read out of an entry (directly
// or through the caller's variable); otherwise it is refused with the
// reason.
#include <linux/mm.h>

static bool try_to_free_pte_table(pte_t *pte)
{
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		if (!pte_none(pte[i]))
			return false;
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' (pte table, every call of try_to_free_pte_table() passes one from pmd_page_vaddr()) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pte);{{$}}
	return true;
}

static void free_pmd_table(pmd_t *pmd)
{
	free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' (pmd table, every call of free_pmd_table() passes one from pud_pgtable()) [zeroed-page]
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

// Refused: one call passes a pointer that is not read from an entry.
static void free_pud_table(pud_t *pud)
{
	free_page((unsigned long)pud);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page((unsigned long)pud)': 'pud' is a parameter of free_pud_table(), called at line [[@LINE+6]] with 'spare': 'spare' is a parameter of unmap_p4d(), which is not static: its callers are not all visible [zeroed-page]
}

void unmap_p4d(p4d_t *p4d, pud_t *spare)
{
	free_pud_table(p4d_pgtable(*p4d));
	free_pud_table(spare);
}

// Refused: never called here.
static void free_unused(pte_t *pte)
{
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page((unsigned long)pte)': 'pte' is a parameter of free_unused(), which is never called in this translation unit [zeroed-page]
}

// Refused: not static, its callers may be anywhere.
void free_exported(pte_t *pte)
{
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page((unsigned long)pte)': 'pte' is a parameter of free_exported(), which is not static: its callers are not all visible [zeroed-page]
}
