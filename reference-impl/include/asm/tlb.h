/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page-table half of the mmu_gather (Linux 6.12 include/asm-generic/tlb.h,
 * mm/mmu_gather.c, arch/x86/include/asm/tlb.h and the ___*_free_tlb() of
 * arch/x86/mm/pgtable.c), reduced to what freeing a table needs: a table
 * removed from its entry is queued on the gather and stays allocated (and
 * walkable) until the gather is flushed; the flush then drops the page's
 * reference (x86's __tlb_remove_table() is free_page_and_swap_cache()).
 *
 * Dropping the reference of an order-0 page frees it whichever API
 * allocated it, so the checker accepts a page of either family here. A
 * larger allocation is reported as an order mismatch (free order 0): x86
 * queues only order-0 tables here, and put_page() of a non-compound block
 * would free its first page only. (The kernel's folio_put() frees a
 * compound page whole; the model reports that case too, as a table the
 * migration must not send this way.)
 * Not modelled: the TLB flush itself, RCU (the flush frees at once), the
 * batch page the kernel allocates (the batch is part of the gather) and the
 * page ranges the gather tracks.
 */
#ifndef _ASM_X86_TLB_H
#define _ASM_X86_TLB_H

#include <linux/mm.h>

/* Tables a gather holds before it flushes on its own (a full batch). */
#define MMU_GATHER_MAX_TABLES 32

struct mmu_gather {
	struct mm_struct *mm;
	unsigned int nr_tables;
	struct page *tables[MMU_GATHER_MAX_TABLES];
	/* Model-only: the API that queued each table, for reports. */
	const char *queued_by[MMU_GATHER_MAX_TABLES];
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* Frees every queued table (after the TLB flush the model does not do). */
void tlb_flush_mmu(struct mmu_gather *tlb);
void tlb_finish_mmu(struct mmu_gather *tlb);

/* x86: table is the table's struct page. */
void tlb_remove_table(struct mmu_gather *tlb, void *table);
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);
/* Drops the reference of one queued table: what the flush calls. */
void __tlb_remove_table(void *table);

static inline void tlb_remove_ptdesc(struct mmu_gather *tlb, struct ptdesc *pt)
{
	tlb_remove_table(tlb, ptdesc_page(pt));
}

static inline void tlb_remove_page_ptdesc(struct mmu_gather *tlb,
					  struct ptdesc *pt)
{
	tlb_remove_page(tlb, ptdesc_page(pt));
}

/* ---- x86's table frees through the gather (arch/x86/mm/pgtable.c) ---- */

static inline void ___pte_free_tlb(struct mmu_gather *tlb, pgtable_t pte)
{
	pagetable_pte_dtor(page_ptdesc(pte));
	tlb_remove_table(tlb, pte);
}

static inline void ___pmd_free_tlb(struct mmu_gather *tlb, pmd_t *pmd)
{
	struct ptdesc *ptdesc = virt_to_ptdesc(pmd);

	pagetable_pmd_dtor(ptdesc);
	tlb_remove_table(tlb, ptdesc_page(ptdesc));
}

static inline void ___pud_free_tlb(struct mmu_gather *tlb, pud_t *pud)
{
	struct ptdesc *ptdesc = virt_to_ptdesc(pud);

	pagetable_pud_dtor(ptdesc);
	tlb_remove_table(tlb, ptdesc_page(ptdesc));
}

/* A p4d table comes from the page allocator (p4d_alloc_one()). */
static inline void ___p4d_free_tlb(struct mmu_gather *tlb, p4d_t *p4d)
{
	tlb_remove_table(tlb, virt_to_page(p4d));
}

#define pte_free_tlb(tlb, ptep, address) ___pte_free_tlb((tlb), (ptep))
#define pmd_free_tlb(tlb, pmdp, address) ___pmd_free_tlb((tlb), (pmdp))
#define pud_free_tlb(tlb, pudp, address) ___pud_free_tlb((tlb), (pudp))
/* With 4 levels the p4d is the pgd entry: there is no table to free. */
#define p4d_free_tlb(tlb, p4dp, address)                                    \
	do {                                                                \
		if (pgtable_l5_enabled())                                   \
			___p4d_free_tlb((tlb), (p4dp));                     \
	} while (0)

#endif /* _ASM_X86_TLB_H */
