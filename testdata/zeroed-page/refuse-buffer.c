// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// A pmd_t type is not evidence: a buffer of entries that is never
// installed stays with the page allocator, and so does its free.
#include <linux/mm.h>
#include <linux/string.h>

int rewrite_table(pmd_t *table)
{
	pmd_t *saved = (pmd_t *)__get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: not converted: no page-table evidence: the page from __get_free_page() at {{.*}}:[[@LINE-1]] is never installed in a page-table entry nor read out of one; it would replace '(pmd_t *)__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)'; gains zeroing: __get_free_page() did not zero the page [zeroed-page]
	int i;

	if (!saved)
		return -1;
	memcpy(saved, table, PAGE_SIZE);
	for (i = 0; i < PTRS_PER_PMD; i++)
		if (!pmd_none(saved[i]))
			pmd_clear(&table[i]);
	free_page((unsigned long)saved);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: no page-table evidence: the page from __get_free_page() at {{.*}}:[[@LINE-11]] is never installed in a page-table entry nor read out of one; it would replace 'free_page((unsigned long)saved)' with 'pgtable_free(saved)' [zeroed-page]
	return 0;
}
