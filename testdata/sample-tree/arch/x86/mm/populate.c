// SPDX-License-Identifier: GPL-2.0
/*
 * Map and unmap kernel virtual ranges, allocating intermediate tables as
 * they are needed and freeing them again once they are empty. Tables come
 * from get_zeroed_page() and go back through free_page(), the way arch code
 * managed kernel page tables before pgtable_alloc()/pgtable_free().
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

static pte_t *alloc_pte_page(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return NULL;

	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}

static pmd_t *alloc_pmd_page(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pmd)
		return NULL;

	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return pmd;
}

static int populate_pgd_entry(pgd_t *pgd)
{
	p4d_t *p4d;

	if (!pgtable_l5_enabled() || !pgd_none(*pgd))
		return 0;

	p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
	if (!p4d)
		return -ENOMEM;
	set_pgd(pgd, __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

static int populate_p4d_entry(p4d_t *p4d)
{
	pud_t *pud;

	if (!p4d_none(*p4d))
		return 0;

	pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
	if (!pud)
		return -ENOMEM;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

static bool pte_table_empty(pte_t *pte)
{
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		if (!pte_none(pte[i]))
			return false;
	return true;
}

static bool pmd_table_empty(pmd_t *pmd)
{
	int i;

	for (i = 0; i < PTRS_PER_PMD; i++)
		if (!pmd_none(pmd[i]))
			return false;
	return true;
}

static bool pud_table_empty(pud_t *pud)
{
	int i;

	for (i = 0; i < PTRS_PER_PUD; i++)
		if (!pud_none(pud[i]))
			return false;
	return true;
}

static bool try_to_free_pte_page(pte_t *pte)
{
	if (!pte_table_empty(pte))
		return false;

	free_page((unsigned long)pte);
	return true;
}

static bool try_to_free_pmd_page(pmd_t *pmd)
{
	if (!pmd_table_empty(pmd))
		return false;

	free_page((unsigned long)pmd);
	return true;
}

/* Drop the pte table under a pmd that is about to become a leaf. */
static void free_pte_table(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	free_page((unsigned long)pte);
}

static void map_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  unsigned long pfn, pgprot_t prot)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++, pfn++)
		set_pte(pte, pfn_pte(pfn, prot));
}

static bool can_map_large(unsigned long addr, unsigned long next,
			  unsigned long pfn, unsigned long size)
{
	return !(addr & (size - 1)) && next - addr == size &&
	       !(PFN_PHYS(pfn) & (size - 1));
}

static pgprot_t large_prot(pgprot_t prot)
{
	return __pgprot(pgprot_val(prot) | _PAGE_PSE);
}

static int map_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			 unsigned long pfn, pgprot_t prot, bool large)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);

		if (large && can_map_large(addr, next, pfn, PMD_SIZE)) {
			if (pmd_present(*pmd) && !pmd_leaf(*pmd))
				free_pte_table(pmd);
			set_pmd(pmd, pfn_pmd(pfn, large_prot(prot)));
		} else {
			if (pmd_leaf(*pmd) && split_large_pmd(pmd))
				return -ENOMEM;
			if (pmd_none(*pmd) && !alloc_pte_page(pmd))
				return -ENOMEM;
			map_pte_range(pmd, addr, next, pfn, prot);
		}
		pfn += (next - addr) >> PAGE_SHIFT;
	} while (pmd++, addr = next, addr != end);

	return 0;
}

static int map_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			 unsigned long pfn, pgprot_t prot, bool large)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	int ret;

	do {
		next = pud_addr_end(addr, end);

		if (large && pud_none(*pud) &&
		    can_map_large(addr, next, pfn, PUD_SIZE)) {
			set_pud(pud, pfn_pud(pfn, large_prot(prot)));
		} else {
			if (pud_leaf(*pud) && split_large_pud(pud))
				return -ENOMEM;
			if (pud_none(*pud) && !alloc_pmd_page(pud))
				return -ENOMEM;
			ret = map_pmd_range(pud, addr, next, pfn, prot, large);
			if (ret)
				return ret;
		}
		pfn += (next - addr) >> PAGE_SHIFT;
	} while (pud++, addr = next, addr != end);

	return 0;
}

