/* SPDX-License-Identifier: GPL-2.0 */
/* Transition tables kept in a struct (a kernel-style fixture). */
#ifndef _ASM_X86_TRANSITION_H
#define _ASM_X86_TRANSITION_H

#include <linux/mm.h>

struct transition {
	pmd_t *pmd;
};

int init_transition(struct transition *t, pud_t *pud);
void free_transition(struct transition *t);

#endif
