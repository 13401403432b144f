// The model in the shapes of Linux before 6.10 (built with
// REFIMPL_PLAIN_ALLOCATORS): the allocators are plain functions, no _noprof
// name is declared, and each allocator does what its 6.12 macro does.
#include "mm_fixture.h"

#ifndef REFIMPL_PLAIN_ALLOCATORS
#error "this suite is built with REFIMPL_PLAIN_ALLOCATORS"
#endif

// Function-like macros would make these the alloc_hooks() shape.
#if defined(get_zeroed_page) || defined(__get_free_pages) ||                   \
    defined(alloc_pages) || defined(pagetable_alloc) ||                        \
    defined(pgtable_alloc) || defined(pgtable_alloc_addr) ||                   \
    defined(pte_alloc_one_kernel) || defined(pmd_alloc_one) ||                 \
    defined(p4d_alloc_one) || defined(pgd_alloc) || defined(alloc_hooks)
#error "an allocator is a macro in the plain shape"
#endif
// The macros over the order-n functions exist in both shapes.
#if !defined(__get_free_page) || !defined(free_page) || !defined(alloc_page)
#error "__get_free_page(), free_page() and alloc_page() are macros"
#endif

namespace {

using refimpl_test::allBytes;
using refimpl_test::AllocInfo;
using refimpl_test::infoOf;

class PlainShape : public refimpl_test::MmTest {};

// Each allocator is a function with the kernel's prototype: its address can
// be taken (a name that is a macro, or a _noprof name, would not compile).
TEST_F(PlainShape, AllocatorsAreFunctionsWithTheKernelsPrototypes) {
  unsigned long (*zeroed)(gfp_t) = get_zeroed_page;
  unsigned long (*free_pages_fn)(gfp_t, unsigned int) = __get_free_pages;
  struct page *(*pages)(gfp_t, unsigned int) = alloc_pages;
  struct ptdesc *(*ptdesc)(gfp_t, unsigned int) = pagetable_alloc;
  void *(*api)(gfp_t, unsigned int) = pgtable_alloc;
  void *(*api_addr)(gfp_t, unsigned int) = pgtable_alloc_addr;
  pte_t *(*pte)(struct mm_struct *) = pte_alloc_one_kernel;
  pgd_t *(*pgd)(struct mm_struct *) = pgd_alloc;
  EXPECT_TRUE(zeroed && free_pages_fn && pages && ptdesc && api && api_addr &&
              pte && pgd);
}

TEST_F(PlainShape, PageAllocatorFunctionsBehaveAsTheMacros) {
  unsigned long zeroed = get_zeroed_page(GFP_KERNEL | __GFP_HIGHMEM);
  unsigned long block = __get_free_pages(GFP_KERNEL | __GFP_HIGHMEM, 2);
  unsigned long single = __get_free_page(GFP_KERNEL);
  struct page *page = alloc_pages(GFP_KERNEL, 1);
  ASSERT_TRUE(zeroed && block && single && page);

  AllocInfo info = infoOf(zeroed);
  EXPECT_STREQ(info.api, "get_zeroed_page");
  EXPECT_EQ(info.family, REFIMPL_FAMILY_PAGE);
  EXPECT_EQ(info.order, 0u);
  EXPECT_TRUE(info.zeroed);
  EXPECT_TRUE(allBytes(zeroed, PAGE_SIZE, 0));
  // No alloc_hooks(): no call site is recorded.
  EXPECT_EQ(info.file, nullptr);

  info = infoOf(block);
  EXPECT_STREQ(info.api, "__get_free_pages");
  EXPECT_EQ(info.order, 2u);
  EXPECT_FALSE(info.zeroed);
  EXPECT_EQ(infoOf(single).order, 0u);
  EXPECT_STREQ(infoOf(page_address(page)).api, "alloc_pages");
  EXPECT_EQ(infoOf(page_address(page)).order, 1u);

  free_page(zeroed);
  free_pages(block, 2);
  free_page(single);
  __free_pages(page, 1);
}

TEST_F(PlainShape, PagetableAllocAndTheNewApi) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 1);
  void *table = pgtable_alloc(GFP_KERNEL, 0);
  void *older = pgtable_alloc_addr(GFP_KERNEL, 1);
  ASSERT_TRUE(pt && table && older);

  AllocInfo info = infoOf(ptdesc_address(pt));
  EXPECT_EQ(info.family, REFIMPL_FAMILY_PTDESC);
  EXPECT_TRUE(info.compound);
  EXPECT_EQ(info.order, 1u);
  info = infoOf(table);
  EXPECT_STREQ(info.api, "pgtable_alloc");
  EXPECT_TRUE(info.zeroed);
  EXPECT_TRUE(allBytes(table, PAGE_SIZE, 0));
  EXPECT_STREQ(infoOf(older).api, "pgtable_alloc_addr");
  EXPECT_EQ(infoOf(older).order, 1u);

  pagetable_free(pt);
  pgtable_free(table);
  pgtable_free_addr(older);
}

TEST_F(PlainShape, PgallocAllocatorsAreTheSameTables) {
  int levels = refimpl_paging_levels();
  ASSERT_EQ(refimpl_set_paging_levels(5), 0);
  struct mm_struct mm = {};
  pgd_t *pgd = pgd_alloc(&mm);
  p4d_t *p4d = p4d_alloc_one(&mm, 0);
  pud_t *pud = pud_alloc_one(&mm, 0);
  pmd_t *pmd = pmd_alloc_one(&mm, 0);
  pte_t *pte = pte_alloc_one_kernel(&mm);
  pgtable_t user_pte = pte_alloc_one(&mm);
  ASSERT_TRUE(pgd && p4d && pud && pmd && pte && user_pte);
  EXPECT_EQ(mm.pgd, pgd);
  EXPECT_EQ(infoOf(pgd).family, REFIMPL_FAMILY_PAGE);
  EXPECT_EQ(infoOf(p4d).family, REFIMPL_FAMILY_PAGE);
  EXPECT_EQ(infoOf(pud).family, REFIMPL_FAMILY_PTDESC);
  EXPECT_EQ(infoOf(pmd).family, REFIMPL_FAMILY_PTDESC);
  EXPECT_EQ(infoOf(pte).family, REFIMPL_FAMILY_PTDESC);
  EXPECT_TRUE(allBytes(pmd, PAGE_SIZE, 0));

  pte_free(&mm, user_pte);
  pte_free_kernel(&mm, pte);
  pmd_free(&mm, pmd);
  pud_free(&mm, pud);
  p4d_free(&mm, p4d);
  pgd_free(&mm, pgd);
  // A kernel pte table is marked whatever the mm: its free waits.
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  refimpl_set_paging_levels(levels);
}

} // namespace
