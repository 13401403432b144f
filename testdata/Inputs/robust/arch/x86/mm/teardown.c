// SPDX-License-Identifier: GPL-2.0
/* Frees the transition table init_transition() built (a fixture). */
#include <linux/mm.h>
#include <asm/pgfree.h>
#include <asm/transition.h>

void free_transition(struct transition *t)
{
	if (t->pmd)
		free_page((unsigned long)t->pmd);
}
