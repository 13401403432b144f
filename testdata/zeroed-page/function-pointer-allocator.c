// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// Allocators reached only through function pointers, returning the new
// table's physical address, as arm64's __pgd_pgtable_alloc() (passed as
// __create_pgd_mapping()'s pgtable_alloc parameter, and through an alias of
// it) and riscv's alloc_pud_late() (stored in the pt_ops fields) are. The
// solve calls each function whose address reaches the pointer: its result
// reaches the install of the call's result. __pa() spelled as arithmetic
// (arm64, riscv) keeps the page's identity, as the function (x86) does.
// Converted; refused when the function's address also goes where the
// facts do not follow, or when the pointer may hold a function the run
// does not know and its result is freed.
#include <linux/mm.h>
#include <asm/pgalloc.h>

#define BUG_ON(cond) do { if (cond) __builtin_trap(); } while (0)
// __pa() as arm64 and riscv spell it: arithmetic in a statement expression.
#undef __pa
#define __pa(x) ({ unsigned long _x = (unsigned long)(x); _x - 0x1000UL; })
#define TABLE_PROT __pgprot(_KERNPG_TABLE)

static inline void __pmd_populate(pmd_t *pmdp, phys_addr_t ptep,
				  unsigned long prot)
{
	set_pmd(pmdp, __pmd(ptep | prot));
}

phys_addr_t early_table_alloc(int shift);

// arm64's shape: the mask leaves zeroing to the walker; pgtable_alloc()
// zeroes anyway, and the message says so.
static phys_addr_t __table_alloc(int shift)
{
	void *ptr = (void *)__get_free_page(GFP_PGTABLE_KERNEL & ~__GFP_ZERO);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: replace '(void *)__get_free_page(GFP_PGTABLE_KERNEL & ~__GFP_ZERO)' with 'pgtable_alloc(GFP_PGTABLE_KERNEL & ~__GFP_ZERO, 0)' (pte table, installed by __pmd_populate() at {{.*}}:[[@LINE+15]]); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	void *ptr = pgtable_alloc(GFP_PGTABLE_KERNEL & ~__GFP_ZERO, 0);{{$}}

	BUG_ON(!ptr);
	return __pa(ptr);
}

static void map_pmd(pmd_t *pmdp, phys_addr_t (*alloc_fn)(int shift),
		    int flags)
{
	phys_addr_t pte_phys;

	if (!pmd_none(*pmdp))
		return;
	pte_phys = alloc_fn(PAGE_SHIFT);
	__pmd_populate(pmdp, pte_phys, _KERNPG_TABLE);
}

static void __create_mapping_locked(pmd_t *pmdp,
				    phys_addr_t (*alloc_fn)(int shift),
				    int flags)
{
	map_pmd(pmdp, alloc_fn, flags);
}

// Reached through an alias, as create_kpti_ng_temp_pgd() is.
void create_mapping_alias(pmd_t *pmdp, phys_addr_t (*alloc_fn)(int shift),
			  int flags) __attribute__((alias("__create_mapping_locked")));

void map_kernel(pmd_t *pmdp)
{
	__create_mapping_locked(pmdp, __table_alloc, 0);
	create_mapping_alias(pmdp, early_table_alloc, 0);
}

// riscv's shape: the allocator sits in a field of an ops structure, and
// its page is held in an unsigned long.
struct table_ops {
	phys_addr_t (*alloc_pud)(unsigned long va);
	phys_addr_t (*alloc_leaked)(unsigned long va);
};

static struct table_ops ops;

static phys_addr_t alloc_pud_late(unsigned long va)
{
	unsigned long vaddr;

	vaddr = __get_free_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: replace '__get_free_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pud table, installed by native_make_p4d() at {{.*}}:[[@LINE+19]]); retypes 'vaddr' from unsigned long to 'void *' (it is never cast to a pointer); gains zeroing: __get_free_page() did not zero the page [zeroed-page]
// CHECK-FIXES: {{^}}	void *vaddr;{{$}}
// CHECK-FIXES: {{^}}	vaddr = pgtable_alloc(GFP_KERNEL, 0);{{$}}
	BUG_ON(!vaddr);
	return __pa(vaddr);
}

