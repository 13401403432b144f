/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/kconfig.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
/* glibc's <sys/cdefs.h> has its own __always_inline; clang warns. */
#undef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __must_check __attribute__((__warn_unused_result__))
#define __maybe_unused __attribute__((__unused__))
#define __init
#define __initdata
#define __ref
#define __meminit
#define __force
#define __bitwise
#define __user

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#ifdef __cplusplus
#define BUILD_BUG_ON(cond) static_assert(!(cond), #cond)
#else
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)
#endif

#endif /* _LINUX_COMPILER_H */
