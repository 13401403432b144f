// SPDX-License-Identifier: GPL-2.0
/*
 * The mmu_gather's table free (see <asm/tlb.h>): queue, flush when the
 * batch is full or the gather finishes, and drop each table's reference.
 */
#include <string.h>

#include <asm/tlb.h>

#include "model_internal.h"

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	memset(tlb, 0, sizeof(*tlb));
	tlb->mm = mm;
}

/* The reference drop of one table, named after the API that queued it. */
static void put_table(struct page *page, const char *api)
{
	refimpl_free_page_ref(page_to_pfn(page), api);
}

void __tlb_remove_table(void *table)
{
	put_table(table, "__tlb_remove_table");
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	for (unsigned int i = 0; i < tlb->nr_tables; i++)
		put_table(tlb->tables[i], tlb->queued_by[i]);
	tlb->nr_tables = 0;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}

static void queue_table(struct mmu_gather *tlb, struct page *page,
			const char *api)
{
	tlb->tables[tlb->nr_tables] = page;
	tlb->queued_by[tlb->nr_tables] = api;
	if (++tlb->nr_tables == MMU_GATHER_MAX_TABLES)
		tlb_flush_mmu(tlb);
}

void tlb_remove_table(struct mmu_gather *tlb, void *table)
{
	queue_table(tlb, table, "tlb_remove_table");
}

void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	queue_table(tlb, page, "tlb_remove_page");
}
