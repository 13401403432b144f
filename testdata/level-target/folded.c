// RUN: %check_fixes %s %t -- --rules=zeroed-page --target=level -- -isystem %S/Inputs/folded -isystem %refimpl_include
// A level the configuration folds has no constructor to convert to (here
// pmd_alloc_one() is a macro of NULL); the levels it has still convert.
#include <linux/mm.h>
#include <asm/pgalloc.h>

int map_pmd(p4d_t *p4d, unsigned long addr)
{
	pud_t *pud = pud_offset(p4d, addr);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], pmd_alloc_one() is a macro, not a function, in this configuration (a folded level) (--target=pgtable converts it); it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

int map_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pte_alloc_one_kernel(&init_mm)' (pte table, {{.*}}) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pte_alloc_one_kernel(&init_mm);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
