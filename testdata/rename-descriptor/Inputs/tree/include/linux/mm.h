#ifndef _LINUX_MM_H
#define _LINUX_MM_H
/* The parts of the kernel's mm.h the fixture needs. */
#define NULL ((void *)0)
typedef unsigned int gfp_t;
#define GFP_KERNEL 0x1u
#define __GFP_ZERO 0x100u
#define alloc_hooks(_do_alloc) (_do_alloc)
#define EXPORT_SYMBOL(sym) extern typeof(sym) sym

struct ptdesc {
	unsigned long flags;
};

void *ptdesc_address(const struct ptdesc *pt);
struct ptdesc *virt_to_ptdesc(const void *x);

/* The descriptor allocator: the rename's target; pagetable_free() stays. */
struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pagetable_alloc(...) alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))
void pagetable_free(struct ptdesc *pt);
#endif
