// SPDX-License-Identifier: GPL-2.0
/*
 * Identity mapping with 2 MiB leaves for a kexec-style jump: the caller
 * supplies the allocator of table pages through struct x86_mapping_info, so
 * this file never names an allocator itself.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "mm_internal.h"

static void ident_pmd_init(struct x86_mapping_info *info, pmd_t *pmd_page,
			   unsigned long addr, unsigned long end)
{
	addr &= PMD_MASK;
	for (; addr < end; addr += PMD_SIZE) {
		pmd_t *pmd = pmd_page + pmd_index(addr);

		if (pmd_present(*pmd))
			continue;
		set_pmd(pmd, __pmd((addr - info->offset) | info->page_flag));
	}
}

static int ident_pud_init(struct x86_mapping_info *info, pud_t *pud_page,
			  unsigned long addr, unsigned long end)
{
	unsigned long next;

	for (; addr < end; addr = next) {
		pud_t *pud = pud_page + pud_index(addr);
		pmd_t *pmd;

		next = pud_addr_end(addr, end);
		if (pud_present(*pud)) {
			pmd = pmd_offset(pud, 0);
			ident_pmd_init(info, pmd, addr, next);
			continue;
		}
		pmd = (pmd_t *)info->alloc_pgt_page(info->context);
		if (!pmd)
			return -ENOMEM;
		ident_pmd_init(info, pmd, addr, next);
		set_pud(pud, __pud(__pa(pmd) | info->kernpg_flag));
	}
	return 0;
}

static int ident_p4d_init(struct x86_mapping_info *info, p4d_t *p4d_page,
			  unsigned long addr, unsigned long end)
{
	unsigned long next;
	int result;

	for (; addr < end; addr = next) {
		p4d_t *p4d = p4d_page + p4d_index(addr);
		pud_t *pud;

		next = p4d_addr_end(addr, end);
		if (p4d_present(*p4d)) {
			pud = pud_offset(p4d, 0);
			result = ident_pud_init(info, pud, addr, next);
			if (result)
				return result;
			continue;
		}
		pud = (pud_t *)info->alloc_pgt_page(info->context);
		if (!pud)
			return -ENOMEM;
		result = ident_pud_init(info, pud, addr, next);
		set_p4d(p4d, __p4d(__pa(pud) | info->kernpg_flag));
		if (result)
			return result;
	}
	return 0;
}

int kernel_ident_mapping_init(struct x86_mapping_info *info, pgd_t *pgd_page,
			      unsigned long pstart, unsigned long pend)
{
	unsigned long addr = pstart + info->offset;
	unsigned long end = pend + info->offset;
	unsigned long next;
	int result;

	for (; addr < end; addr = next) {
		pgd_t *pgd = pgd_page + pgd_index(addr);
		p4d_t *p4d;

		next = pgd_addr_end(addr, end);
		if (!pgtable_l5_enabled()) {
			/* Folded p4d: the pgd entry is the p4d entry. */
			result = ident_p4d_init(info, (p4d_t *)pgd, addr, next);
			if (result)
				return result;
			continue;
		}
		if (pgd_present(*pgd)) {
			p4d = p4d_offset(pgd, 0);
			result = ident_p4d_init(info, p4d, addr, next);
			if (result)
				return result;
			continue;
		}
		p4d = (p4d_t *)info->alloc_pgt_page(info->context);
		if (!p4d)
			return -ENOMEM;
		result = ident_p4d_init(info, p4d, addr, next);
		set_pgd(pgd, __pgd(__pa(p4d) | info->kernpg_flag));
		if (result)
			return result;
	}
	return 0;
}

static void ident_free_pud_table(struct x86_mapping_info *info, pud_t *pud)
{
	int i;

	for (i = 0; i < PTRS_PER_PUD; i++)
		if (pud_present(pud[i]) && !pud_leaf(pud[i]))
			info->free_pgt_page(pud_pgtable(pud[i]), info->context);
	info->free_pgt_page(pud, info->context);
}

static void ident_free_p4d_table(struct x86_mapping_info *info, p4d_t *p4d)
{
	int i;

	for (i = 0; i < PTRS_PER_P4D; i++)
		if (p4d_present(p4d[i]))
			ident_free_pud_table(info, p4d_pgtable(p4d[i]));
}

/* Free every table below pgd_page (not pgd_page itself). */
void kernel_ident_mapping_free(struct x86_mapping_info *info, pgd_t *pgd_page)
{
	int i;

	for (i = 0; i < PTRS_PER_PGD; i++) {
		pgd_t *pgd = pgd_page + i;
		p4d_t *p4d;

		if (!pgtable_l5_enabled()) {
			if (p4d_present(*(p4d_t *)pgd))
				ident_free_pud_table(info,
						     p4d_pgtable(*(p4d_t *)pgd));
			continue;
		}
		if (!pgd_present(*pgd))
			continue;
		p4d = (p4d_t *)pgd_page_vaddr(*pgd);
		ident_free_p4d_table(info, p4d);
		info->free_pgt_page(p4d, info->context);
	}
}
