// RUN: %check_fixes %s %t -- --rules=zeroed-page --target=level -- -isystem %S/Inputs/archown -isystem %refimpl_include
// An arch's own constructor (not asm-generic's) may do anything: the tool
// converts only to semantics it models, and refuses with where it is.
#include <linux/mm.h>
#include <asm/pgalloc.h>

int map_pmd(p4d_t *p4d, unsigned long addr)
{
	pud_t *pud = pud_offset(p4d, addr);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], pmd_alloc_one() is the arch's own, at {{.*}}Inputs/archown/asm/pgalloc.h:16, whose semantics the tool does not model (--target=pgtable converts it); it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
