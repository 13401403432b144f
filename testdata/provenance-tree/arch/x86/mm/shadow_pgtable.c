// SPDX-License-Identifier: GPL-2.0
/*
 * A second root that shares the kernel's lowest tables, in the shape of
 * x86's pti.c user page table: the shadow's own p4d, pud and pmd tables
 * are held as unsigned long from get_zeroed_page() to their install, its
 * pmd entries are copies of the kernel's (2 MiB leaves or the kernel's own
 * pte tables). Unlike pti.c, a p4d table whose pud table cannot be
 * allocated is given back at once. pgtable-migrate retypes the three
 * locals (void * when never cast, p4d_t * for the one cast to it, with its
 * error-path free); the frees of tables read out of entries stay on
 * free_page(): a parameter and an entry's value hold them.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "mm_internal.h"

static int shadow_populate_p4d(p4d_t *p4d)
{
	unsigned long new_pud_page = get_zeroed_page(GFP_KERNEL);

	if (!new_pud_page)
		return -ENOMEM;
	set_p4d(p4d, __p4d(_KERNPG_TABLE | __pa(new_pud_page)));
	return 0;
}

static p4d_t *shadow_walk_p4d(pgd_t *shadow, unsigned long address)
{
	pgd_t *pgd = shadow + pgd_index(address);
	unsigned long new_p4d_page;
	p4d_t *p4d;

	/* With 4 levels the pgd entry is the p4d entry: never none. */
	if (!pgd_none(*pgd))
		return p4d_offset(pgd, address);

	new_p4d_page = get_zeroed_page(GFP_KERNEL);
	if (!new_p4d_page)
		return NULL;
	set_pgd(pgd, __pgd(_KERNPG_TABLE | __pa(new_p4d_page)));
	p4d = (p4d_t *)new_p4d_page + p4d_index(address);
	if (shadow_populate_p4d(p4d)) {
		pgd_clear(pgd);
		free_page(new_p4d_page);
		return NULL;
	}
	return p4d;
}

static pmd_t *shadow_walk_pmd(pgd_t *shadow, unsigned long address)
{
	p4d_t *p4d = shadow_walk_p4d(shadow, address);
	pud_t *pud;

	if (!p4d)
		return NULL;
	if (p4d_none(*p4d) && shadow_populate_p4d(p4d))
		return NULL;
	pud = pud_offset(p4d, address);
	if (pud_none(*pud)) {
		unsigned long new_pmd_page = get_zeroed_page(GFP_KERNEL);

		if (!new_pmd_page)
			return NULL;
		set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	}
	return pmd_offset(pud, address);
}

/* The kernel's pmd entry for address, if a pmd table maps it. */
static pmd_t *kernel_pmd_lookup(pgd_t *kernel, unsigned long address)
{
	pgd_t *pgd = kernel + pgd_index(address);
	p4d_t *p4d;
	pud_t *pud;

	if (pgd_none(*pgd))
		return NULL;
	p4d = p4d_offset(pgd, address);
	if (p4d_none(*p4d))
		return NULL;
	pud = pud_offset(p4d, address);
	if (pud_none(*pud) || pud_leaf(*pud))
		return NULL;
	return pmd_offset(pud, address);
}

/*
 * Copy the kernel's pmd entries for [start, end) into shadow. Ranges the
 * kernel maps with 1 GiB leaves, or not at all, are skipped. Returns 0 or
 * -ENOMEM (the range is then partly copied).
 */
int shadow_clone_pmds(pgd_t *shadow, pgd_t *kernel, unsigned long start,
		      unsigned long end)
{
	unsigned long addr;

	for (addr = start & PMD_MASK; addr < end; addr += PMD_SIZE) {
		pmd_t *kernel_pmd = kernel_pmd_lookup(kernel, addr);
		pmd_t *pmd;

		if (!kernel_pmd || pmd_none(*kernel_pmd))
			continue;
		pmd = shadow_walk_pmd(shadow, addr);
		if (!pmd)
			return -ENOMEM;
		set_pmd(pmd, *kernel_pmd);
	}
	return 0;
}

/* The pmd tables under a shadow pud table, then the table itself. */
static void shadow_free_pud_table(unsigned long pud_page)
{
	pud_t *pud = (pud_t *)pud_page;
	int i;

	for (i = 0; i < PTRS_PER_PUD; i++)
		if (pud_present(pud[i]))
			free_page((unsigned long)pud_pgtable(pud[i]));
	free_page(pud_page);
}

/* Free every table below shadow (not shadow itself, nor the kernel's). */
void shadow_free_tables(pgd_t *shadow)
{
	unsigned long p4d_page;
	p4d_t *p4d;
	int i, j;

	for (i = 0; i < PTRS_PER_PGD; i++) {
		if (!pgtable_l5_enabled()) {
			p4d = (p4d_t *)&shadow[i];
			if (!p4d_present(*p4d))
				continue;
			shadow_free_pud_table((unsigned long)p4d_pgtable(*p4d));
			p4d_clear(p4d);
			continue;
		}
		if (!pgd_present(shadow[i]))
			continue;
		p4d_page = pgd_page_vaddr(shadow[i]);
		for (j = 0; j < PTRS_PER_P4D; j++) {
			p4d = (p4d_t *)p4d_page + j;
			if (p4d_present(*p4d))
				shadow_free_pud_table(
					(unsigned long)p4d_pgtable(*p4d));
		}
		pgd_clear(&shadow[i]);
		free_page(p4d_page);
	}
}
