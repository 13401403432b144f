// SPDX-License-Identifier: GPL-2.0
/*
 * A software MMU: translates a virtual address by walking the tables the
 * way an x86-64 CPU does (Intel SDM vol. 3, 4.5 and 4.6), on raw entries.
 * What is not modelled is listed in <refimpl/mmu.h>.
 *
 * Walk: at each level a non-present entry faults (not present), a set
 * reserved bit faults (reserved); R/W and U/S are ANDed and NX ORed over
 * all levels; PS at the PUD or PMD level ends the walk with a 1 GiB or
 * 2 MiB page. Then the access is checked against the effective rights:
 * user access to a supervisor page, then write to a read-only page (for
 * supervisor too: CR0.WP=1), then instruction fetch from an NX page.
 */
#include <refimpl/mmu.h>

#include "model_internal.h"

/* Hardware level numbers: 1 is the PTE, 5 the PML5E. */
static unsigned int level_shift(int level)
{
	return PAGE_SHIFT + 9 * (level - 1);
}

static enum refimpl_pt_level kernel_level(int level)
{
	switch (level) {
	case 1:
		return REFIMPL_PT_PTE;
	case 2:
		return REFIMPL_PT_PMD;
	case 3:
		return REFIMPL_PT_PUD;
	case 4:
		return pgtable_l5_enabled() ? REFIMPL_PT_P4D : REFIMPL_PT_PGD;
	default:
		return REFIMPL_PT_PGD;
	}
}

/* Bits a present entry at this level must have clear. MAXPHYADDR is 52,
 * so only the large-page address bits below the frame and PS where it is
 * not allowed are reserved. */
static unsigned long reserved_bits(unsigned long entry, int level)
{
	if (level >= 4)
		return _PAGE_PSE;
	if (!(entry & _PAGE_PSE) || level == 1)
		return 0;
	/* Bits 13 up to the frame (bit 12 is PAT). */
	return ((1UL << level_shift(level)) - 1) & ~((1UL << 13) - 1);
}

static bool table_in_memory(const void *table)
{
	unsigned long addr = (unsigned long)table;
	unsigned long base = (unsigned long)refimpl_mem_base;

	return refimpl_mem_base && addr >= base &&
	       addr < base + refimpl_mem_pages * PAGE_SIZE;
}

static const enum pg_level leaf_levels[] = {
	[1] = PG_LEVEL_4K,
	[2] = PG_LEVEL_2M,
	[3] = PG_LEVEL_1G,
};

struct refimpl_translation refimpl_translate(pgd_t *root, unsigned long va,
					     unsigned int access)
{
	struct refimpl_translation t = { 0 };
	const unsigned long *table = (const unsigned long *)root;
	unsigned long entry;
	int level;

	t.writable = true;
	t.user = true;
	if (!refimpl_va_canonical(va)) {
		t.fault = REFIMPL_FAULT_NON_CANONICAL;
		return t;
	}
	for (level = refimpl_paging_levels();; level--) {
		if (!table_in_memory(table)) {
			t.fault = REFIMPL_FAULT_BAD_TABLE;
			t.fault_level = kernel_level(level);
			return t;
		}
		refimpl_note_table_read(table, "refimpl_translate");
		entry = table[(va >> level_shift(level)) & 511];
		if (!(entry & _PAGE_PRESENT)) {
			t.fault = REFIMPL_FAULT_NOT_PRESENT;
			t.fault_level = kernel_level(level);
			return t;
		}
		if (entry & reserved_bits(entry, level)) {
			t.fault = REFIMPL_FAULT_RESERVED;
			t.fault_level = kernel_level(level);
			return t;
		}
		t.writable &= !!(entry & _PAGE_RW);
		t.user &= !!(entry & _PAGE_USER);
		t.nx |= !!(entry & _PAGE_NX);
		if (level == 1 || (level <= 3 && (entry & _PAGE_PSE)))
			break;
		/*
		 * The MMU reads physical memory: no __va() and its check; an
		 * address outside RAM is a bad table (no pointer is formed).
		 */
		table = (entry & PTE_PFN_MASK) < refimpl_mem_pages * PAGE_SIZE ?
				(const unsigned long *)(refimpl_mem_base +
							(entry & PTE_PFN_MASK)) :
				NULL;
	}

	t.leaf = entry;
	t.level = leaf_levels[level];
	t.pa = (entry & PTE_PFN_MASK & ~((1UL << level_shift(level)) - 1)) |
	       (va & ((1UL << level_shift(level)) - 1));

	if ((access & REFIMPL_ACC_USER) && !t.user)
		t.fault = REFIMPL_FAULT_USER;
	else if ((access & REFIMPL_ACC_WRITE) && !t.writable)
		t.fault = REFIMPL_FAULT_WRITE;
	else if ((access & REFIMPL_ACC_EXEC) && t.nx)
		t.fault = REFIMPL_FAULT_EXEC;
	t.ok = t.fault == REFIMPL_FAULT_NONE;
	return t;
}

bool refimpl_va_canonical(unsigned long va)
{
	unsigned int unused = 63 - __VIRTUAL_MASK_SHIFT;

	/* Bits above the top translated bit must copy it. */
	return (unsigned long)((long)(va << unused) >> unused) == va;
}

const char *refimpl_fault_name(enum refimpl_fault fault)
{
	static const char *const names[] = {
		[REFIMPL_FAULT_NONE] = "none",
		[REFIMPL_FAULT_NON_CANONICAL] = "non-canonical",
		[REFIMPL_FAULT_BAD_TABLE] = "bad-table",
		[REFIMPL_FAULT_NOT_PRESENT] = "not-present",
		[REFIMPL_FAULT_RESERVED] = "reserved-bit",
		[REFIMPL_FAULT_USER] = "user-supervisor",
		[REFIMPL_FAULT_WRITE] = "write-protect",
		[REFIMPL_FAULT_EXEC] = "no-execute",
	};

	if ((unsigned int)fault < sizeof(names) / sizeof(names[0]))
		return names[fault];
	return "?";
}
