#include <linux/mm.h>

/* ptdesc-address converts this one: its call goes with the conversion. */
void *x86_table(void)
{
	struct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0);

	if (!pt)
		return NULL;
	return ptdesc_address(pt);
}
