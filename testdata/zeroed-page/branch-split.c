// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Branch-split allocators, as arm64's pgd_alloc()/pgd_free() are: the page
// allocator when a table fills a page, a slab cache otherwise. The
// condition is a constant of the configuration, so only one branch exists
// in each: the other is never run there and adds nothing to the facts.
// The run's configuration (x86_64 here) decides, also through a function
// that returns one constant whenever it runs, as arm64's
// pgdir_is_page_size() does. Refused, with the reason:
// a page allocation only a branch the configuration never runs holds; a
// split on a condition known only at run time, where the slab's object
// reaches the same free.
#include <linux/mm.h>
#include <asm/pgalloc.h>

struct kmem_cache;
extern struct kmem_cache *table_cache;
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *object);
extern bool slab_ready;

#define PMD_TABLE_SIZE (PTRS_PER_PMD * sizeof(pmd_t))
#define PTE_TABLE_SMALL (PTRS_PER_PTE * sizeof(pte_t) < PAGE_SIZE)

static bool pmd_is_page_size(void)
{
	if (PMD_TABLE_SIZE == PAGE_SIZE)
		return true;
	return slab_ready && PTRS_PER_PMD > 1;
}

// Converted: a pmd table fills a page, so the slab branches are never run.
static pmd_t *alloc_pmd_table(void)
{
	if (pmd_is_page_size())
		return (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: replace '(pmd_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pmd table, installed by pud_populate() at {{.*}}:[[@LINE+25]]) [zeroed-page]
// CHECK-FIXES: {{^}}		return pgtable_alloc(GFP_KERNEL, 0);{{$}}
	return kmem_cache_alloc(table_cache, GFP_KERNEL);
}

static void free_pmd_table(pmd_t *pmd)
{
	if (PMD_TABLE_SIZE == PAGE_SIZE)
		free_page((unsigned long)pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: replace 'free_page((unsigned long)pmd)' with 'pgtable_free(pmd)' (pmd table, installed by pud_populate() at {{.*}}:[[@LINE+16]]) [zeroed-page]
// CHECK-FIXES: {{^}}		pgtable_free(pmd);{{$}}
	else
		kmem_cache_free(table_cache, pmd);
}

int map_pmd(pud_t *pud, int busy)
{
	pmd_t *pmd = alloc_pmd_table();

	if (!pmd)
		return -1;
	if (busy) {
		free_pmd_table(pmd);
		return -1;
	}
	pud_populate(&init_mm, pud, pmd);
	return 0;
}

// Refused: a pte table does not leave room, so this configuration never
// runs the page allocation.
static pte_t *alloc_pte_table(void)
{
	if (PTE_TABLE_SMALL)
		return (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: not converted: the call is in code that the run's configurations (x86_64) never run (a branch whose condition is a constant there, or code after a return): nothing shows what its page becomes; it would replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
	return kmem_cache_alloc(table_cache, GFP_KERNEL);
}

int map_pte(pmd_t *pmd)
{
	pte_t *pte = alloc_pte_table();

	if (!pte)
		return -1;
	pmd_populate_kernel(&init_mm, pmd, pte);
	return 0;
}

// Refused: the condition is known only at run time, and the slab's object
// reaches the free too.
static pud_t *alloc_pud_table(void)
{
	if (slab_ready)
		return kmem_cache_alloc(table_cache, GFP_KERNEL);
	return (pud_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: not converted: 'alloc_pud_table()' returns an object of kmem_cache_alloc(), another allocator at {{.*}}:[[@LINE-2]]; it would replace '(pud_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
}

int map_pud(p4d_t *p4d)
{
	pud_t *pud = alloc_pud_table();

	if (!pud)
		return -1;
	if (!p4d_none(*p4d)) {
		free_page((unsigned long)pud);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'alloc_pud_table()' returns an object of kmem_cache_alloc(), another allocator at {{.*}}:[[@LINE-13]]; it would replace 'free_page((unsigned long)pud)' with 'pgtable_free(pud)' [zeroed-page]
		return 0;
	}
	p4d_populate(&init_mm, p4d, pud);
	return 0;
}

// Refused: the page goes to the slab's free on one path.
static void free_p4d_table(p4d_t *p4d)
{
	if (slab_ready)
		kmem_cache_free(table_cache, p4d);
	else
		free_page((unsigned long)p4d);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: not converted: 'p4d' is freed by kmem_cache_free(), another allocator's free at {{.*}}:[[@LINE-3]]; it would replace 'free_page((unsigned long)p4d)' with 'pgtable_free(p4d)' [zeroed-page]
}

int map_p4d(pgd_t *pgd)
{
	p4d_t *p4d = (p4d_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'p4d' is freed by kmem_cache_free(), another allocator's free at {{.*}}:[[@LINE-9]]; it would replace '(p4d_t *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!p4d)
		return -1;
	if (!pgd_none(*pgd)) {
		free_p4d_table(p4d);
		return 0;
	}
	pgd_populate(&init_mm, pgd, p4d);
	return 0;
}
