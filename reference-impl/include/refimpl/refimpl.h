/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control and observation interface of the reference model: not kernel API.
 * Tests and the demo use it to set up simulated memory, inject allocation
 * failures, read back how each page was allocated, and read the checker's
 * violations.
 */
#ifndef _REFIMPL_REFIMPL_H
#define _REFIMPL_REFIMPL_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Poison written to pages handed out without __GFP_ZERO. Bit 0 is set, so
 * the entries of a page table that was never zeroed read as "present". */
#define REFIMPL_POISON_ALLOC 0xa5
/* Poison written to freed pages (POISON_FREE in the kernel). */
#define REFIMPL_POISON_FREE 0x6b

/* ---- simulated physical memory ---- */

/* Sets up nr_pages of simulated RAM (pfn 0 is reserved, never handed out)
 * and clears all model state. Returns 0, or -1 if memory is not available. */
int refimpl_mem_init(unsigned long nr_pages);
/* Releases simulated RAM without checking anything. */
void refimpl_mem_teardown(void);

unsigned long refimpl_pages_free(void);
unsigned long refimpl_pages_in_use(void);

/* ---- failure injection ---- */

/* Make the nth allocation from now fail (1: the next one); 0 disables. */
void refimpl_fail_nth_alloc(unsigned long n);
/* Number of allocation calls since refimpl_mem_init(). */
unsigned long refimpl_alloc_calls(void);

/* ---- allocation records ---- */

enum refimpl_alloc_family {
	REFIMPL_FAMILY_NONE,
	REFIMPL_FAMILY_PAGE,   /* alloc_pages, __get_free_pages, get_zeroed_page */
	REFIMPL_FAMILY_PTDESC, /* pagetable_alloc, pgtable_alloc(_addr) */
};

/*
 * A page-table level, in the kernel's names: the level of a table's
 * constructor (pte, pmd and pud have one) and of an entry the MMU faults on
 * (<refimpl/mmu.h>).
 */
enum refimpl_pt_level {
	REFIMPL_PT_NONE,
	REFIMPL_PT_PTE,
	REFIMPL_PT_PMD,
	REFIMPL_PT_PUD,
	REFIMPL_PT_P4D,
	REFIMPL_PT_PGD,
};

/* "pte", "pmd", "pud", "p4d", "pgd", or "none". */
const char *refimpl_pt_level_name(enum refimpl_pt_level level);

struct refimpl_alloc_info {
	bool live;
	enum refimpl_alloc_family family;
	const char *api;   /* the allocator named in the source, e.g. "get_zeroed_page" */
	unsigned int order;
	bool compound;
	bool zeroed;       /* handed out zero-filled */
	const char *file;  /* call site recorded by alloc_hooks(), or NULL */
	int line;
	/* The accessor that returned the table's address out of an entry
	 * (pud_pgtable(), ...) while the allocation was live, or NULL. */
	const char *read_from_entry_by;
	/* The page-table allocator of <asm/pgalloc.h> that made the table
	 * ("pmd_alloc_one", ...), its level and the free that matches it
	 * ("pmd_free"); NULL and REFIMPL_PT_NONE for any other allocation. */
	const char *table_api;
	enum refimpl_pt_level table_level;
	const char *table_free;
	/* The level whose constructor ran on the page and whose destructor
	 * has not run yet, and whether it holds a split page-table lock. */
	enum refimpl_pt_level ctor_level;
	bool ptlock;
};

/* Fills *info for the allocation that starts at addr or contains it;
 * returns false if addr is outside simulated memory. */
bool refimpl_alloc_info(const void *addr, struct refimpl_alloc_info *info);
unsigned long refimpl_live_allocations(void);

/* ---- deferred kernel page-table free (CONFIG_ASYNC_KERNEL_PGTABLE_FREE) ---- */

unsigned long refimpl_kernel_pgtable_pending(void);
/* Runs the deferred work: frees every queued kernel page table.
 * Returns the number freed. */
unsigned long refimpl_flush_kernel_pgtable_work(void);

/* ---- ptdesc constructors and split page-table locks ---- */

/*
 * Called by the page-table allocators of <asm/pgalloc.h> for the table they
 * return: records the allocator, the table's level and the free that
 * matches the allocator, for refimpl_alloc_info() and the checker's
 * reports. Not kernel API.
 */
void refimpl_note_table_alloc(const void *table, enum refimpl_pt_level level,
			      const char *allocator, const char *free_api);

