/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page-table entry types (Linux 6.12 arch/x86/include/asm/
 * pgtable_64_types.h and pgtable_types.h): one struct per level wrapping the
 * raw value, so levels cannot be mixed up by the compiler; the entry bits,
 * the standard protections, and the raw-value accessors of each level.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <linux/types.h>
#include <asm/page_types.h>
#include <asm/pgtable_64_types.h>

typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long p4dval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;

typedef struct {
	pteval_t pte;
} pte_t;
typedef struct {
	pmdval_t pmd;
} pmd_t;
typedef struct {
	pudval_t pud;
} pud_t;
typedef struct {
	p4dval_t p4d;
} p4d_t;
typedef struct {
	pgdval_t pgd;
} pgd_t;
typedef struct {
	pgprotval_t pgprot;
} pgprot_t;

typedef struct page *pgtable_t;

#ifndef _AT
#define _AT(T, X) ((T)(X))
#endif

/* ---- entry bits ---- */

#define _PAGE_BIT_PRESENT 0 /* is present */
#define _PAGE_BIT_RW 1 /* writeable */
#define _PAGE_BIT_USER 2 /* userspace addressable */
#define _PAGE_BIT_PWT 3 /* page write through */
#define _PAGE_BIT_PCD 4 /* page cache disabled */
#define _PAGE_BIT_ACCESSED 5 /* set by the MMU on access */
#define _PAGE_BIT_DIRTY 6 /* set by the MMU on write */
#define _PAGE_BIT_PSE 7 /* 2 MiB / 1 GiB page (pmd, pud) */
#define _PAGE_BIT_PAT 7 /* PAT index bit 2 (pte) */
#define _PAGE_BIT_GLOBAL 8 /* not flushed on CR3 switch */
#define _PAGE_BIT_SOFTW1 9 /* available for software */
#define _PAGE_BIT_SOFTW2 10
#define _PAGE_BIT_SOFTW3 11
#define _PAGE_BIT_PAT_LARGE 12 /* PAT index bit 2 (pmd, pud leaves) */
#define _PAGE_BIT_SOFTW4 57
#define _PAGE_BIT_SOFTW5 58
#define _PAGE_BIT_PKEY_BIT0 59
#define _PAGE_BIT_PKEY_BIT1 60
#define _PAGE_BIT_PKEY_BIT2 61
#define _PAGE_BIT_PKEY_BIT3 62
#define _PAGE_BIT_NX 63 /* no execute */

#define _PAGE_BIT_SPECIAL _PAGE_BIT_SOFTW1
#define _PAGE_BIT_CPA_TEST _PAGE_BIT_SOFTW1
#define _PAGE_BIT_SOFT_DIRTY _PAGE_BIT_SOFTW3
#define _PAGE_BIT_DEVMAP _PAGE_BIT_SOFTW4
/* A PROT_NONE entry: not present to the MMU, present to the kernel. */
#define _PAGE_BIT_PROTNONE _PAGE_BIT_GLOBAL

#define _PAGE_PRESENT (_AT(pteval_t, 1) << _PAGE_BIT_PRESENT)
#define _PAGE_RW (_AT(pteval_t, 1) << _PAGE_BIT_RW)
#define _PAGE_USER (_AT(pteval_t, 1) << _PAGE_BIT_USER)
#define _PAGE_PWT (_AT(pteval_t, 1) << _PAGE_BIT_PWT)
#define _PAGE_PCD (_AT(pteval_t, 1) << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED (_AT(pteval_t, 1) << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY (_AT(pteval_t, 1) << _PAGE_BIT_DIRTY)
#define _PAGE_PSE (_AT(pteval_t, 1) << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL (_AT(pteval_t, 1) << _PAGE_BIT_GLOBAL)
#define _PAGE_SOFTW1 (_AT(pteval_t, 1) << _PAGE_BIT_SOFTW1)
#define _PAGE_SOFTW2 (_AT(pteval_t, 1) << _PAGE_BIT_SOFTW2)
#define _PAGE_SOFTW3 (_AT(pteval_t, 1) << _PAGE_BIT_SOFTW3)
#define _PAGE_PAT (_AT(pteval_t, 1) << _PAGE_BIT_PAT)
#define _PAGE_PAT_LARGE (_AT(pteval_t, 1) << _PAGE_BIT_PAT_LARGE)
#define _PAGE_SPECIAL (_AT(pteval_t, 1) << _PAGE_BIT_SPECIAL)
#define _PAGE_CPA_TEST (_AT(pteval_t, 1) << _PAGE_BIT_CPA_TEST)
#define _PAGE_PKEY_BIT0 (_AT(pteval_t, 1) << _PAGE_BIT_PKEY_BIT0)
#define _PAGE_PKEY_BIT1 (_AT(pteval_t, 1) << _PAGE_BIT_PKEY_BIT1)
#define _PAGE_PKEY_BIT2 (_AT(pteval_t, 1) << _PAGE_BIT_PKEY_BIT2)
#define _PAGE_PKEY_BIT3 (_AT(pteval_t, 1) << _PAGE_BIT_PKEY_BIT3)
#define _PAGE_NX (_AT(pteval_t, 1) << _PAGE_BIT_NX)
#define _PAGE_PROTNONE (_AT(pteval_t, 1) << _PAGE_BIT_PROTNONE)

