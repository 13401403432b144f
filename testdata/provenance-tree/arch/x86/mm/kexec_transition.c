// SPDX-License-Identifier: GPL-2.0
/*
 * The transition tables of a kexec-style image, in the shape of x86's
 * machine_kexec_64.c: the page that switches to the new kernel is mapped
 * at its kernel virtual address in the image's own page table. Each table
 * the walk needs comes from get_zeroed_page(), is remembered in
 * image->arch and installed with set_*(). They are freed later, in another
 * function, through those fields and not through the entries. A level whose
 * entry was already present has no table of its own: its field stays NULL,
 * and free_page(0) does nothing.
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
		p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
		if (!p4d)
			return -ENOMEM;
		image->arch.p4d = p4d;
		set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	}
	p4d = p4d_offset(pgd, vaddr);
	if (!p4d_present(*p4d)) {
		pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
		if (!pud)
			return -ENOMEM;
		image->arch.pud = pud;
		set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	}
	pud = pud_offset(p4d, vaddr);
	if (!pud_present(*pud)) {
		pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
		if (!pmd)
			return -ENOMEM;
		image->arch.pmd = pmd;
		set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	}
	pmd = pmd_offset(pud, vaddr);
	if (!pmd_present(*pmd)) {
		pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
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
	free_page((unsigned long)image->arch.pte);
	image->arch.pte = NULL;
	free_page((unsigned long)image->arch.pmd);
	image->arch.pmd = NULL;
	free_page((unsigned long)image->arch.pud);
	image->arch.pud = NULL;
	free_page((unsigned long)image->arch.p4d);
	image->arch.p4d = NULL;
}
