// SPDX-License-Identifier: GPL-2.0
/*
 * The reference mapper: maps, unmaps and splits ranges of any root with the
 * kernel's own entry helpers (so property tests exercise them, folding
 * included), taking tables from pgtable_alloc() and returning them with
 * pgtable_free(). Table entries are _PAGE_TABLE (present, writable, user,
 * executable): the leaf entries alone decide the permissions.
 *
 * Mapping first unmaps the range, so afterwards every entry the range
 * covers in full is none and the others are tables: map only fills holes.
 */
#include <errno.h>

#include <asm/pgalloc.h>
#include <refimpl/mmu.h>

#include "model_internal.h"

static void *alloc_table(void)
{
	return pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
}

/* Every entry of the table is none (A/D alone count as none). */
static bool table_empty(const void *table)
{
	const unsigned long *entry = (const unsigned long *)table;

	for (int i = 0; i < 512; i++)
		if (entry[i] & ~_PAGE_KNL_ERRATUM_MASK)
			return false;
	return true;
}

/* A 2 MiB or 1 GiB leaf protection from a 4K one. */
static pgprot_t large_prot(pgprot_t prot)
{
	return __pgprot(protval_4k_2_large(pgprot_val(prot)) | _PAGE_PSE);
}

static bool leaf_fits(unsigned long addr, unsigned long next, phys_addr_t pa,
		      unsigned long size, pgprot_t prot, bool allowed)
{
	return allowed && next - addr == size && !(pa & (size - 1)) &&
	       (pgprot_val(prot) & _PAGE_PRESENT);
}

/* ---- split ---- */

static int split_pmd(pmd_t *pmd)
{
	pmd_t old = *pmd;
	unsigned long pfn = pmd_pfn(old);
	pgprotval_t val = pmd_flags(old) & ~_PAGE_PSE;
	pgprot_t prot = __pgprot(protval_large_2_4k(val) & PTE_FLAGS_MASK);
	pte_t *pte = (pte_t *)alloc_table();

	if (!pte)
		return -ENOMEM;
	for (int i = 0; i < PTRS_PER_PTE; i++)
		set_pte(&pte[i], pfn_pte(pfn + i, prot));
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

static int split_pud(pud_t *pud)
{
	pud_t old = *pud;
	unsigned long pfn = pud_pfn(old);
	/* Keep PSE and the large PAT bit; drop the leaf's unused 13-29. */
	pgprot_t prot =
		__pgprot(pud_flags(old) & (PTE_FLAGS_MASK | _PAGE_PAT_LARGE));
	pmd_t *pmd = (pmd_t *)alloc_table();

	if (!pmd)
		return -ENOMEM;
	for (int i = 0; i < PTRS_PER_PMD; i++)
		set_pmd(&pmd[i], pfn_pmd(pfn + i * (PMD_SIZE >> PAGE_SHIFT),
					 prot));
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

int refimpl_split_leaf(pgd_t *root, unsigned long va)
{
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (!refimpl_va_canonical(va))
		return -EINVAL;
	pgd = pgd_offset_pgd(root, va);
	if (pgd_none(*pgd) || !pgd_present(*pgd))
		return -EINVAL;
	p4d = p4d_offset(pgd, va);
	if (p4d_none(*p4d) || !p4d_present(*p4d))
		return -EINVAL;
	pud = pud_offset(p4d, va);
	if (pud_leaf(*pud))
		return split_pud(pud);
	if (pud_none(*pud) || !pud_present(*pud))
		return -EINVAL;
	pmd = pmd_offset(pud, va);
	if (pmd_leaf(*pmd) && (pmd_flags(*pmd) & _PAGE_PRESENT))
		return split_pmd(pmd);
	return -EINVAL;
}

/* ---- unmap ---- */

static void unmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		pte_clear(&init_mm, addr, pte);
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

static int unmap_pmd_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	pte_t *pte;
	int err;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_leaf(*pmd)) {
			if (next - addr == PMD_SIZE) {
				pmd_clear(pmd);
				continue;
			}
			err = split_pmd(pmd);
			if (err)
				return err;
		}
		unmap_pte_range(pmd, addr, next);
		pte = pmd_page_vaddr(*pmd);
		if (table_empty(pte)) {
			pmd_clear(pmd);
			pgtable_free(pte);
		}
	} while (pmd++, addr = next, addr != end);
	return 0;
}

static int unmap_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	pmd_t *pmd;
	int err;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		if (pud_leaf(*pud)) {
			if (next - addr == PUD_SIZE) {
				pud_clear(pud);
				continue;
			}
			err = split_pud(pud);
			if (err)
				return err;
		}
		err = unmap_pmd_range(pud, addr, next);
		pmd = pud_pgtable(*pud);
		if (table_empty(pmd)) {
			pud_clear(pud);
			pgtable_free(pmd);
		}
		if (err)
			return err;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* With 4 levels p4d is the pgd entry: clearing it empties the pgd entry. */
static int unmap_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;
	pud_t *pud;
	int err;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			continue;
		err = unmap_pud_range(p4d, addr, next);
		pud = p4d_pgtable(*p4d);
		if (table_empty(pud)) {
			p4d_clear(p4d);
			pgtable_free(pud);
		}
		if (err)
			return err;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

