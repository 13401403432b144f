/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table allocation and population, in the shapes of Linux 6.12
 * include/asm-generic/pgalloc.h (pte, pmd and pud tables, from ptdescs) and
 * arch/x86/include/asm/pgalloc.h, arch/x86/mm/pgtable.c (p4d tables and the
 * pgd, from the page allocator; the *_populate() helpers). As in the kernel
 * with allocation profiling, each allocator is a _noprof function and a
 * macro that wraps it in alloc_hooks() (the macros are at the end).
 *
 * With REFIMPL_PLAIN_ALLOCATORS (Linux before 6.10), each allocator is a
 * plain static inline of the macro's name and calls the plain allocators:
 * the _noprof names below are then macros for those, undefined at the end
 * of this file, so that code including it sees no _noprof name.
 *
 * The model has no paravirt and no PTI: the pgd is a single page.
 */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <linux/mm.h>

#define PGD_ALLOCATION_ORDER 0

#ifdef REFIMPL_PLAIN_ALLOCATORS
#define __pte_alloc_one_kernel_noprof __pte_alloc_one_kernel
#define pte_alloc_one_kernel_noprof pte_alloc_one_kernel
#define __pte_alloc_one_noprof __pte_alloc_one
#define pte_alloc_one_noprof pte_alloc_one
#define pmd_alloc_one_noprof pmd_alloc_one
#define __pud_alloc_one_noprof __pud_alloc_one
#define pud_alloc_one_noprof pud_alloc_one
#define p4d_alloc_one_noprof p4d_alloc_one
#define pgd_alloc_noprof pgd_alloc
#define pagetable_alloc_noprof pagetable_alloc
#define get_zeroed_page_noprof get_zeroed_page
#define get_free_pages_noprof __get_free_pages
#endif

/* ---- populate: link a lower table into an entry ---- */

static inline void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd,
				       pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
}

static inline void pmd_populate(struct mm_struct *mm, pmd_t *pmd,
				pgtable_t pte)
{
	unsigned long pfn = page_to_pfn(pte);

	set_pmd(pmd, __pmd(((pteval_t)pfn << PAGE_SHIFT) | _PAGE_TABLE));
}

static inline void pud_populate(struct mm_struct *mm, pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(_PAGE_TABLE | __pa(pmd)));
}

/* With 4 levels p4d is the pgd entry (see p4d_offset()). */
static inline void p4d_populate(struct mm_struct *mm, p4d_t *p4d, pud_t *pud)
{
	set_p4d(p4d, __p4d(_PAGE_TABLE | __pa(pud)));
}

/* With 4 levels there is no p4d table to link: folded, a no-op. */
static inline void pgd_populate(struct mm_struct *mm, pgd_t *pgd, p4d_t *p4d)
{
	if (!pgtable_l5_enabled())
		return;
	set_pgd(pgd, __pgd(_PAGE_TABLE | __pa(p4d)));
}

/*
 * pte, pmd and pud tables: as in the kernel, x86 takes asm-generic's
 * constructors and destructors (pgtable-migrate's --target=level converts
 * to a level's constructor only where it is asm-generic's).
 */
#include <asm-generic/pgalloc.h>

/* ---- p4d tables (x86: straight from the page allocator) ---- */

static inline p4d_t *p4d_alloc_one_noprof(struct mm_struct *mm,
					  unsigned long addr)
{
	gfp_t gfp = GFP_KERNEL_ACCOUNT;

	if (mm == &init_mm)
		gfp &= ~__GFP_ACCOUNT;
	return (p4d_t *)get_zeroed_page_noprof(gfp);
}

/* With 4 levels the "p4d table" is the pgd: nothing to free. */
static inline void p4d_free(struct mm_struct *mm, p4d_t *p4d)
{
	if (!pgtable_l5_enabled())
		return;
	free_page((unsigned long)p4d);
}

/* ---- the pgd (arch/x86/mm/pgtable.c) ---- */

/*
 * Sets mm->pgd and, as pgd_ctor() does, copies the kernel half from
 * init_mm's pgd so every mm shares the kernel's lower tables.
 */
static inline pgd_t *pgd_alloc_noprof(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_free_pages_noprof(GFP_PGTABLE_USER,
						    PGD_ALLOCATION_ORDER);

	if (!pgd)
		return NULL;
	mm->pgd = pgd;
	if (mm != &init_mm && init_mm.pgd) {
		unsigned int i;

		for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++)
			set_pgd(&pgd[i], init_mm.pgd[i]);
	}
	return pgd;
}

static inline void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_pages((unsigned long)pgd, PGD_ALLOCATION_ORDER);
}

#ifdef REFIMPL_PLAIN_ALLOCATORS
#undef __pte_alloc_one_kernel_noprof
#undef pte_alloc_one_kernel_noprof
#undef __pte_alloc_one_noprof
#undef pte_alloc_one_noprof
#undef pmd_alloc_one_noprof
#undef __pud_alloc_one_noprof
#undef pud_alloc_one_noprof
#undef p4d_alloc_one_noprof
#undef pgd_alloc_noprof
#undef pagetable_alloc_noprof
#undef get_zeroed_page_noprof
#undef get_free_pages_noprof
#else
#define __pte_alloc_one_kernel(...) \
	alloc_hooks(__pte_alloc_one_kernel_noprof(__VA_ARGS__))
#define pte_alloc_one_kernel(...) \
	alloc_hooks(pte_alloc_one_kernel_noprof(__VA_ARGS__))
#define __pte_alloc_one(...) alloc_hooks(__pte_alloc_one_noprof(__VA_ARGS__))
#define pte_alloc_one(...) alloc_hooks(pte_alloc_one_noprof(__VA_ARGS__))
#define pmd_alloc_one(...) alloc_hooks(pmd_alloc_one_noprof(__VA_ARGS__))
#define __pud_alloc_one(...) alloc_hooks(__pud_alloc_one_noprof(__VA_ARGS__))
#define pud_alloc_one(...) alloc_hooks(pud_alloc_one_noprof(__VA_ARGS__))
#define p4d_alloc_one(...) alloc_hooks(p4d_alloc_one_noprof(__VA_ARGS__))
#define pgd_alloc(...) alloc_hooks(pgd_alloc_noprof(__VA_ARGS__))
#endif /* REFIMPL_PLAIN_ALLOCATORS */

#endif /* _ASM_X86_PGALLOC_H */
