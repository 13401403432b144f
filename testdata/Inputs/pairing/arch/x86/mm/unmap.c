// SPDX-License-Identifier: GPL-2.0
/*
 * Frees map.c's tables through the cache's fields (each tests its field for
 * NULL first: pgtable_free(NULL) is not allowed).
 */
#include "tables.h"

/* Refused: the order is not a constant. It keeps map.c's pte table too. */
void free_cached_pte(struct table_cache *c)
{
	if (c->pte)
		free_pages((unsigned long)c->pte, c->order);
}

/* Order 1 against map.c's order 0: neither side converts. */
void free_cached_pmd(struct table_cache *c)
{
	if (c->pmd)
		free_pages((unsigned long)c->pmd, 1);
}

/* Pairs with map.c's allocation: both convert. */
void free_cached_pud(struct table_cache *c)
{
	if (c->pud)
		free_page((unsigned long)c->pud);
}
