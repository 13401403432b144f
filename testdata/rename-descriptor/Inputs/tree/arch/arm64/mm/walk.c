/* A parameter named like the allocator is not the allocator. */
void walk(void *(*pagetable_alloc)(int))
{
	pagetable_alloc(0);
}
