// RUN: %check_tidy %s %t -- -config='{CheckOptions: {Target: level, PairingScope: unit}}' -- -isystem %refimpl_include
// pgtable-zeroed-page with Target 'level' (the CLI's --target=level): a
// kernel table takes its level's constructor and destructor as fix-its; a
// group that cannot says why, with no fix-it.
#include <linux/mm.h>
#include <asm/pgalloc.h>

static int map_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pte_alloc_one_kernel(&init_mm)' (pte table, {{.*}}) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pte_alloc_one_kernel(&init_mm);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	if (pte_none(pte[1])) {
		pmd_clear(pmd);
		free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pte)' with 'pte_free_kernel(&init_mm, pte)' (pte table, {{.*}}) [pgtable-zeroed-page]
// CHECK-FIXES: {{^}}		pte_free_kernel(&init_mm, pte);{{$}}
		return -1;
	}
	return 0;
}

static int map_pmd(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_ATOMIC);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}, its gfp mask 'GFP_ATOMIC' is not GFP_KERNEL: {{.*}} [pgtable-zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int map_both(pud_t *pud, pmd_t *pmd)
{
	return map_pmd(pud) || map_pte(pmd);
}
