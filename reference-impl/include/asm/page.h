/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical/virtual address conversion for the model's simulated physical
 * memory. The "direct map" is the host buffer that backs simulated RAM:
 * __va(pa) is a host pointer into it, __pa(ptr) the offset of ptr in it.
 * As on x86-64, __pa() is __phys_addr() of an unsigned long, and it accepts
 * both pointers and unsigned long addresses. __phys_addr() and __va()
 * record a violation for an address outside simulated memory.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/page_types.h>

struct page;

/* Simulated physical memory: set up by refimpl_mem_init(). */
extern unsigned char *refimpl_mem_base;
extern unsigned long refimpl_mem_pages;
extern struct page *mem_map;

extern unsigned long __phys_addr(unsigned long x);
/*
 * __va() of a physical address outside simulated memory (a garbage entry
 * followed, a table that was never zeroed) records a violation and returns
 * a scratch page, zeroed, where the kernel would touch memory that is not
 * RAM: the walk goes on and the checker names the address, rather than
 * the host process crashing.
 */
extern void *refimpl_phys_to_virt(unsigned long pa);

#define __pa(x) __phys_addr((unsigned long)(x))
#define __va(x) refimpl_phys_to_virt((unsigned long)(x))

#define pfn_to_page(pfn) (mem_map + (pfn))
#define page_to_pfn(page) ((unsigned long)((page) - mem_map))
#define virt_to_page(kaddr) pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_pfn(kaddr) PHYS_PFN(__pa(kaddr))
#define pfn_valid(pfn) ((unsigned long)(pfn) < refimpl_mem_pages)
#define virt_addr_valid(kaddr)                                              \
	((unsigned long)(kaddr) >= (unsigned long)refimpl_mem_base &&       \
	 (unsigned long)(kaddr) < (unsigned long)refimpl_mem_base +         \
					  refimpl_mem_pages * PAGE_SIZE)

#endif /* _ASM_X86_PAGE_H */
