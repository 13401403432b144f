// SPDX-License-Identifier: GPL-2.0
/*
 * Save and restore the entries of a pmd table around a change that may
 * have to be rolled back. The snapshot is a plain buffer of pmd_t values:
 * it is never installed in an entry, never walked, and is not a page table.
 */
#include <linux/mm.h>
#include <linux/string.h>

#include "mm_internal.h"

pmd_t *pmd_table_snapshot(pmd_t *pmd_table)
{
	pmd_t *snapshot = (pmd_t *)__get_free_page(GFP_KERNEL);

	if (!snapshot)
		return NULL;
	memcpy(snapshot, pmd_table, PAGE_SIZE);
	return snapshot;
}

void pmd_table_restore(pmd_t *pmd_table, pmd_t *snapshot)
{
	memcpy(pmd_table, snapshot, PAGE_SIZE);
	free_page((unsigned long)snapshot);
}
