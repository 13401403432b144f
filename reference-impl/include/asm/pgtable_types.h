/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page-table entry types (Linux 6.12 arch/x86/include/asm/
 * pgtable_64_types.h and pgtable_types.h): one struct per level wrapping the
 * raw value, so levels cannot be mixed up by the compiler.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <linux/types.h>
#include <asm/page_types.h>

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

#endif /* _ASM_X86_PGTABLE_TYPES_H */
