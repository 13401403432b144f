// RUN: %check_fixes %s %t -- --rules=zeroed-page --target=level -- -isystem %refimpl_include
// --target=level refuses a group, with the reason, whenever its level's
// constructor and destructor could not take the place of the old calls.
#include <linux/mm.h>
#include <asm/pgalloc.h>

/* An mm other than init_mm: a user table, not the kernel's. */
int user_pte(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: its tables may be another mm's than init_mm's: installed by pmd_populate_kernel() at {{.*}}:[[@LINE+4]] installs them where an mm is in scope, and --target=level converts kernel tables only (--target=pgtable converts it); it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	pmd_populate_kernel(mm, pmd, pte);
	return 0;
}

/* Order 1: no constructor allocates two pages. */
int two_pages(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: its order is not 0: pte_alloc_one_kernel() allocates one page (--target=pgtable converts it); it would replace '(pte_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1)' with 'pgtable_alloc(GFP_KERNEL, 1)' [zeroed-page]

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	if (pte_none(pte[0])) {
		pmd_clear(pmd);
		free_pages((unsigned long)pte, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: --target=level: its order is not 0: pte_alloc_one_kernel() allocates one page (--target=pgtable converts it); it would replace 'free_pages((unsigned long)pte, 1)' with 'pgtable_free(pte)' [zeroed-page]
		return -1;
	}
	return 0;
}

/* GFP_ATOMIC: the constructor may sleep. */
int atomic_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_ATOMIC);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], its gfp mask 'GFP_ATOMIC' is not GFP_KERNEL: pte_alloc_one_kernel() allocates with GFP_PGTABLE_KERNEL (GFP_KERNEL | __GFP_ZERO), which may sleep and keeps no other flag (--target=pgtable converts it); it would replace '(pte_t *)get_zeroed_page(GFP_ATOMIC)' with 'pgtable_alloc(GFP_ATOMIC, 0)'{{.*}} [zeroed-page]

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

/* Accounting: the kernel-table constructor does not account. */
int accounted_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], its gfp mask 'GFP_KERNEL_ACCOUNT' accounts the page to a memory cgroup, which pte_alloc_one_kernel(&init_mm, ...) does not (it allocates with GFP_PGTABLE_KERNEL) (--target=pgtable converts it); it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL_ACCOUNT)' with 'pgtable_alloc(GFP_KERNEL_ACCOUNT, 0)'{{.*}} [zeroed-page]

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

/* The entry is a parameter: the address the table maps is not in scope. */
int pmd_without_address(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], pmd_alloc_one() takes the address the table maps, and the entry 'pud' it is installed in is a parameter of pmd_without_address(): the address is not in scope (--target=pgtable converts it); it would replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

/* p4d: Linux 6.12's asm-generic has no p4d constructor (x86's is its own). */
int p4d_of_arch(pgd_t *pgd, unsigned long addr)
{
	p4d_t *p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: --target=level: p4d tables have no asm-generic constructor to convert to (p4d_alloc_one() is each arch's own) (--target=pgtable converts it); it would replace '(p4d_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!p4d)
		return -1;
	set_pgd(pgd_offset_k(addr), __pgd(__pa(p4d) | _KERNPG_TABLE));
	return 0;
}

/* Its value is kept as another type than the constructor's. */
int wrong_type(pmd_t *pmd)
{
	unsigned char *bytes = (unsigned char *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: not converted: --target=level: at {{.*}}.c:[[@LINE-1]], its value is used as 'unsigned char *', not a pte_t pointer (--target=pgtable converts it); it would replace '(unsigned char *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!bytes)
		return -1;
	set_pmd(pmd, __pmd(__pa(bytes) | _KERNPG_TABLE));
	return 0;
}