static int unmap_pgd_range(pgd_t *root, unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset_pgd(root, addr);
	unsigned long next;
	p4d_t *p4d;
	int err;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		err = unmap_p4d_range(pgd, addr, next);
		/* A p4d table exists only with 5 levels. */
		if (pgtable_l5_enabled()) {
			p4d = (p4d_t *)pgd_page_vaddr(*pgd);
			if (table_empty(p4d)) {
				pgd_clear(pgd);
				pgtable_free(p4d);
			}
		}
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/* ---- map ---- */

static int map_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			 phys_addr_t pa, pgprot_t prot)
{
	pte_t *pte;

	if (pmd_none(*pmd)) {
		pte = (pte_t *)alloc_table();
		if (!pte)
			return -ENOMEM;
		pmd_populate_kernel(&init_mm, pmd, pte);
	}
	pte = pte_offset_kernel(pmd, addr);
	do {
		set_pte(pte, pfn_pte(pa >> PAGE_SHIFT, prot));
		pa += PAGE_SIZE;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

static int map_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			 phys_addr_t pa, pgprot_t prot, unsigned int flags)
{
	unsigned long next;
	pmd_t *pmd;
	int err;

	if (pud_none(*pud)) {
		pmd = (pmd_t *)alloc_table();
		if (!pmd)
			return -ENOMEM;
		pud_populate(&init_mm, pud, pmd);
	}
	pmd = pmd_offset(pud, addr);
	do {
		next = pmd_addr_end(addr, end);
		if (leaf_fits(addr, next, pa, PMD_SIZE, prot,
			      flags & REFIMPL_MAP_2M)) {
			set_pmd(pmd,
				pfn_pmd(pa >> PAGE_SHIFT, large_prot(prot)));
		} else {
			err = map_pte_range(pmd, addr, next, pa, prot);
			if (err)
				return err;
		}
		pa += next - addr;
	} while (pmd++, addr = next, addr != end);
	return 0;
}

static int map_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			 phys_addr_t pa, pgprot_t prot, unsigned int flags)
{
	unsigned long next;
	pud_t *pud;
	int err;

	if (p4d_none(*p4d)) {
		pud = (pud_t *)alloc_table();
		if (!pud)
			return -ENOMEM;
		p4d_populate(&init_mm, p4d, pud);
	}
	pud = pud_offset(p4d, addr);
	do {
		next = pud_addr_end(addr, end);
		if (leaf_fits(addr, next, pa, PUD_SIZE, prot,
			      flags & REFIMPL_MAP_1G)) {
			set_pud(pud,
				pfn_pud(pa >> PAGE_SHIFT, large_prot(prot)));
		} else {
			err = map_pmd_range(pud, addr, next, pa, prot, flags);
			if (err)
				return err;
		}
		pa += next - addr;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* pgd_none() is false with 4 levels: no p4d table is made. */
static int map_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			 phys_addr_t pa, pgprot_t prot, unsigned int flags)
{
	unsigned long next;
	p4d_t *p4d;
	int err;

	if (pgd_none(*pgd)) {
		p4d = (p4d_t *)alloc_table();
		if (!p4d)
			return -ENOMEM;
		pgd_populate(&init_mm, pgd, p4d);
	}
	p4d = p4d_offset(pgd, addr);
	do {
		next = p4d_addr_end(addr, end);
		err = map_pud_range(p4d, addr, next, pa, prot, flags);
		if (err)
			return err;
		pa += next - addr;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

static int map_pgd_range(pgd_t *root, unsigned long addr, unsigned long end,
			 phys_addr_t pa, pgprot_t prot, unsigned int flags)
{
	pgd_t *pgd = pgd_offset_pgd(root, addr);
	unsigned long next;
	int err;

	do {
		next = pgd_addr_end(addr, end);
		err = map_p4d_range(pgd, addr, next, pa, prot, flags);
		if (err)
			return err;
		pa += next - addr;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/* Page aligned, not empty, canonical, and not across the canonical hole. */
static bool range_ok(unsigned long va, unsigned long size)
{
	unsigned long last = va + size - 1;

	return size && !(va & ~PAGE_MASK) && !(size & ~PAGE_MASK) &&
	       last >= va && refimpl_va_canonical(va) &&
	       refimpl_va_canonical(last) && !((va ^ last) >> 63);
}

int refimpl_unmap_range(pgd_t *root, unsigned long va, unsigned long size)
{
	if (!root || !range_ok(va, size))
		return -EINVAL;
	return unmap_pgd_range(root, va, va + size);
}

int refimpl_map_range(pgd_t *root, unsigned long va, phys_addr_t pa,
		      unsigned long size, pgprot_t prot, unsigned int flags)
{
	int err;

	if (!root || !range_ok(va, size) || (pa & ~PAGE_MASK) ||
	    ((pa + size - 1) & ~__PHYSICAL_MASK) || pa + size - 1 < pa)
		return -EINVAL;
	err = refimpl_unmap_range(root, va, size);
	if (err)
		return err;
	return map_pgd_range(root, va, va + size, pa, prot, flags);
}
