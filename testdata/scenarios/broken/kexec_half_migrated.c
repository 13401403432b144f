// SPDX-License-Identifier: GPL-2.0
/*
 * A hand-written, half-migrated copy of the provenance tree's
 * kexec_transition.c, for the test that the checker catches it: every
 * transition table comes from pgtable_alloc(), and every free but the pmd
 * table's went to pgtable_free() (guarded: unlike free_page(0),
 * pgtable_free(NULL) is not a no-op). The pmd table is still freed with
 * free_page() through image->arch.pmd, which is what a migration that
 * converts the allocation without following the field would leave behind.
 * Not part of any migrated tree: pgtable-migrate never sees it.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "mm_internal.h"

int kimage_init_transition(struct kimage *image, pgd_t *pgd_base,
			   unsigned long vaddr)
{
	pgd_t *pgd = pgd_base + pgd_index(vaddr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	/* With 4 levels the pgd entry is the p4d entry: always present. */
	if (!pgd_present(*pgd)) {
		p4d = pgtable_alloc(GFP_KERNEL, 0);
		if (!p4d)
			return -ENOMEM;
		image->arch.p4d = p4d;
		set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	}
	p4d = p4d_offset(pgd, vaddr);
	if (!p4d_present(*p4d)) {
		pud = pgtable_alloc(GFP_KERNEL, 0);
		if (!pud)
			return -ENOMEM;
		image->arch.pud = pud;
		set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	}
	pud = pud_offset(p4d, vaddr);
	if (!pud_present(*pud)) {
		pmd = pgtable_alloc(GFP_KERNEL, 0);
		if (!pmd)
			return -ENOMEM;
		image->arch.pmd = pmd;
		set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	}
	pmd = pmd_offset(pud, vaddr);
	if (!pmd_present(*pmd)) {
		pte = pgtable_alloc(GFP_KERNEL, 0);
		if (!pte)
			return -ENOMEM;
		image->arch.pte = pte;
		set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	}
	pte = pte_offset_kernel(pmd, vaddr);
	set_pte(pte,
		pfn_pte(image->control_page >> PAGE_SHIFT, PAGE_KERNEL_EXEC));
	return 0;
}

/*
 * Also the cleanup of a failed kimage_init_transition(): whatever it
 * allocated is in the fields.
 */
void kimage_free_transition(struct kimage *image)
{
	if (image->arch.pte)
		pgtable_free(image->arch.pte);
	image->arch.pte = NULL;
	/* Half-migrated: this free was not converted. */
	free_page((unsigned long)image->arch.pmd);
	image->arch.pmd = NULL;
	if (image->arch.pud)
		pgtable_free(image->arch.pud);
	image->arch.pud = NULL;
	if (image->arch.p4d)
		pgtable_free(image->arch.p4d);
	image->arch.p4d = NULL;
}
