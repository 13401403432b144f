/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/kconfig.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
/*
 * glibc's <sys/cdefs.h> defines __always_inline too: take it first, so that
 * the C library's headers, included before or after this one, do not
 * redefine it.
 */
#if __has_include(<sys/cdefs.h>)
#include <sys/cdefs.h>
#endif
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
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
