// SPDX-License-Identifier: GPL-2.0
/*
 * sparc-style arch-local pgtable_free(): its name clashes with the generic
 * API, so it is renamed before the API can exist. No database covers this
 * file (clang does not build sparc): the lexical scan renames it.
 */
#include <linux/types.h>

void free_table_page(void *table);

void pgtable_free(void *table, bool is_page);

void tlb_remove_table_one(void *table, bool is_page)
{
	pgtable_free(table, is_page);
}

void pgtable_free(void *table, bool is_page)
{
	if (is_page)
		free_table_page(table);
}
