// SPDX-License-Identifier: GPL-2.0
/* A unit that includes the hooks and does not call them. */
#include <asm/hooks.h>

int hooks_level_count(void)
{
	return 5;
}
