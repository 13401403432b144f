/* A macro body that spells the allocator; no unit expands it. */
#define early_descriptor() pagetable_alloc(GFP_KERNEL, 0)
