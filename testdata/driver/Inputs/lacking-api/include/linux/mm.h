/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tree before the address-based page-table API: ptdescs, but no
 * pgtable_alloc()/pgtable_free(). --verify lays the declarations of
 * --emit-api into this header, as the kernel would gain them.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x100u
#define GFP_KERNEL	0xcc0u

#define alloc_hooks(call)	(call)

struct ptdesc {
	unsigned long flags;
};

struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pagetable_alloc(...)	alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))
void pagetable_free(struct ptdesc *pt);
struct ptdesc *virt_to_ptdesc(const void *x);
void *ptdesc_address(const struct ptdesc *pt);

#endif /* _LINUX_MM_H */
