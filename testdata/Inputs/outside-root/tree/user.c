#include <shared_pgtable.h>

void local_pmd_free(pmd_t *pmd)
{
	pagetable_free(virt_to_ptdesc(pmd));
}
