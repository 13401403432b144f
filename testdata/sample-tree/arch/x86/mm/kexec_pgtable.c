// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table callbacks a kexec-style image hands to ident_map.c, and
 * the identity map it builds for its jump into the new kernel.
 */
#include <linux/mm.h>

#include "mm_internal.h"

struct kexec_pgt_context {
	unsigned long nr_tables;
};

static void *alloc_pgt_page(void *data)
{
	struct kexec_pgt_context *ctx = data;
	void *page = (void *)get_zeroed_page(GFP_KERNEL);

	if (page)
		ctx->nr_tables++;
	return page;
}

static void free_pgt_page(void *page, void *data)
{
	struct kexec_pgt_context *ctx = data;

	ctx->nr_tables--;
	free_page((unsigned long)page);
}

static struct kexec_pgt_context kexec_ctx;

static struct x86_mapping_info kexec_info = {
	.alloc_pgt_page = alloc_pgt_page,
	.free_pgt_page = free_pgt_page,
	.context = &kexec_ctx,
	.page_flag = __PAGE_KERNEL_LARGE_EXEC,
	.kernpg_flag = _KERNPG_TABLE,
	.offset = 0,
};

pgd_t *kexec_build_ident_map(unsigned long pstart, unsigned long pend)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;

	if (kernel_ident_mapping_init(&kexec_info, pgd, pstart, pend)) {
		kexec_free_ident_map(pgd);
		return NULL;
	}
	return pgd;
}

void kexec_free_ident_map(pgd_t *pgd)
{
	kernel_ident_mapping_free(&kexec_info, pgd);
	free_page((unsigned long)pgd);
}
