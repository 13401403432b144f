// SPDX-License-Identifier: GPL-2.0
/*
 * Transition tables kept in fields, as x86 kexec keeps them in
 * image->arch: allocated and installed in one function, freed through the
 * fields in another, also on the error path, where a field may still be
 * NULL. Each field's tables are one object group, and each converts whole.
 * The pmd's free tests for NULL. The pud's does not, and pgtable_free()
 * does not accept NULL: the conversion adds the test.
 */
#include <linux/mm.h>

struct transition_arch {
	pud_t *pud;
	pmd_t *pmd;
};

struct transition_image {
	struct transition_arch arch;
};

void free_transition(struct transition_image *image)
{
	if (image->arch.pmd)
		free_page((unsigned long)image->arch.pmd);
	free_page((unsigned long)image->arch.pud);
	image->arch.pud = NULL;
	image->arch.pmd = NULL;
}

int init_transition(struct transition_image *image, p4d_t *p4d)
{
	pud_t *pud;
	pmd_t *pmd;

	pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
	if (!pud)
		goto err;
	image->arch.pud = pud;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
	if (!pmd)
		goto err;
	image->arch.pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
err:
	free_transition(image);
	return -1;
}
