/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TABLE_HELPERS_H
#define _ASM_X86_TABLE_HELPERS_H

/* A header that names the allocator, read by tables.c and fault.c. */
static inline pte_t *alloc_helper_pte(void)
{
	return (pte_t *)get_zeroed_page(GFP_KERNEL);
}

#endif /* _ASM_X86_TABLE_HELPERS_H */