/* Split page-table locks the constructors allocated and no destructor (or
 * free) has released yet. */
unsigned long refimpl_ptlocks_live(void);
/* Make the nth split page-table lock allocation from now fail (1: the next
 * one), so the constructor fails; 0 disables. Independent of
 * refimpl_fail_nth_alloc(), which counts page allocations only. */
void refimpl_fail_nth_ptlock_alloc(unsigned long n);

/* ---- the checker ---- */

enum refimpl_violation_kind {
	REFIMPL_V_FAMILY_MISMATCH,  /* freed through another API family */
	REFIMPL_V_ORDER_MISMATCH,   /* freed with a different order */
	REFIMPL_V_DOUBLE_FREE,
	REFIMPL_V_BAD_FREE_ADDRESS, /* not the start of a live allocation */
	REFIMPL_V_WALK_FREED_TABLE, /* a page-table walk read a freed page */
	REFIMPL_V_LEAK,             /* live at refimpl_check_leaks() */
	REFIMPL_V_BAD_ADDRESS,      /* __pa() of an address outside RAM */
	/*
	 * A page freed with a constructor's state still set (PGTY_table, a
	 * split ptlock), a destructor run on a page whose constructor did
	 * not run or ran for another level, a constructor run twice.
	 */
	REFIMPL_V_CTOR_MISMATCH,
	REFIMPL_V_NR_KINDS
};

struct refimpl_violation {
	enum refimpl_violation_kind kind;
	unsigned long pfn;
	const char *alloc_api;   /* NULL when the page was never allocated */
	const char *free_api;    /* NULL unless a free (or a destructor) */
	unsigned int alloc_order;
	unsigned int free_order;
	const char *alloc_file;  /* call site of the allocation, if recorded */
	int alloc_line;
	char message[256];
};

const char *refimpl_violation_kind_name(enum refimpl_violation_kind kind);
size_t refimpl_violation_count(void);
size_t refimpl_violation_count_kind(enum refimpl_violation_kind kind);
const struct refimpl_violation *refimpl_violation_at(size_t i);
void refimpl_violations_clear(void);
/* Prints every violation to stderr (for test failure output). */
void refimpl_violations_dump(void);

/* Records one REFIMPL_V_LEAK per live allocation (kernel page tables waiting
 * in the deferred queue are not leaks) and returns their number. */
unsigned long refimpl_check_leaks(void);

/* Called by page-table walkers for every table page they read: records
 * REFIMPL_V_WALK_FREED_TABLE when the page is not allocated. */
void refimpl_note_table_read(const void *table, const char *walker);

/*
 * Called by the accessors that return a table's address read out of an
 * entry (pmd_page_vaddr(), pud_pgtable(), p4d_pgtable(), pgd_page_vaddr()):
 * checks the read as refimpl_note_table_read() does, and marks the live
 * allocation that starts at table as read out of an entry, until it is
 * freed. The *_offset() walkers and the MMU do not mark: they return an
 * entry, not a table's address a caller would free.
 */
void refimpl_note_entry_table_read(const void *table, const char *accessor);

/* ---- cross-family frees of tables read out of an entry ---- */

/*
 * An order-0 page freed through the other API family (free_page() of a
 * pgtable_alloc() table, pgtable_free()/pagetable_free() of a
 * get_zeroed_page() one) after an accessor read it out of an entry. Linux
 * 6.12 releases such a page correctly either way (pagetable_free() frees
 * compound_order() pages with __free_pages(), and an order-0 ptdesc is not
 * compound), so it is recorded here, not as a violation: a migration that
 * converts the frees of one table level before every allocation of that
 * level produces these. Any other family mismatch stays a violation.
 */
struct refimpl_entry_free {
	unsigned long pfn;
	enum refimpl_alloc_family alloc_family;
	const char *alloc_api;
	const char *free_api;
	const char *read_by;    /* the accessor that read it out of an entry */
	const char *alloc_file; /* call site of the allocation, if recorded */
	int alloc_line;
	char message[256];
};

size_t refimpl_cross_family_entry_frees(void);
const struct refimpl_entry_free *refimpl_cross_family_entry_free_at(size_t i);
void refimpl_cross_family_entry_frees_clear(void);
/* Prints every recorded cross-family entry free to stderr. */
void refimpl_cross_family_entry_frees_dump(void);

#ifdef __cplusplus
}
#endif

#endif /* _REFIMPL_REFIMPL_H */
