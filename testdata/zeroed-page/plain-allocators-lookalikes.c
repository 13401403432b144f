// RUN: %check_fixes %s %t -- --rules=zeroed-page,ptdesc-address -- -isystem %refimpl_include -DREFIMPL_PLAIN_ALLOCATORS
// Candidates are calls of the declared allocators: a function that only
// shares an allocator's name, with another number of parameters or
// another type than gfp_t first, is not one (no diagnostic expected).
#include <linux/types.h>

struct pool {
	unsigned long pages[4];
	int next;
};

static unsigned long get_zeroed_page(struct pool *pool, int node)
{
	return pool->pages[pool->next++ & 3];
}

static void *pagetable_alloc(int level, unsigned int order)
{
	return (void *)0;
}

static unsigned long __get_free_pages(int order)
{
	return 0;
}

unsigned long take_page(struct pool *pool)
{
	if (!pagetable_alloc(1, 0))
		return 0;
	return get_zeroed_page(pool, 0) + __get_free_pages(1);
}
