/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Provenance "arch/x86/mm": kernel-style page-table code whose tables keep
 * where they came from out of one function's sight: in a struct field,
 * behind a returned pointer or a function pointer, in an unsigned long, in
 * a macro's body. Written against the reference model's headers, migrated
 * by pgtable-migrate at build time like the sample tree, and driven by
 * ../../../../scenarios/provenance_scenario_test.cpp.
 *
 * It is a tree of its own, not part of testdata/sample-tree: the tool pairs
 * every table level of an arch over a run, and the refusals of these shapes
 * would hold back every conversion of the sample tree.
 */
#ifndef _PROVENANCE_X86_MM_INTERNAL_H
#define _PROVENANCE_X86_MM_INTERNAL_H

#include <linux/mm.h>

/* kexec_transition.c: transition tables kept in the image (x86 kexec). */
struct kimage_arch {
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
};

struct kimage {
	unsigned long control_page; /* physical address of the switch code */
	struct kimage_arch arch;
};

int kimage_init_transition(struct kimage *image, pgd_t *pgd_base,
			   unsigned long vaddr);
void kimage_free_transition(struct kimage *image);

/* early_pmd.c: pmd_alloc_one()-style tables returned to the caller. */
pmd_t *early_pmd_alloc_one(void);
void free_early_pmd(pmd_t *pmd);

/* early_map.c: 2 MiB leaves in tables from early_pmd.c. */
int early_pmd_alloc(pud_t *pud);
int early_map_2m(pgd_t *pgd_base, unsigned long start, unsigned long end,
		 phys_addr_t phys, pgprot_t prot);
void early_unmap(pgd_t *pgd_base, unsigned long start, unsigned long end);

/* shadow_pgtable.c: a PTI-like second root with unsigned long tables. */
int shadow_clone_pmds(pgd_t *shadow, pgd_t *kernel, unsigned long start,
		      unsigned long end);
void shadow_free_tables(pgd_t *shadow);

/* pte_table.c: pte tables allocated and freed through macros. */
int pte_table_map(pmd_t *pmd, unsigned long addr, unsigned long end,
		  unsigned long pfn, pgprot_t prot);
int pte_table_split(pmd_t *pmd);
void pte_table_release(pmd_t *pmd);

/* fnptr_map.c: an arm64-style mapper with a function-pointer allocator. */
int create_mapping(pgd_t *pgd_base, unsigned long virt, phys_addr_t phys,
		   unsigned long size, pgprot_t prot,
		   phys_addr_t (*pgtable_alloc_fn)(int level));
int create_kernel_mapping(pgd_t *pgd_base, unsigned long virt, phys_addr_t phys,
			  unsigned long size, pgprot_t prot);
void free_mapping_tables(pgd_t *pgd_base);

#endif /* _PROVENANCE_X86_MM_INTERNAL_H */
