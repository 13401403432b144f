// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated physical memory: a page-aligned host buffer whose offset is the
 * physical address, and the mem_map array of struct page that describes it.
 */
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

unsigned char *refimpl_mem_base;
unsigned long refimpl_mem_pages;
struct page *mem_map;
struct page_meta *refimpl_meta;
struct mm_struct init_mm;

int refimpl_mem_init(unsigned long nr_pages)
{
	void *base;

	refimpl_mem_teardown();
	if (nr_pages < 2)
		return -1;
	/*
	 * Align the "direct map" to the largest block, as the kernel's is:
	 * order-n blocks are then naturally aligned in virtual addresses too
	 * (x86 PTI finds the user half of an order-1 pgd by or-ing in
	 * PAGE_SIZE).
	 */
	if (posix_memalign(&base, PAGE_SIZE << REFIMPL_MAX_ORDER,
			   nr_pages * PAGE_SIZE))
		base = NULL;
	refimpl_mem_base = base;
	mem_map = calloc(nr_pages, sizeof(*mem_map));
	refimpl_meta = calloc(nr_pages, sizeof(*refimpl_meta));
	if (!refimpl_mem_base || !mem_map || !refimpl_meta) {
		refimpl_mem_teardown();
		return -1;
	}
	refimpl_mem_pages = nr_pages;
	memset(refimpl_mem_base, REFIMPL_POISON_FREE, nr_pages * PAGE_SIZE);
	for (unsigned long pfn = 0; pfn < nr_pages; pfn++)
		refimpl_meta[pfn].state = PAGE_STATE_FREE;
	refimpl_meta[0].state = PAGE_STATE_RESERVED;
	mem_map[0].flags |= 1UL << PG_reserved;
	memset(&init_mm, 0, sizeof(init_mm));

	refimpl_alloc_reset();
	refimpl_checker_reset();
	refimpl_ptdesc_reset();
	return 0;
}

void refimpl_mem_teardown(void)
{
	/* The deferred-free queue is threaded through mem_map: drop it too. */
	refimpl_ptdesc_reset();
	free(refimpl_mem_base);
	free(mem_map);
	free(refimpl_meta);
	refimpl_mem_base = NULL;
	mem_map = NULL;
	refimpl_meta = NULL;
	refimpl_mem_pages = 0;
	memset(&init_mm, 0, sizeof(init_mm));
}

/* Stands for what lies outside simulated RAM (see __va() in asm/page.h). */
static unsigned char outside_ram[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void *refimpl_phys_to_virt(unsigned long pa)
{
	if (pa < refimpl_mem_pages * PAGE_SIZE)
		return refimpl_mem_base + pa;
	refimpl_record(REFIMPL_V_BAD_ADDRESS, 0, NULL, 0,
		       "__va(%#lx): physical address outside simulated memory",
		       pa);
	memset(outside_ram, 0, sizeof(outside_ram));
	return outside_ram + (pa & (PAGE_SIZE - 1));
}

unsigned long __phys_addr(unsigned long x)
{
	unsigned long base = (unsigned long)refimpl_mem_base;

	if (x < base || x >= base + refimpl_mem_pages * PAGE_SIZE)
		refimpl_record(REFIMPL_V_BAD_ADDRESS, 0, NULL, 0,
			       "__pa(%#lx): address outside simulated memory",
			       x);
	return x - base;
}
