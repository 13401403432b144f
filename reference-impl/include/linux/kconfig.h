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
/* alloc_hooks() is a statement expression that records the call site. */
#define CONFIG_MEM_ALLOC_PROFILING 1
/* pagetable_free() of a kernel page table defers to a work queue. */
#define CONFIG_ASYNC_KERNEL_PGTABLE_FREE 1

#define IS_ENABLED(option) (option + 0)

#endif /* _LINUX_KCONFIG_H */
