/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model-only paging interface (not kernel API): the paging depth, init_mm's
 * page tables, a reference mapper, and a software MMU that translates a
 * virtual address the way x86-64 hardware walks the tables.
 *
 * The MMU deliberately does not model: SMEP/SMAP (supervisor accesses to
 * user pages are allowed), protection keys (bits 59-62 are ignored), the
 * accessed/dirty updates the hardware does on a walk, any TLB or
 * paging-structure cache (every translation walks the tables), memory types
 * (PWT/PCD/PAT are reported as bits, not resolved through the PAT MSR),
 * EFER.NXE=0 (NX is always enabled) and MAXPHYADDR below 52.
 */
#ifndef _REFIMPL_MMU_H
#define _REFIMPL_MMU_H

#include <linux/pgtable.h>
#include <refimpl/refimpl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- paging depth ---- */

/* Selects 4- or 5-level paging: returns 0, or -EINVAL for another depth.
 * Tables built at one depth are misread at the other: switch before
 * refimpl_paging_init() or after refimpl_paging_teardown(). */
int refimpl_set_paging_levels(int levels);
int refimpl_paging_levels(void);

/* ---- init_mm ---- */

/* Allocates an empty init_mm.pgd (pgtable_alloc()) for the current depth.
 * Returns 0 or -ENOMEM. An existing init_mm.pgd is torn down first. */
int refimpl_paging_init(void);
/* Frees every table reachable from init_mm.pgd and the pgd itself, each
 * with the API family that allocated it; init_mm.pgd becomes NULL. */
void refimpl_paging_teardown(void);
/* The same for any root (e.g. one from pgd_alloc()). Tables below it are
 * freed even if another root shares them. */
void refimpl_free_page_tables(pgd_t *pgd);

/* ---- reference mapper (tables from pgtable_alloc(), freed with
 * pgtable_free()) ---- */

/* Flags of refimpl_map_range(): which large leaves it may use. */
#define REFIMPL_MAP_2M 0x1u
#define REFIMPL_MAP_1G 0x2u
#define REFIMPL_MAP_LARGE (REFIMPL_MAP_2M | REFIMPL_MAP_1G)

/*
 * Maps [va, va + size) to [pa, pa + size) with prot (in its 4K form; the
 * PAT bit and _PAGE_PSE are adjusted for large leaves), replacing whatever
 * was mapped there. Uses a 1 GiB or 2 MiB leaf where va, pa and the range
 * are aligned, flags allow it and prot is present; 4K entries otherwise.
 * va, pa and size must be page aligned and the range canonical.
 * Returns 0, -EINVAL, or -ENOMEM (the range is then partly mapped).
 */
int refimpl_map_range(pgd_t *pgd, unsigned long va, phys_addr_t pa,
		      unsigned long size, pgprot_t prot, unsigned int flags);
/*
 * Unmaps [va, va + size): splits large leaves the range covers only in
 * part, and frees tables that become empty (not the pgd).
 * Returns 0, -EINVAL, or -ENOMEM (a split failed; partly unmapped).
 */
int refimpl_unmap_range(pgd_t *pgd, unsigned long va, unsigned long size);
/*
 * Replaces the 1 GiB or 2 MiB leaf that maps va with a table of 2 MiB or 4K
 * entries that map the same frames with the same protections.
 * Returns 0, -EINVAL if no large leaf maps va, or -ENOMEM.
 */
int refimpl_split_leaf(pgd_t *pgd, unsigned long va);

/* ---- the MMU ---- */

/* What is accessed, and from where: no ACC_USER means supervisor. */
#define REFIMPL_ACC_READ 0x1u
#define REFIMPL_ACC_WRITE 0x2u
#define REFIMPL_ACC_EXEC 0x4u
#define REFIMPL_ACC_USER 0x8u

enum refimpl_fault {
	REFIMPL_FAULT_NONE,
	REFIMPL_FAULT_NON_CANONICAL, /* #GP on hardware: no walk happens */
	REFIMPL_FAULT_BAD_TABLE,     /* a table outside simulated memory */
	REFIMPL_FAULT_NOT_PRESENT,   /* P=0 at fault_level */
	REFIMPL_FAULT_RESERVED,      /* reserved bit set at fault_level */
	REFIMPL_FAULT_USER,          /* user access, U/S=0 at some level */
	REFIMPL_FAULT_WRITE,         /* write, R/W=0 at some level (CR0.WP=1) */
	REFIMPL_FAULT_EXEC,          /* fetch, NX=1 at some level */
};

/* Level of an entry: enum refimpl_pt_level (<refimpl/refimpl.h>). With 4
 * levels the root table is the pgd and REFIMPL_PT_P4D is never reported. */

struct refimpl_translation {
	bool ok;
	enum refimpl_fault fault;
	/* NOT_PRESENT, RESERVED: the entry's level. BAD_TABLE: the level of
	 * the table that is outside memory (REFIMPL_PT_PGD: the root). */
	enum refimpl_pt_level fault_level;
	/* Set once the walk reaches a leaf (also for USER/WRITE/EXEC). */
	enum pg_level level; /* PG_LEVEL_4K, _2M or _1G */
	phys_addr_t pa;
	pteval_t leaf; /* the leaf entry's raw value */
	bool writable; /* R/W ANDed over every level */
	bool user;     /* U/S ANDed over every level */
	bool nx;       /* NX ORed over every level */
};

/* Walks root (the top-level table: a pgd) for va. Every table read is
 * reported with refimpl_note_table_read(). */
struct refimpl_translation refimpl_translate(pgd_t *root, unsigned long va,
					     unsigned int access);
/* Whether va is canonical for the current depth (48 or 57 bits). */
bool refimpl_va_canonical(unsigned long va);
const char *refimpl_fault_name(enum refimpl_fault fault);

#ifdef __cplusplus
}
#endif

#endif /* _REFIMPL_MMU_H */
