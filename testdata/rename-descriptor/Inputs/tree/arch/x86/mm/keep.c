#include <linux/mm.h>
#include <asm/early.h>

/* ptdesc-address refuses these: the descriptor is used. */
struct ptdesc *x86_descriptor(void)
{
	struct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0);

	if (!pt)
		return NULL;
	pt->flags = 1;
	return pt;
}

struct ptdesc *x86_noprof(void)
{
	return pagetable_alloc_noprof(GFP_KERNEL, 1);
}

void x86_release(struct ptdesc *pt)
{
	pagetable_free(pt);
}

#ifdef CONFIG_NOT_SET
struct ptdesc *x86_inactive(void)
{
	return pagetable_alloc(GFP_KERNEL, 2);
}
#endif
