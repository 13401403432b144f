/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configuration of the reference model: the CONFIG_* options a defconfig
 * x86_64 build would have for the code paths the model covers.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_MMU 1
/* Page-table depth is switched at run time, as with LA57 on real hardware. */
#define CONFIG_X86_5LEVEL 1
#define CONFIG_PGTABLE_LEVELS 5
/*
 * alloc_hooks() is a statement expression that records the call site.
 * REFIMPL_PLAIN_ALLOCATORS (defined by the includer, e.g. -D) gives the
 * shapes of Linux before 6.10 instead, which has no allocation profiling:
 * get_zeroed_page(), __get_free_pages(), alloc_pages(), pagetable_alloc()
 * and pgtable_alloc() are plain functions, the page-table allocators of
 * <asm/pgalloc.h> plain static inlines, and nothing is named *_noprof.
 * The library serves both shapes (src/plain_allocators.c).
 */
#ifndef REFIMPL_PLAIN_ALLOCATORS
#define CONFIG_MEM_ALLOC_PROFILING 1
#endif
/* pagetable_free() of a kernel page table defers to a work queue. */
#define CONFIG_ASYNC_KERNEL_PGTABLE_FREE 1

/*
 * IS_ENABLED(CONFIG_FOO): 1 when CONFIG_FOO is defined to 1, else 0, also
 * for options that are not defined at all. A defined option pastes into
 * the name of a macro that expands to "0," and shifts 1 into the second
 * argument's place.
 */
#define __refimpl_config_1 0,
#define __refimpl_second(ignored, val, ...) val
#define __refimpl_enabled_3(junk_or_zero) __refimpl_second(junk_or_zero 1, 0)
#define __refimpl_enabled_2(val) __refimpl_enabled_3(__refimpl_config_##val)
#define IS_ENABLED(option) __refimpl_enabled_2(option)

#endif /* _LINUX_KCONFIG_H */
