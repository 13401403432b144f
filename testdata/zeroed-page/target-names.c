// The target names follow --api and --alloc-name/--free-name, also in what
// a refused site says it would do.
// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// RUN: %check_fixes --check-suffix=ADDR %s %t.addr -- --rules=zeroed-page --api=addr -- -isystem %refimpl_include
// RUN: %check_fixes --check-suffix=NAMED %s %t.named -- --rules=zeroed-page --alloc-name=arch_table_alloc --free-name=arch_table_free -- -isystem %refimpl_include
#include <linux/mm.h>

void *arch_table_alloc_noprof(gfp_t gfp, unsigned int order);
#define arch_table_alloc(...) alloc_hooks(arch_table_alloc_noprof(__VA_ARGS__))
void arch_table_free(const void *addr);
void stash(void *p);

int install(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+9]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pte_t *pte = pgtable_alloc(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc_addr(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+7]]) [zeroed-page]
// CHECK-FIXES-ADDR: {{^}}	pte_t *pte = pgtable_alloc_addr(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-NAMED: :[[@LINE-5]]:24: warning: replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'arch_table_alloc(GFP_KERNEL, 0)' (pte table, installed by __pmd(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES-NAMED: {{^}}	pte_t *pte = arch_table_alloc(GFP_KERNEL, 0);{{$}}

	if (!pte)
		return -1;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}

int install_noprof(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page_noprof(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: replace '(pmd_t *)get_zeroed_page_noprof(GFP_KERNEL)' with 'pgtable_alloc_noprof(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+9]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pmd_t *pmd = pgtable_alloc_noprof(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:24: warning: replace '(pmd_t *)get_zeroed_page_noprof(GFP_KERNEL)' with 'pgtable_alloc_addr_noprof(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+7]]) [zeroed-page]
// CHECK-FIXES-ADDR: {{^}}	pmd_t *pmd = pgtable_alloc_addr_noprof(GFP_KERNEL, 0);{{$}}
// CHECK-MESSAGES-NAMED: :[[@LINE-5]]:24: warning: replace '(pmd_t *)get_zeroed_page_noprof(GFP_KERNEL)' with 'arch_table_alloc_noprof(GFP_KERNEL, 0)' (pmd table, installed by __pud(__pa()) at {{.*}}:[[@LINE+5]]) [zeroed-page]
// CHECK-FIXES-NAMED: {{^}}	pmd_t *pmd = arch_table_alloc_noprof(GFP_KERNEL, 0);{{$}}

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void release(pmd_t *pmd)
{
	free_page((unsigned long)pmd_page_vaddr(*pmd));
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-1]]) [zeroed-page]
// CHECK-FIXES: {{^}}	pgtable_free(pmd_page_vaddr(*pmd));{{$}}
// CHECK-MESSAGES-ADDR: :[[@LINE-3]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'pgtable_free_addr(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-3]]) [zeroed-page]
// CHECK-FIXES-ADDR: {{^}}	pgtable_free_addr(pmd_page_vaddr(*pmd));{{$}}
// CHECK-MESSAGES-NAMED: :[[@LINE-5]]:2: warning: replace 'free_page((unsigned long)pmd_page_vaddr(*pmd))' with 'arch_table_free(pmd_page_vaddr(*pmd))' (pte table, from pmd_page_vaddr() at {{.*}}:[[@LINE-5]]) [zeroed-page]
// CHECK-FIXES-NAMED: {{^}}	arch_table_free(pmd_page_vaddr(*pmd));{{$}}
}

int install_stashed(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'pte' is passed to stash() at {{.*}}:[[@LINE+6]], which no compiled unit defines; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
// CHECK-MESSAGES-ADDR: :[[@LINE-2]]:24: warning: not converted: 'pte' is passed to stash() at {{.*}}:[[@LINE+5]], which no compiled unit defines; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc_addr(GFP_KERNEL, 0)' [zeroed-page]
// CHECK-MESSAGES-NAMED: :[[@LINE-3]]:24: warning: not converted: 'pte' is passed to stash() at {{.*}}:[[@LINE+4]], which no compiled unit defines; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'arch_table_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!pte)
		return -1;
	stash(pte);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