void ops_set_late(void)
{
	ops.alloc_pud = alloc_pud_late;
}

void map_p4d(p4d_t *p4dp, unsigned long va)
{
	phys_addr_t next_phys;

	if (!p4d_none(*p4dp))
		return;
	next_phys = ops.alloc_pud(va);
	set_p4d(p4dp, __p4d(next_phys | _KERNPG_TABLE));
}

// Refused: the function's address is also stored where the facts do not
// follow it, so its page may go anywhere.
static phys_addr_t alloc_leaked(unsigned long va)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: not converted: the page is returned by alloc_leaked(), which is called through a function pointer (at {{.*}}:[[@LINE+12]]); it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	if (!page)
		return 0;
	return __pa(page);
}

phys_addr_t (**leaked_slot)(unsigned long va);

void ops_set_leaked(void)
{
	ops.alloc_leaked = alloc_leaked;
	*leaked_slot = alloc_leaked;
}

void map_p4d_leaked(p4d_t *p4dp, unsigned long va)
{
	set_p4d(p4dp, __p4d(ops.alloc_leaked(va) | _KERNPG_TABLE));
}

// Refused: the pointer may hold a function nothing in the run gives it,
// and the call's result is freed: that free may get another allocator's
// page.
extern void *(*table_alloc_hook)(void);

static void *alloc_hooked(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: not converted: the result of 'table_alloc_hook()' comes from the call through 'table_alloc_hook', which may hold a function the facts do not know at {{.*}}:[[@LINE+12]]; it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]
}

void *(*local_hook)(void) = alloc_hooked;

void map_hooked(pmd_t *pmd, bool local)
{
	pte_t *pte;

	if (local)
		pte = local_hook();
	else
		pte = table_alloc_hook();
	pmd_populate_kernel(&init_mm, pmd, pte);
	free_page((unsigned long)pte);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: the result of 'table_alloc_hook()' comes from the call through 'table_alloc_hook', which may hold a function the facts do not know at {{.*}}:[[@LINE-3]]; it would replace 'free_page((unsigned long)pte)' with 'pgtable_free(pte)' [zeroed-page]
}

// Converted: an ops structure with designated initializers, the shape of
// most kernel ops tables.
struct walk_ops {
	phys_addr_t (*alloc_table)(int shift);
};

static phys_addr_t ops_table_alloc(int shift)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' (pte table, installed by native_make_pmd() at {{.*}}:[[@LINE+14]]) [zeroed-page]
// CHECK-FIXES: {{^}}	void *page = pgtable_alloc(GFP_KERNEL, 0);{{$}}

	return __pa(page);
}

static const struct walk_ops kernel_walk_ops = {
	.alloc_table = ops_table_alloc,
};

static void map_with_ops(pmd_t *pmd, const struct walk_ops *ops)
{
	phys_addr_t phys = ops->alloc_table(PAGE_SHIFT);

	set_pmd(pmd, __pmd(phys | _KERNPG_TABLE));
}

void map_kernel_ops(pmd_t *pmd)
{
	map_with_ops(pmd, &kernel_walk_ops);
}

// Refused: an array of ops structures is not followed, so the function's
// address is taken where the facts do not see its calls.
static phys_addr_t level_table_alloc(int shift)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: not converted: the page is returned by level_table_alloc(), which is called through a function pointer (at {{.*}}:[[@LINE+6]]); it would replace '(void *)get_zeroed_page(GFP_KERNEL)' with 'pgtable_alloc(GFP_KERNEL, 0)' [zeroed-page]

	return __pa(page);
}

const struct walk_ops ops_by_level[] = {
	{ .alloc_table = level_table_alloc },
};

void map_level(pmd_t *pmd, int level)
{
	phys_addr_t phys = ops_by_level[level].alloc_table(PAGE_SHIFT);

	set_pmd(pmd, __pmd(phys | _KERNPG_TABLE));
}
