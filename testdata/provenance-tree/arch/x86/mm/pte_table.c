// SPDX-License-Identifier: GPL-2.0
/*
 * pte tables whose allocator and free are spelled in macros, as arch
 * pgalloc.h files long spelled theirs: the get_zeroed_page() call is in the
 * macro's body, and the two functions that allocate a pte table only name
 * the macro.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#include "mm_internal.h"

#define __alloc_pte_table() ((pte_t *)get_zeroed_page(GFP_KERNEL))
#define __free_pte_table(pte) free_page((unsigned long)(pte))

/*
 * Map [addr, end), inside the 2 MiB of pmd, to the frames from pfn with
 * 4K entries, giving pmd a pte table if it has none.
 */
int pte_table_map(pmd_t *pmd, unsigned long addr, unsigned long end,
		  unsigned long pfn, pgprot_t prot)
{
	pte_t *pte;

	if (pmd_none(*pmd)) {
		pte = __alloc_pte_table();
		if (!pte)
			return -ENOMEM;
		pmd_populate_kernel(&init_mm, pmd, pte);
	}
	pte = pte_offset_kernel(pmd, addr);
	for (; addr < end; addr += PAGE_SIZE, pte++, pfn++)
		set_pte(pte, pfn_pte(pfn, prot));
	return 0;
}

/* Replace the 2 MiB leaf at pmd with 4K entries for the same frames. */
int pte_table_split(pmd_t *pmd)
{
	unsigned long pfn = pmd_pfn(*pmd);
	pgprot_t prot = __pgprot(pmd_flags(*pmd) & ~(unsigned long)_PAGE_PSE);
	pte_t *pte = __alloc_pte_table();
	int i;

	if (!pte)
		return -ENOMEM;
	for (i = 0; i < PTRS_PER_PTE; i++)
		set_pte(&pte[i], pfn_pte(pfn + i, prot));
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

/* Unmap the 2 MiB of pmd and free its pte table. */
void pte_table_release(pmd_t *pmd)
{
	pte_t *pte = pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	__free_pte_table(pte);
}
