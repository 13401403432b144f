/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page-table entry helpers with Linux 6.12 semantics
 * (arch/x86/include/asm/pgtable.h, pgtable_64.h, pgtable-invert.h).
 *
 * Runtime folding: with 4-level paging p4d_offset() returns the pgd entry
 * itself, so the p4d_*() helpers act on the pgd entry and the pgd_*()
 * helpers report a folded level (never none, always present, never bad).
 *
 * Every helper that turns an entry into a pointer to the next table tells
 * the checker (refimpl_note_table_read()), so walking through a freed table
 * is recorded as a violation. The ones that return the table's address
 * (pmd_page_vaddr(), pud_pgtable(), p4d_pgtable(), pgd_page_vaddr()) also
 * mark the table as read out of an entry (refimpl_note_entry_table_read()):
 * the checker judges a later cross-family free of it by that mark.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <refimpl/refimpl.h>

struct mm_struct;

/*
 * L1TF mitigation: a non-present, non-empty entry (PROT_NONE) stores its
 * frame number inverted, so it never points at real memory.
 */
static inline bool __pte_needs_invert(u64 val)
{
	return val && !(val & _PAGE_PRESENT);
}

static inline u64 protnone_mask(u64 val)
{
	return __pte_needs_invert(val) ? ~0ULL : 0;
}

/* Model-internal: the next table of an entry, without telling the checker. */
static inline pte_t *__refimpl_pmd_table(pmd_t pmd)
{
	return (pte_t *)__va(pmd_val(pmd) & pmd_pfn_mask(pmd));
}

static inline pmd_t *__refimpl_pud_table(pud_t pud)
{
	return (pmd_t *)__va(pud_val(pud) & pud_pfn_mask(pud));
}

static inline pud_t *__refimpl_p4d_table(p4d_t p4d)
{
	return (pud_t *)__va(p4d_val(p4d) & p4d_pfn_mask(p4d));
}

static inline p4d_t *__refimpl_pgd_table(pgd_t pgd)
{
	return (p4d_t *)__va(pgd_val(pgd) & PTE_PFN_MASK);
}

/* ---- pte ---- */

