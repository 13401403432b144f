// SPDX-License-Identifier: GPL-2.0
/*
 * An early mapper of 2 MiB leaves, in its own page table. Its pmd tables
 * come from early_pmd_alloc_one() and go back through free_early_pmd()
 * (early_pmd.c); the pud and p4d tables above them are the generic
 * pud_alloc_one() and p4d_alloc_one() ones. A pmd table is populated the
 * way __pmd_alloc() in mm/memory.c does it: allocated first, and freed
 * again if the pud entry turns out to be populated already (another path
 * won) or to be a 1 GiB leaf (an error).
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

int early_pmd_alloc(pud_t *pud)
{
	pmd_t *new = early_pmd_alloc_one();

	if (!new)
		return -ENOMEM;
	if (pud_leaf(*pud)) {
		/* A 1 GiB leaf maps the range already: not replaced here. */
		free_early_pmd(new);
		return -EEXIST;
	}
	if (pud_present(*pud)) {
		/* Another path populated it first: its table stays. */
		free_early_pmd(new);
		return 0;
	}
	pud_populate(&init_mm, pud, new);
	return 0;
}

static pud_t *early_pud_offset(pgd_t *pgd_base, unsigned long addr)
{
	pgd_t *pgd = pgd_base + pgd_index(addr);
	p4d_t *p4d;

	if (pgd_none(*pgd)) {
		p4d = p4d_alloc_one(&init_mm, addr);
		if (!p4d)
			return NULL;
		pgd_populate(&init_mm, pgd, p4d);
	}
	p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d)) {
		pud_t *pud = pud_alloc_one(&init_mm, addr);

		if (!pud)
			return NULL;
		p4d_populate(&init_mm, p4d, pud);
	}
	return pud_offset(p4d, addr);
}

/*
 * Map [start, end) to the physical range at phys with 2 MiB leaves; all
 * three must be 2 MiB aligned. Returns 0, -ENOMEM, or -EEXIST when a 1 GiB
 * leaf maps part of the range already. On failure the range may be partly
 * mapped; early_unmap() tears it down.
 */
int early_map_2m(pgd_t *pgd_base, unsigned long start, unsigned long end,
		 phys_addr_t phys, pgprot_t prot)
{
	pgprot_t leaf = __pgprot(pgprot_val(prot) | _PAGE_PSE);
	unsigned long addr = start, next;
	int ret;

	do {
		pud_t *pud = early_pud_offset(pgd_base, addr);
		pmd_t *pmd;

		if (!pud)
			return -ENOMEM;
		next = pud_addr_end(addr, end);
		if (pud_none(*pud) || pud_leaf(*pud)) {
			ret = early_pmd_alloc(pud);
			if (ret)
				return ret;
		}
		pmd = pmd_offset(pud, addr);
		for (; addr != next; addr += PMD_SIZE, phys += PMD_SIZE, pmd++)
			set_pmd(pmd, pfn_pmd(PHYS_PFN(phys), leaf));
	} while (addr != end);
	return 0;
}

static bool early_table_empty(unsigned long *table)
{
	int i;

	for (i = 0; i < PTRS_PER_PUD; i++)
		if (table[i])
			return false;
	return true;
}

/* Free the pud table under p4d once it is empty. */
static void early_free_pud_table(p4d_t *p4d)
{
	pud_t *pud_table = p4d_pgtable(*p4d);

	if (!early_table_empty((unsigned long *)pud_table))
		return;
	p4d_clear(p4d);
	pud_free(&init_mm, pud_table);
}

/* With 5 levels, free the p4d table under pgd once it is empty. */
static void early_free_p4d_table(pgd_t *pgd)
{
	p4d_t *p4d_table;

	if (!pgtable_l5_enabled() || pgd_none(*pgd))
		return;
	p4d_table = (p4d_t *)pgd_page_vaddr(*pgd);
	if (!early_table_empty((unsigned long *)p4d_table))
		return;
	pgd_clear(pgd);
	p4d_free(&init_mm, p4d_table);
}

/*
 * Tear down what early_map_2m() built for [start, end), also after it
 * failed: the pmd table of every pud entry in the range, read out of the
 * entry, and the pud and p4d tables left empty. 1 GiB leaves are cleared.
 */
void early_unmap(pgd_t *pgd_base, unsigned long start, unsigned long end)
{
	unsigned long addr = start, next;

	do {
		pgd_t *pgd = pgd_base + pgd_index(addr);
		p4d_t *p4d;
		pud_t *pud;

		next = pud_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		p4d = p4d_offset(pgd, addr);
		if (!p4d_none(*p4d)) {
			pud = pud_offset(p4d, addr);
			if (pud_present(*pud) && !pud_leaf(*pud)) {
				pmd_t *pmd = pud_pgtable(*pud);

				pud_clear(pud);
				free_early_pmd(pmd);
			} else {
				pud_clear(pud);
			}
			early_free_pud_table(p4d);
		}
		early_free_p4d_table(pgd);
	} while (addr = next, addr != end);
}
