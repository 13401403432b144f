#include <linux/mm.h>

/* No compile database covers sparc: the lexical half decides. */
struct ptdesc *sparc_descriptor(void)
{
	return pagetable_alloc(GFP_KERNEL, 0);
}