static inline int pte_none(pte_t pte)
{
	return !(pte_val(pte) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline int pte_present(pte_t pte)
{
	return pte_flags(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	phys_addr_t pfn = pte_val(pte);

	pfn ^= protnone_mask(pfn);
	return (pfn & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long page_nr, pgprot_t pgprot)
{
	phys_addr_t pfn = (phys_addr_t)page_nr << PAGE_SHIFT;

	pfn ^= protnone_mask(pgprot_val(pgprot));
	pfn &= PTE_PFN_MASK;
	return __pte(pfn | pgprot_val(pgprot));
}

static inline pgprot_t pte_pgprot(pte_t pte)
{
	return __pgprot(pte_flags(pte));
}

static inline int pte_write(pte_t pte)
{
	return pte_flags(pte) & _PAGE_RW;
}

static inline int pte_exec(pte_t pte)
{
	return !(pte_flags(pte) & _PAGE_NX);
}

/* ---- pmd ---- */

static inline int pmd_none(pmd_t pmd)
{
	return !(pmd_val(pmd) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline int pmd_present(pmd_t pmd)
{
	/* A huge PROT_NONE pmd, or one being split, is present too. */
	return pmd_flags(pmd) & (_PAGE_PRESENT | _PAGE_PROTNONE | _PAGE_PSE);
}

static inline int pmd_bad(pmd_t pmd)
{
	return (pmd_flags(pmd) & ~(_PAGE_USER | _PAGE_ACCESSED)) !=
	       (_KERNPG_TABLE & ~_PAGE_ACCESSED);
}

#define pmd_leaf pmd_leaf
static inline bool pmd_leaf(pmd_t pmd)
{
	return pmd_flags(pmd) & _PAGE_PSE;
}
#define pmd_large(pmd) pmd_leaf(pmd)

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	phys_addr_t pfn = pmd_val(pmd);

	pfn ^= protnone_mask(pfn);
	return (pfn & pmd_pfn_mask(pmd)) >> PAGE_SHIFT;
}

static inline pmd_t pfn_pmd(unsigned long page_nr, pgprot_t pgprot)
{
	phys_addr_t pfn = (phys_addr_t)page_nr << PAGE_SHIFT;

	pfn ^= protnone_mask(pgprot_val(pgprot));
	pfn &= PHYSICAL_PMD_PAGE_MASK;
	return __pmd(pfn | pgprot_val(pgprot));
}

static inline pgprot_t pmd_pgprot(pmd_t pmd)
{
	return __pgprot(pmd_flags(pmd));
}

static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	pte_t *table = __refimpl_pmd_table(pmd);

	refimpl_note_entry_table_read(table, "pmd_page_vaddr");
	return table;
}

#define pmd_page(pmd) pfn_to_page(pmd_pfn(pmd))

/* ---- pud ---- */

static inline int pud_none(pud_t pud)
{
	return !(pud_val(pud) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline int pud_present(pud_t pud)
{
	return pud_flags(pud) & _PAGE_PRESENT;
}

static inline int pud_bad(pud_t pud)
{
	return (pud_flags(pud) & ~(_KERNPG_TABLE | _PAGE_USER)) != 0;
}

#define pud_leaf pud_leaf
static inline bool pud_leaf(pud_t pud)
{
	return (pud_val(pud) & (_PAGE_PSE | _PAGE_PRESENT)) ==
	       (_PAGE_PSE | _PAGE_PRESENT);
}
#define pud_large(pud) pud_leaf(pud)

static inline unsigned long pud_pfn(pud_t pud)
{
	phys_addr_t pfn = pud_val(pud);

	pfn ^= protnone_mask(pfn);
	return (pfn & pud_pfn_mask(pud)) >> PAGE_SHIFT;
}

static inline pud_t pfn_pud(unsigned long page_nr, pgprot_t pgprot)
{
	phys_addr_t pfn = (phys_addr_t)page_nr << PAGE_SHIFT;

	pfn ^= protnone_mask(pgprot_val(pgprot));
	pfn &= PHYSICAL_PUD_PAGE_MASK;
	return __pud(pfn | pgprot_val(pgprot));
}

static inline pgprot_t pud_pgprot(pud_t pud)
{
	return __pgprot(pud_flags(pud));
}

static inline pmd_t *pud_pgtable(pud_t pud)
{
	pmd_t *table = __refimpl_pud_table(pud);

	refimpl_note_entry_table_read(table, "pud_pgtable");
	return table;
}

#define pud_page(pud) pfn_to_page(pud_pfn(pud))

/* ---- p4d (the pgd entry itself with 4 levels) ---- */

static inline int p4d_none(p4d_t p4d)
{
	return !(p4d_val(p4d) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline int p4d_present(p4d_t p4d)
{
	return p4d_flags(p4d) & _PAGE_PRESENT;
}

static inline int p4d_bad(p4d_t p4d)
{
	return (p4d_flags(p4d) & ~(_KERNPG_TABLE | _PAGE_USER)) != 0;
}

static inline unsigned long p4d_pfn(p4d_t p4d)
{
	return (p4d_val(p4d) & p4d_pfn_mask(p4d)) >> PAGE_SHIFT;
}

static inline pud_t *p4d_pgtable(p4d_t p4d)
{
	pud_t *table = __refimpl_p4d_table(p4d);

	refimpl_note_entry_table_read(table, "p4d_pgtable");
	return table;
}

#define p4d_page(p4d) pfn_to_page(p4d_pfn(p4d))

static inline unsigned long p4d_index(unsigned long address)
{
	return (address >> P4D_SHIFT) & (PTRS_PER_P4D - 1);
}

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	p4d_t *table;

	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;
	table = __refimpl_pgd_table(*pgd);
	refimpl_note_table_read(table, "p4d_offset");
	return table + p4d_index(address);
}

/* ---- pgd (folded: never none, always present, never bad) ---- */

static inline int pgd_none(pgd_t pgd)
{
	if (!pgtable_l5_enabled())
		return 0;
	return !pgd_val(pgd);
}

static inline int pgd_present(pgd_t pgd)
{
	if (!pgtable_l5_enabled())
		return 1;
	return pgd_flags(pgd) & _PAGE_PRESENT;
}

static inline int pgd_bad(pgd_t pgd)
{
	if (!pgtable_l5_enabled())
		return 0;
	return (pgd_flags(pgd) & ~_PAGE_USER) != _KERNPG_TABLE;
}

static inline unsigned long pgd_pfn(pgd_t pgd)
{
	return (pgd_val(pgd) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline unsigned long pgd_page_vaddr(pgd_t pgd)
{
	p4d_t *table = __refimpl_pgd_table(pgd);

	refimpl_note_entry_table_read(table, "pgd_page_vaddr");
	return (unsigned long)table;
}

#define pgd_page(pgd) pfn_to_page(pgd_pfn(pgd))

/* ---- writing entries (no paravirt, no PTI) ---- */

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(ptep->pte, pte_val(pte));
}

static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	set_pte(ptep, pte);
}

static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)
{
	WRITE_ONCE(pmdp->pmd, pmd_val(pmd));
}

static inline void set_pud(pud_t *pudp, pud_t pud)
{
	WRITE_ONCE(pudp->pud, pud_val(pud));
}

static inline void set_p4d(p4d_t *p4dp, p4d_t p4d)
{
	WRITE_ONCE(p4dp->p4d, p4d_val(p4d));
}

static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)
{
	WRITE_ONCE(pgdp->pgd, pgd_val(pgd));
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	set_pte(ptep, __pte(0));
}

static inline void pmd_clear(pmd_t *pmdp)
{
	set_pmd(pmdp, __pmd(0));
}

static inline void pud_clear(pud_t *pudp)
{
	set_pud(pudp, __pud(0));
}

/* With 4 levels p4dp is the pgd entry: clearing it clears the pgd entry. */
static inline void p4d_clear(p4d_t *p4dp)
{
	set_p4d(p4dp, __p4d(0));
}

static inline void pgd_clear(pgd_t *pgdp)
{
	if (pgtable_l5_enabled())
		set_pgd(pgdp, __pgd(0));
}

/* First pgd entry of the kernel half, shared by every mm. */
#define KERNEL_PGD_BOUNDARY                                                 \
	pgd_index(pgtable_l5_enabled() ? __PAGE_OFFSET_BASE_L5              \
				       : __PAGE_OFFSET_BASE_L4)
#define KERNEL_PGD_PTRS (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY)

#endif /* _ASM_X86_PGTABLE_H */
