/* A header both configurations read: its sites must get one decision. */
#include <linux/mm.h>

static inline int pte_table_populate(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

static inline void pte_table_release(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	free_page((unsigned long)pte);
}

static inline void *scratch_page(void)
{
	return (void *)__get_free_page(GFP_KERNEL);
}
