/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation profiling hooks. As in Linux 6.12 with
 * CONFIG_MEM_ALLOC_PROFILING, every allocator is a function-like macro
 *     #define foo(...) alloc_hooks(foo_noprof(__VA_ARGS__))
 * and alloc_hooks() is a GNU statement expression around the _noprof call.
 * The model uses the hook to remember the call site of every allocation, so
 * leak and misuse reports name the file and line that allocated.
 */
#ifndef _LINUX_ALLOC_TAG_H
#define _LINUX_ALLOC_TAG_H

#include <linux/compiler.h>
#include <linux/types.h>

struct alloc_tag {
	const char *file;
	const char *function;
	int line;
};

/* Returns the previous tag; the model records the current one per call. */
extern struct alloc_tag *alloc_tag_save(struct alloc_tag *tag);
extern void alloc_tag_restore(struct alloc_tag *tag, struct alloc_tag *old);

#define DEFINE_ALLOC_TAG(_alloc_tag)                                        \
	static struct alloc_tag _alloc_tag = { __FILE__, __func__, __LINE__ }

#define alloc_hooks_tag(_tag, _do_alloc)                                    \
	({                                                                  \
		struct alloc_tag *_old = alloc_tag_save(_tag);              \
		__typeof__(_do_alloc) _res = _do_alloc;                     \
		alloc_tag_restore(_tag, _old);                              \
		_res;                                                       \
	})

#define alloc_hooks(_do_alloc)                                              \
	({                                                                  \
		DEFINE_ALLOC_TAG(_alloc_tag);                               \
		alloc_hooks_tag(&_alloc_tag, _do_alloc);                    \
	})

#endif /* _LINUX_ALLOC_TAG_H */
