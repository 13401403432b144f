// SPDX-License-Identifier: GPL-2.0
#include "shared.h"

void plain_teardown(pmd_t *pmd, pte_t *pte)
{
	free_plain_table(pte);
	free_traced_table(pmd);
}
