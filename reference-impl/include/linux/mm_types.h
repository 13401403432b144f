/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page, struct ptdesc and struct mm_struct, laid out after Linux 6.12
 * include/linux/mm_types.h: a ptdesc overlays the struct page of the page
 * table's page (checked below), so page_ptdesc()/ptdesc_page() are casts.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct mm_struct;

struct page {
	unsigned long flags; /* PG_* bits */
	union {
		struct {
			struct list_head lru;
			void *mapping;
			pgoff_t index;
#ifndef __cplusplus
			unsigned long private;
#else
			unsigned long private_; /* C++ keyword */
#endif
		};
		struct {
			/* Bit 0 set: tail page of a compound page. */
			unsigned long compound_head;
		};
	};
	unsigned int page_type; /* PGTY_* of typed pages (PGTY_table) */
	atomic_t _refcount;
	unsigned long memcg_data;
};

struct ptdesc {
	unsigned long __page_flags;

	union {
		struct rcu_head pt_rcu_head;
		struct list_head pt_list;
		struct {
			unsigned long _pt_pad_1;
			pgtable_t pmd_huge_pte;
		};
	};
	unsigned long __page_mapping;

	union {
		pgoff_t pt_index;
		struct mm_struct *pt_mm;
		atomic_t pt_frag_refcount;
	};

	union {
		unsigned long _pt_pad_2;
		spinlock_t *ptl;
	};
	unsigned int __page_type;
	atomic_t __page_refcount;
	unsigned long pt_memcg_data;
};

#ifndef __cplusplus
#define page_private_member private
#else
#define page_private_member private_
#endif
#define TABLE_MATCH(pg, pt)                                                 \
	BUILD_BUG_ON(offsetof(struct page, pg) != offsetof(struct ptdesc, pt))
TABLE_MATCH(flags, __page_flags);
TABLE_MATCH(compound_head, pt_list);
TABLE_MATCH(compound_head, _pt_pad_1);
TABLE_MATCH(mapping, __page_mapping);
TABLE_MATCH(index, pt_index);
TABLE_MATCH(page_private_member, _pt_pad_2);
TABLE_MATCH(page_type, __page_type);
TABLE_MATCH(_refcount, __page_refcount);
TABLE_MATCH(memcg_data, pt_memcg_data);
#undef TABLE_MATCH
#undef page_private_member
BUILD_BUG_ON(sizeof(struct ptdesc) > sizeof(struct page));

#ifndef __cplusplus
#define page_private(page) ((page)->private)
#else
#define page_private(page) ((page)->private_)
#endif

struct mm_struct {
	pgd_t *pgd;
	spinlock_t page_table_lock;
	unsigned long pgtables_bytes;
};

/* The kernel's own address space (its pgd is set up by the paging model). */
extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