/* Knights Landing may set A and D in entries it does not use: ignored by
 * the *_none() tests. */
#define _PAGE_KNL_ERRATUM_MASK (_PAGE_DIRTY | _PAGE_ACCESSED)

/* Physical frame address bits of an entry, and everything else. */
#define PTE_PFN_MASK ((pteval_t)PHYSICAL_PAGE_MASK)
#define PTE_FLAGS_MASK (~PTE_PFN_MASK)

#ifndef PMD_PAGE_SIZE
#define PMD_PAGE_SIZE (1UL << 21)
#define PMD_PAGE_MASK (~(PMD_PAGE_SIZE - 1))
#define PUD_PAGE_SIZE (1UL << 30)
#define PUD_PAGE_MASK (~(PUD_PAGE_SIZE - 1))
#endif
#ifndef PHYSICAL_PMD_PAGE_MASK
#define PHYSICAL_PMD_PAGE_MASK (((signed long)PMD_PAGE_MASK) & __PHYSICAL_MASK)
#define PHYSICAL_PUD_PAGE_MASK (((signed long)PUD_PAGE_MASK) & __PHYSICAL_MASK)
#endif

/* ---- protections ---- */

#define pgprot_val(x) ((x).pgprot)
#define __pgprot(x) ((pgprot_t){ (pgprotval_t)(x) })

/* Table entries: the leaf entries below decide the permissions. */
#define _PAGE_TABLE                                                         \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE_NOENC _KERNPG_TABLE
#define _PAGE_TABLE_NOENC _PAGE_TABLE

#define __PAGE_KERNEL_EXEC                                                  \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define __PAGE_KERNEL (__PAGE_KERNEL_EXEC | _PAGE_NX)
#define __PAGE_KERNEL_ROX (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL_RO (__PAGE_KERNEL_ROX | _PAGE_NX)
#define __PAGE_KERNEL_LARGE (__PAGE_KERNEL | _PAGE_PSE)
#define __PAGE_KERNEL_LARGE_EXEC (__PAGE_KERNEL_EXEC | _PAGE_PSE)

/* No memory encryption in the model, and every bit is supported: the
 * protections are the raw values (no __default_kernel_pte_mask). */
#define PAGE_KERNEL __pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO __pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_ROX __pgprot(__PAGE_KERNEL_ROX)
#define PAGE_KERNEL_EXEC __pgprot(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_LARGE __pgprot(__PAGE_KERNEL_LARGE)
#define PAGE_KERNEL_LARGE_EXEC __pgprot(__PAGE_KERNEL_LARGE_EXEC)

#define PAGE_NONE __pgprot(_PAGE_ACCESSED | _PAGE_PROTNONE)
#define PAGE_SHARED                                                         \
	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED |   \
		 _PAGE_NX)
#define PAGE_SHARED_EXEC                                                    \
	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_READONLY                                                       \
	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY_EXEC                                                  \
	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY PAGE_READONLY
#define PAGE_COPY_EXEC PAGE_READONLY_EXEC

/* The PAT bit moves between bit 7 (pte) and bit 12 (pmd/pud leaves). */
static inline unsigned long protval_4k_2_large(unsigned long val)
{
	return (val & ~(_PAGE_PAT | _PAGE_PAT_LARGE)) |
	       ((val & _PAGE_PAT) << (_PAGE_BIT_PAT_LARGE - _PAGE_BIT_PAT));
}

static inline pgprot_t pgprot_4k_2_large(pgprot_t pgprot)
{
	return __pgprot(protval_4k_2_large(pgprot_val(pgprot)));
}

