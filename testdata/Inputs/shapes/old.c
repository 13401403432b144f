/* Built as a tree from before Linux 6.10 would be. */
#include "tables.h"

int old_map(pmd_t *pmd)
{
	return pte_table_populate(pmd);
}
