/* Built as a tree from Linux 6.10 on would be. */
#include "tables.h"

void new_unmap(pmd_t *pmd)
{
	pte_table_release(pmd);
}
