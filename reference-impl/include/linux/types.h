/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C library's headers include the UAPI <linux/types.h> (__u64, __s64,
 * ...) under this same name, so this one includes that one first and adds
 * the kernel-internal types on top. It must not define macros (see
 * <linux/compiler.h>): C++ standard headers include it too.
 */
#ifndef _REFIMPL_LINUX_TYPES_H
#define _REFIMPL_LINUX_TYPES_H

#include_next <linux/types.h>
#include <stddef.h>
#include <stdint.h>
#ifndef __cplusplus
#include <stdbool.h>
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef unsigned long phys_addr_t;
typedef unsigned long pgoff_t;
typedef unsigned int __bitwise gfp_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	int locked;
} spinlock_t;

struct list_head {
	struct list_head *next, *prev;
};

struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

#endif /* _REFIMPL_LINUX_TYPES_H */
