/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sample "arch/x86/mm": kernel-style page-table code written against the
 * reference model's headers. It allocates and frees page tables the ways
 * arch code did before pgtable_alloc()/pgtable_free(), and is the "before"
 * input that pgtable-migrate rewrites. Scenario tests drive it.
 */
#ifndef _SAMPLE_X86_MM_INTERNAL_H
#define _SAMPLE_X86_MM_INTERNAL_H

#include <linux/mm.h>

/* populate.c: map and unmap kernel virtual ranges in a page-table tree. */
int kernel_map_range(pgd_t *pgd_base, unsigned long start, unsigned long end,
		     unsigned long pfn, pgprot_t prot, bool large);
void kernel_unmap_range(pgd_t *pgd_base, unsigned long start,
			unsigned long end);
void kernel_free_tables(pgd_t *pgd_base);

/* split.c: turn one large leaf into a table of smaller ones. */
int split_large_pmd(pmd_t *pmd);
int split_large_pud(pud_t *pud);

/* ident_map.c: kexec-style identity mapping built through callbacks. */
struct x86_mapping_info {
	void *(*alloc_pgt_page)(void *context); /* returns a zeroed page */
	void (*free_pgt_page)(void *page, void *context);
	void *context;
	unsigned long page_flag;   /* flags of the 2 MiB leaves */
	unsigned long kernpg_flag; /* flags of the tables */
	unsigned long offset;      /* virtual = physical + offset */
};

int kernel_ident_mapping_init(struct x86_mapping_info *info, pgd_t *pgd_page,
			      unsigned long pstart, unsigned long pend);
void kernel_ident_mapping_free(struct x86_mapping_info *info,
			       pgd_t *pgd_page);

/* kexec_pgtable.c: the callbacks a kexec image uses for ident_map.c. */
pgd_t *kexec_build_ident_map(unsigned long pstart, unsigned long pend);
void kexec_free_ident_map(pgd_t *pgd);

/* pgd_kernel.c: top-level tables allocated through ptdescs. */
pgd_t *kernel_pgd_alloc(void);
void kernel_pgd_free(pgd_t *pgd);
pgd_t *kernel_pti_pgd_alloc(void);
pgd_t *kernel_pti_user_pgd(pgd_t *pgd);
void kernel_pti_pgd_free(pgd_t *pgd);
pmd_t *kernel_pmd_alloc_table(void);
void kernel_pmd_free_table(pmd_t *pmd);
pte_t *kernel_pte_alloc_iommu_visible(void);
void kernel_pte_free_iommu_visible(pte_t *pte);

/* snapshot.c: a copy of a table's entries; a buffer, not a page table. */
pmd_t *pmd_table_snapshot(pmd_t *pmd_table);
void pmd_table_restore(pmd_t *pmd_table, pmd_t *snapshot);

#endif /* _SAMPLE_X86_MM_INTERNAL_H */