/*
 * Map [start, end) to the frames starting at pfn. With @large, 2 MiB and
 * 1 GiB leaves are used wherever alignment allows. On failure the range may
 * be partly mapped; the caller unmaps it.
 */
int kernel_map_range(pgd_t *pgd_base, unsigned long start, unsigned long end,
		     unsigned long pfn, pgprot_t prot, bool large)
{
	unsigned long addr = start, next;
	pgd_t *pgd;
	p4d_t *p4d;
	int ret;

	do {
		next = p4d_addr_end(addr, end);
		pgd = pgd_base + pgd_index(addr);
		ret = populate_pgd_entry(pgd);
		if (ret)
			return ret;
		p4d = p4d_offset(pgd, addr);
		ret = populate_p4d_entry(p4d);
		if (ret)
			return ret;
		ret = map_pud_range(p4d, addr, next, pfn, prot, large);
		if (ret)
			return ret;
		pfn += (next - addr) >> PAGE_SHIFT;
	} while (addr = next, addr != end);

	return 0;
}

static void unmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++)
		pte_clear(&init_mm, addr, pte);

	if (try_to_free_pte_page((pte_t *)pmd_page_vaddr(*pmd)))
		pmd_clear(pmd);
}

static void unmap_pmd_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_leaf(*pmd)) {
			if (next - addr == PMD_SIZE) {
				pmd_clear(pmd);
				continue;
			}
			/* Partial unmap of a 2 MiB leaf: split, then unmap. */
			if (split_large_pmd(pmd))
				continue;
		}
		unmap_pte_range(pmd, addr, next);
	} while (pmd++, addr = next, addr != end);

	if (try_to_free_pmd_page((pmd_t *)pud_pgtable(*pud)))
		pud_clear(pud);
}

static void unmap_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		if (pud_leaf(*pud)) {
			if (next - addr == PUD_SIZE) {
				pud_clear(pud);
				continue;
			}
			if (split_large_pud(pud))
				continue;
		}
		unmap_pmd_range(pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/*
 * Unmap [start, end). Tables below the pud level that become empty are
 * freed; pud and p4d tables stay until kernel_free_tables().
 */
void kernel_unmap_range(pgd_t *pgd_base, unsigned long start,
			unsigned long end)
{
	unsigned long addr = start, next;
	pgd_t *pgd;
	p4d_t *p4d;

	do {
		next = p4d_addr_end(addr, end);
		pgd = pgd_base + pgd_index(addr);
		if (pgd_none(*pgd))
			continue;
		p4d = p4d_offset(pgd, addr);
		if (p4d_none(*p4d))
			continue;
		unmap_pud_range(p4d, addr, next);
	} while (addr = next, addr != end);
}

static void free_pud_table(p4d_t *p4d)
{
	pud_t *pud = (pud_t *)p4d_pgtable(*p4d);

	if (!pud_table_empty(pud))
		return;
	p4d_clear(p4d);
	free_page((unsigned long)pud);
}

/* Free the empty pud and p4d tables left under pgd_base. */
void kernel_free_tables(pgd_t *pgd_base)
{
	p4d_t *p4d_table;
	int i, j;

	for (i = 0; i < PTRS_PER_PGD; i++) {
		pgd_t *pgd = pgd_base + i;

		if (pgd_none(*pgd))
			continue;
		p4d_table = p4d_offset(pgd, 0);
		for (j = 0; j < PTRS_PER_P4D; j++)
			if (!p4d_none(p4d_table[j]))
				free_pud_table(&p4d_table[j]);
		if (!pgtable_l5_enabled())
			continue;
		/* With 5 levels, the p4d table itself hangs off the pgd. */
		for (j = 0; j < PTRS_PER_P4D; j++)
			if (!p4d_none(p4d_table[j]))
				break;
		if (j == PTRS_PER_P4D) {
			pgd_clear(pgd);
			free_page((unsigned long)p4d_table);
		}
	}
}
