// SPDX-License-Identifier: GPL-2.0
#include "shared.h"

void traced_teardown(pmd_t *pmd, pte_t *pte)
{
	free_traced_table(pmd);
	free_plain_table(pte);
}
