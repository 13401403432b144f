// RUN: %check_fixes %s %t -- --rules=zeroed-page --target=level -- -isystem %refimpl_include
// --target=level: each level's kernel tables take their constructor and
// destructor, the address from the *_offset() the entry was looked up with.
#include <linux/mm.h>
#include <asm/pgalloc.h>

/* A kernel pte table: installed where no mm is in scope. */
static pte_t *alloc_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pte_alloc_one_kernel(&init_mm)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pte_alloc_one_kernel(&init_mm);{{$}}

	if (!pte)
		return NULL;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return pte;
}

void free_pte(pte_t *pte)
{
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pte)' with 'pte_free_kernel(&init_mm, pte)' (pte table, {{.*}}) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_free_kernel(&init_mm, pte);{{$}}
}

/* A kernel pmd table of init_mm, its address from pud_offset(). */
static int map_pmd(p4d_t *p4d, unsigned long addr)
{
	pud_t *pud = pud_offset(p4d, addr);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL | __GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL | __GFP_ZERO)' with 'pmd_alloc_one(&init_mm, addr)' (pmd table, installed by pud_populate() at {{.*}}:[[@LINE+4]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pmd_alloc_one(&init_mm, addr);{{$}}
	if (!pmd)
		return -1;
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

/* A kernel pud table, the entry assigned from p4d_offset() first. */
static int map_pud(pgd_t *pgd, unsigned long start)
{
	p4d_t *p4d;
	pud_t *pud;

	p4d = p4d_offset(pgd, start);
	pud = (pud_t *)__get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: replace '(pud_t *)__get_free_page(GFP_KERNEL)' with 'pud_alloc_one(&init_mm, start)' (pud table, installed by __p4d(__pa()) at {{.*}}:[[@LINE+4]]); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	pud = pud_alloc_one(&init_mm, start);{{$}}
	if (!pud)
		return -1;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	if (start == 0) {
		set_p4d(p4d, __p4d(0));
		free_page((unsigned long)pud);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pud)' with 'pud_free(&init_mm, pud)' (pud table, {{.*}}) [zeroed-page]
// CHECK-FIXES: {{^}}		pud_free(&init_mm, pud);{{$}}
		return -1;
	}
	return 0;
}

int map_all(pgd_t *pgd, p4d_t *p4d, pmd_t *pmd, unsigned long addr)
{
	pte_t *pte = alloc_pte(pmd);

	if (!pte)
		return -1;
	free_pte(pte);
	return map_pmd(p4d, addr) || map_pud(pgd, addr);
}
