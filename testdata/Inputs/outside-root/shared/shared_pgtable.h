/* A header of another tree (a toolchain's, a model's): never edited. */
#include <linux/mm.h>

static inline void shared_pte_free(pte_t *pte)
{
	pagetable_free(virt_to_ptdesc(pte));
}
