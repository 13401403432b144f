/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Architecture-independent page-table helpers (Linux 6.12
 * include/linux/pgtable.h): index arithmetic, the *_offset() walkers and the
 * *_addr_end() range helpers, over the x86 definitions in <asm/pgtable.h>.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/mm_types.h>
#include <asm/pgtable.h>

static inline unsigned long pte_index(unsigned long address)
{
	return (address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline unsigned long pmd_index(unsigned long address)
{
	return (address >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pud_index(unsigned long address)
{
	return (address >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

#define pgd_index(a) (((a) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long address)
{
	pte_t *table = __refimpl_pmd_table(*pmd);

	refimpl_note_table_read(table, "pte_offset_kernel");
	return table + pte_index(address);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	pmd_t *table = __refimpl_pud_table(*pud);

	refimpl_note_table_read(table, "pmd_offset");
	return table + pmd_index(address);
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	pud_t *table = __refimpl_p4d_table(*p4d);

	refimpl_note_table_read(table, "pud_offset");
	return table + pud_index(address);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long address)
{
	refimpl_note_table_read(pgd, "pgd_offset");
	return pgd + pgd_index(address);
}

#define pgd_offset(mm, address) pgd_offset_pgd((mm)->pgd, (address))
#define pgd_offset_k(address) pgd_offset(&init_mm, (address))

/* x86 has no 512 GiB or 256 TiB pages. */
#ifndef p4d_leaf
#define p4d_leaf(x) false
#endif
#ifndef pgd_leaf
#define pgd_leaf(x) false
#endif

/*
 * End of the entry's range that contains addr, or end if that comes first.
 * The "- 1" makes end == 0 mean the top of the address space.
 */
#define __refimpl_addr_end(addr, end, size, mask)                           \
	({                                                                  \
		unsigned long __boundary = ((addr) + (size)) & (mask);      \
		(__boundary - 1 < (end) - 1) ? __boundary : (end);          \
	})
#define pgd_addr_end(addr, end)                                             \
	__refimpl_addr_end(addr, end, PGDIR_SIZE, PGDIR_MASK)
#define p4d_addr_end(addr, end)                                             \
	__refimpl_addr_end(addr, end, P4D_SIZE, P4D_MASK)
#define pud_addr_end(addr, end)                                             \
	__refimpl_addr_end(addr, end, PUD_SIZE, PUD_MASK)
#define pmd_addr_end(addr, end)                                             \
	__refimpl_addr_end(addr, end, PMD_SIZE, PMD_MASK)

#endif /* _LINUX_PGTABLE_H */
