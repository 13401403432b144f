/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What map.c and unmap.c share: a cache of tables kept in fields (map.c
 * fills it, unmap.c frees it), and a free helper only map.c calls.
 */
#include <linux/mm.h>

struct table_cache {
	pte_t *pte;
	pmd_t *pmd;
	pud_t *pud;
	unsigned int order;
};

void free_cached_pte(struct table_cache *c);
void free_cached_pmd(struct table_cache *c);
void free_cached_pud(struct table_cache *c);

static inline void free_p4d_table(p4d_t *p4d)
{
	free_page((unsigned long)p4d);
}
