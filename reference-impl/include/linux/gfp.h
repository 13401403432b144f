/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's interface, in the macro shapes of Linux 6.12
 * include/linux/gfp.h: each allocator is alloc_hooks() over a _noprof
 * function; __get_free_page() and free_page() are macros over the order-n
 * versions.
 *
 * With REFIMPL_PLAIN_ALLOCATORS defined, the shapes of Linux before 6.10
 * (no memory-allocation profiling): each allocator is a plain function of
 * the macro's name, and no _noprof form is declared (see linux/kconfig.h).
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/kconfig.h>

struct page;

#ifdef REFIMPL_PLAIN_ALLOCATORS

extern struct page *alloc_pages(gfp_t gfp, unsigned int order);
extern unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
extern unsigned long get_zeroed_page(gfp_t gfp_mask);

#else

#include <linux/alloc_tag.h>

extern struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order);
#define alloc_pages(...) alloc_hooks(alloc_pages_noprof(__VA_ARGS__))

extern unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order);
#define __get_free_pages(...) alloc_hooks(get_free_pages_noprof(__VA_ARGS__))

extern unsigned long get_zeroed_page_noprof(gfp_t gfp_mask);
#define get_zeroed_page(...) alloc_hooks(get_zeroed_page_noprof(__VA_ARGS__))

#endif /* REFIMPL_PLAIN_ALLOCATORS */

#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)

extern void __free_pages(struct page *page, unsigned int order);
extern void free_pages(unsigned long addr, unsigned int order);

#define __free_page(page) __free_pages((page), 0)
#define free_page(addr) free_pages((addr), 0)

#endif /* _LINUX_GFP_H */