static inline unsigned long protval_large_2_4k(unsigned long val)
{
	return (val & ~(_PAGE_PAT | _PAGE_PAT_LARGE)) |
	       ((val & _PAGE_PAT_LARGE) >>
		(_PAGE_BIT_PAT_LARGE - _PAGE_BIT_PAT));
}

static inline pgprot_t pgprot_large_2_4k(pgprot_t pgprot)
{
	return __pgprot(protval_large_2_4k(pgprot_val(pgprot)));
}

/* ---- raw values ---- */

static inline pgd_t native_make_pgd(pgdval_t val)
{
	pgd_t pgd = { val };

	return pgd;
}

static inline pgdval_t native_pgd_val(pgd_t pgd)
{
	return pgd.pgd;
}

static inline pgdval_t pgd_flags(pgd_t pgd)
{
	return native_pgd_val(pgd) & PTE_FLAGS_MASK;
}

static inline p4d_t native_make_p4d(p4dval_t val)
{
	p4d_t p4d = { val };

	return p4d;
}

static inline p4dval_t native_p4d_val(p4d_t p4d)
{
	return p4d.p4d;
}

static inline p4dval_t p4d_pfn_mask(p4d_t p4d)
{
	return PTE_PFN_MASK; /* no 512 GiB pages */
}

static inline p4dval_t p4d_flags_mask(p4d_t p4d)
{
	return ~p4d_pfn_mask(p4d);
}

static inline p4dval_t p4d_flags(p4d_t p4d)
{
	return native_p4d_val(p4d) & p4d_flags_mask(p4d);
}

static inline pud_t native_make_pud(pudval_t val)
{
	pud_t pud = { val };

	return pud;
}

static inline pudval_t native_pud_val(pud_t pud)
{
	return pud.pud;
}

/* A leaf's frame is 1 GiB aligned: bits 12-29 are flags (PAT, reserved). */
static inline pudval_t pud_pfn_mask(pud_t pud)
{
	if (native_pud_val(pud) & _PAGE_PSE)
		return PHYSICAL_PUD_PAGE_MASK;
	return PTE_PFN_MASK;
}

static inline pudval_t pud_flags_mask(pud_t pud)
{
	return ~pud_pfn_mask(pud);
}

static inline pudval_t pud_flags(pud_t pud)
{
	return native_pud_val(pud) & pud_flags_mask(pud);
}

static inline pmd_t native_make_pmd(pmdval_t val)
{
	pmd_t pmd = { val };

	return pmd;
}

static inline pmdval_t native_pmd_val(pmd_t pmd)
{
	return pmd.pmd;
}

static inline pmdval_t pmd_pfn_mask(pmd_t pmd)
{
	if (native_pmd_val(pmd) & _PAGE_PSE)
		return PHYSICAL_PMD_PAGE_MASK;
	return PTE_PFN_MASK;
}

static inline pmdval_t pmd_flags_mask(pmd_t pmd)
{
	return ~pmd_pfn_mask(pmd);
}

static inline pmdval_t pmd_flags(pmd_t pmd)
{
	return native_pmd_val(pmd) & pmd_flags_mask(pmd);
}

static inline pte_t native_make_pte(pteval_t val)
{
	pte_t pte = { val };

	return pte;
}

static inline pteval_t native_pte_val(pte_t pte)
{
	return pte.pte;
}

static inline pteval_t pte_flags(pte_t pte)
{
	return native_pte_val(pte) & PTE_FLAGS_MASK;
}

/* No paravirt: the accessors are the native ones. */
#define pgd_val(x) native_pgd_val(x)
#define __pgd(x) native_make_pgd(x)
#define p4d_val(x) native_p4d_val(x)
#define __p4d(x) native_make_p4d(x)
#define pud_val(x) native_pud_val(x)
#define __pud(x) native_make_pud(x)
#define pmd_val(x) native_pmd_val(x)
#define __pmd(x) native_make_pmd(x)
#define pte_val(x) native_pte_val(x)
#define __pte(x) native_make_pte(x)

/* ---- address lookup (arch/x86/mm/pat/set_memory.c) ---- */

enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
	PG_LEVEL_512G,
	PG_LEVEL_NUM
};

#ifdef __cplusplus
extern "C" {
#endif
/* pgd points at the pgd entry for address (pgd_offset()). */
extern pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address,
				    unsigned int *level);
/* lookup_address_in_pgd() on init_mm.pgd. */
extern pte_t *lookup_address(unsigned long address, unsigned int *level);
#ifdef __cplusplus
}
#endif

#endif /* _ASM_X86_PGTABLE_TYPES_H */
