// SPDX-License-Identifier: GPL-2.0-only
/// Move page-table allocations and frees to pgtable_alloc()/pgtable_free().
///
/// pgtable_alloc(gfp, order) always returns zeroed memory, so it replaces
/// get_zeroed_page() and the __get_free_page(s)() calls that ask for
/// __GFP_ZERO (or GFP_PGTABLE_KERNEL/GFP_PGTABLE_USER, which include it),
/// with __GFP_ZERO dropped from the flags; pgtable_free(addr) replaces
/// free_page()/free_pages() of a table and pagetable_free(virt_to_ptdesc()).
///
/// A page counts as a page table only where its type says so: a cast to,
/// or a pointer of, pgd_t, p4d_t, pud_t, pmd_t or pte_t. A table kept in an
/// unsigned long or a void * is not found, nor is a free whose argument
/// Coccinelle cannot type (a field of a struct declared in a header: with
/// --recursive-includes and the kernel's -I directories it is typed, at
/// some 15 s a file). Allocations and frees are converted one by one:
/// nothing checks that a converted allocation's page is freed with
/// pgtable_free() everywhere, nor that a converted free is never given
/// NULL (free_page(0) does nothing; pgtable_free() takes a table), so
/// review every hunk. pgtable-migrate does that analysis, and refuses
/// what it cannot prove.
///
/// Run from the tree's root, one directory at a time (spatch keeps only the
/// last --dir), the patch on stdout, the tree untouched:
///   for d in arch/x86 include/asm-generic mm; do
///     spatch --sp-file scripts/pgtable.cocci --dir $d --no-includes \
///            --include-headers --very-quiet --patch . -j 2
///   done
//
// Confidence: Medium
// Comments: pgtable_alloc() keeps __get_free_pages()' order; pgtable_free()
//  takes none (the page knows it).
// Options: --no-includes --include-headers

// (T *)get_zeroed_page(gfp) and a table pointer assigned any
// get_zeroed_page().
@zeroed_page@
typedef pgd_t, p4d_t, pud_t, pmd_t, pte_t;
type T = {pgd_t, p4d_t, pud_t, pmd_t, pte_t};
{pgd_t *, p4d_t *, pud_t *, pmd_t *, pte_t *} t;
expression G;
@@
(
- (T *)get_zeroed_page(G)
+ pgtable_alloc(G, 0)
|
  t =
- (void *)get_zeroed_page(G)
+ pgtable_alloc(G, 0)
)

// (T *)__get_free_page(s)() asking for a zeroed page. The flags are
// commutative (standard.iso), so G | __GFP_ZERO also matches
// __GFP_ZERO | G.
@free_pages_zero@
type T = {pgd_t, p4d_t, pud_t, pmd_t, pte_t};
identifier Z = {GFP_PGTABLE_KERNEL, GFP_PGTABLE_USER};
expression G, G2, O;
@@
(
- (T *)__get_free_page(G | __GFP_ZERO)
+ pgtable_alloc(G, 0)
|
- (T *)__get_free_page(G | __GFP_ZERO | G2)
+ pgtable_alloc(G | G2, 0)
|
- (T *)__get_free_page(Z)
+ pgtable_alloc(Z, 0)
|
- (T *)__get_free_pages(G | __GFP_ZERO, O)
+ pgtable_alloc(G, O)
|
- (T *)__get_free_pages(G | __GFP_ZERO | G2, O)
+ pgtable_alloc(G | G2, O)
|
- (T *)__get_free_pages(Z, O)
+ pgtable_alloc(Z, O)
)

// The same without the cast, where the result goes to a table pointer.
@free_pages_zero_assigned@
{pgd_t *, p4d_t *, pud_t *, pmd_t *, pte_t *} t;
expression G, G2, O;
@@
  t =
(
- (void *)__get_free_page(G | __GFP_ZERO)
+ pgtable_alloc(G, 0)
|
- (void *)__get_free_page(G | __GFP_ZERO | G2)
+ pgtable_alloc(G | G2, 0)
|
- (void *)__get_free_pages(G | __GFP_ZERO, O)
+ pgtable_alloc(G, O)
|
- (void *)__get_free_pages(G | __GFP_ZERO | G2, O)
+ pgtable_alloc(G | G2, O)
)

// A ptdesc allocation whose only use is its address.
@ptdesc_address@
expression G, O;
@@
- ptdesc_address(pagetable_alloc(G, O))
+ pgtable_alloc(G, O)

// Frees of a table pointer. Every ptdesc is a page table, so
// pagetable_free(virt_to_ptdesc(p)) needs no type.
@free@
{pgd_t *, p4d_t *, pud_t *, pmd_t *, pte_t *} t;
expression E, O;
@@
(
- free_page((unsigned long)t)
+ pgtable_free(t)
|
- free_pages((unsigned long)t, O)
+ pgtable_free(t)
|
- pagetable_free(virt_to_ptdesc(E))
+ pgtable_free(E)
)
