// ptdescs and the new address-based page-table API: conversions, the
// overlay of struct ptdesc on struct page, pagetable_alloc()/free(),
// constructors, kernel page-table marking and deferred free, and the
// equivalence of pgtable_alloc()/pgtable_free() with their definitions.
#include "mm_fixture.h"
#include "new_api_checks.h"

namespace {

using refimpl_test::allBytes;
using refimpl_test::AllocInfo;
using refimpl_test::infoOf;

constexpr unsigned int kMaxOrder = 10;

class Ptdesc : public refimpl_test::MmTest {};

// ---- conversions ----

TEST_F(Ptdesc, ConversionsRoundTrip) {
  for (unsigned int order = 0; order <= 3; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, order);
    ASSERT_NE(pt, nullptr);
    struct page *page = ptdesc_page(pt);
    void *addr = ptdesc_address(pt);
    EXPECT_EQ((void *)page, (void *)pt) << "a ptdesc is its struct page";
    EXPECT_EQ(page_ptdesc(page), pt);
    EXPECT_EQ(ptdesc_page(page_ptdesc(page)), page);
    EXPECT_EQ(addr, page_address(page));
    EXPECT_EQ(virt_to_ptdesc(addr), pt);
    EXPECT_EQ(ptdesc_address(virt_to_ptdesc(addr)), addr);
    EXPECT_EQ(virt_to_page(addr), page);
    // Any byte of the head page converts to the same ptdesc.
    EXPECT_EQ(virt_to_ptdesc((char *)addr + PAGE_SIZE - 1), pt);
    EXPECT_EQ(ptdesc_order(pt), order);
    for (unsigned long i = 1; i < (1UL << order); i++) {
      char *sub = (char *)addr + i * PAGE_SIZE;
      EXPECT_EQ(virt_to_ptdesc(sub), page_ptdesc(&page[i]));
      EXPECT_EQ(ptdesc_address(page_ptdesc(&page[i])), (void *)sub);
    }
    pagetable_free(pt);
  }
}

// ---- struct ptdesc overlays struct page ----

TEST(PtdescLayout, FieldsOverlayStructPage) {
  static_assert(sizeof(struct ptdesc) <= sizeof(struct page));
  EXPECT_EQ(offsetof(struct ptdesc, __page_flags),
            offsetof(struct page, flags));
  EXPECT_EQ(offsetof(struct ptdesc, pt_list),
            offsetof(struct page, compound_head));
  EXPECT_EQ(offsetof(struct ptdesc, pt_rcu_head),
            offsetof(struct page, compound_head));
  EXPECT_EQ(offsetof(struct ptdesc, _pt_pad_1),
            offsetof(struct page, compound_head));
  EXPECT_EQ(offsetof(struct ptdesc, __page_mapping),
            offsetof(struct page, mapping));
  EXPECT_EQ(offsetof(struct ptdesc, pt_index), offsetof(struct page, index));
  EXPECT_EQ(offsetof(struct ptdesc, pt_mm), offsetof(struct page, index));
  EXPECT_EQ(offsetof(struct ptdesc, _pt_pad_2),
            offsetof(struct page, private_));
  EXPECT_EQ(offsetof(struct ptdesc, ptl), offsetof(struct page, private_));
  EXPECT_EQ(offsetof(struct ptdesc, __page_type),
            offsetof(struct page, page_type));
  EXPECT_EQ(offsetof(struct ptdesc, __page_refcount),
            offsetof(struct page, _refcount));
  EXPECT_EQ(offsetof(struct ptdesc, pt_memcg_data),
            offsetof(struct page, memcg_data));
}

TEST_F(Ptdesc, WritesThroughOneViewAreSeenThroughTheOther) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  struct page *page = ptdesc_page(pt);
  EXPECT_EQ(pt->__page_flags, page->flags);
  EXPECT_EQ(pt->__page_refcount.counter, page_ref_count(page));
  EXPECT_EQ(pt->__page_refcount.counter, 1);
  __SetPageTable(page);
  EXPECT_EQ(pt->__page_type, PGTY_table);
  __ClearPageTable(page);
  EXPECT_EQ(pt->__page_type, PGTY_none);
  pt->pt_index = 0x1234;
  EXPECT_EQ(page->index, 0x1234UL);
  pt->pt_index = 0;
  pagetable_free(pt);
}

// ---- pagetable_alloc() / pagetable_free() ----

TEST_F(Ptdesc, PagetableAllocAddsGfpComp) {
  for (unsigned int order = 0; order <= 3; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    struct ptdesc *pt = pagetable_alloc(GFP_KERNEL, order); // no __GFP_COMP
    ASSERT_NE(pt, nullptr);
    struct page *page = ptdesc_page(pt);
    AllocInfo info = infoOf(ptdesc_address(pt));
    EXPECT_TRUE(info.live);
    EXPECT_EQ(info.family, REFIMPL_FAMILY_PTDESC);
    EXPECT_STREQ(info.api, "pagetable_alloc");
    EXPECT_EQ(info.order, order);
    EXPECT_EQ(info.compound, order > 0);
    EXPECT_EQ(PageHead(page), order > 0);
    EXPECT_EQ(compound_order(page), order);
    EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
    // Without __GFP_ZERO, pagetable_alloc() does not zero.
    EXPECT_FALSE(info.zeroed);
    EXPECT_TRUE(
        allBytes(ptdesc_address(pt), PAGE_SIZE << order, REFIMPL_POISON_ALLOC));
    pagetable_free(pt);
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  }
}

TEST_F(Ptdesc, PagetableFreeFreesCompoundOrder) {
  for (unsigned int order = 0; order <= 3; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    struct page *neighbour = alloc_page(GFP_KERNEL);
    struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, order);
    ASSERT_TRUE(neighbour && pt);
    void *addr = ptdesc_address(pt);
    EXPECT_TRUE(allBytes(addr, PAGE_SIZE << order, 0));
    EXPECT_TRUE(infoOf(addr).zeroed);
    memset(addr, 0x33, PAGE_SIZE << order);
    pagetable_free(pt);
    EXPECT_EQ(refimpl_pages_in_use(), 1UL) << "exactly 2^order pages freed";
    EXPECT_FALSE(infoOf(addr).live);
    EXPECT_TRUE(allBytes(addr, PAGE_SIZE << order, REFIMPL_POISON_FREE));
    EXPECT_TRUE(infoOf(page_address(neighbour)).live);
    __free_page(neighbour);
  }
}

TEST_F(Ptdesc, DoubleUnderscorePagetableFreeIsImmediate) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 2);
  ASSERT_NE(pt, nullptr);
  ptdesc_set_kernel(pt); // ignored: __pagetable_free() never defers
  __pagetable_free(pt);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Ptdesc, PagetableAllocFailures) {
  EXPECT_EQ(pagetable_alloc(GFP_PGTABLE_KERNEL, kMaxOrder + 1), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pagetable_alloc(GFP_PGTABLE_KERNEL, 0), nullptr);
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  EXPECT_NE(pt, nullptr) << "only the injected call fails";
  pagetable_free(pt);
}

TEST_F(Ptdesc, PagetableAllocRecordsTheCallSite) {
  const int line = __LINE__ + 1;
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_NE(pt, nullptr);
  AllocInfo info = infoOf(ptdesc_address(pt));
  EXPECT_STREQ(info.file, __FILE__);
  EXPECT_EQ(info.line, line);
  pagetable_free(pt);
}

// ---- constructors ----

TEST_F(Ptdesc, PteCtorDtorSetAndClearPageTable) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  EXPECT_TRUE(pagetable_pte_ctor(pt));
  EXPECT_TRUE(PageTable(ptdesc_page(pt)));
  pagetable_pte_dtor(pt);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  pagetable_free(pt);
}

TEST_F(Ptdesc, PmdCtorDtorSetAndClearPageTable) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  pt->pmd_huge_pte = (pgtable_t)(uintptr_t)0xdead000;
  EXPECT_TRUE(pagetable_pmd_ctor(pt));
  EXPECT_TRUE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(pt->pmd_huge_pte, nullptr);
  pagetable_pmd_dtor(pt);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  pagetable_free(pt);
}

TEST_F(Ptdesc, CtorKeepsCompoundState) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_NE(pt, nullptr);
  ASSERT_TRUE(pagetable_pmd_ctor(pt));
  EXPECT_TRUE(PageHead(ptdesc_page(pt)));
  EXPECT_EQ(ptdesc_order(pt), 1u);
  pagetable_pmd_dtor(pt);
  pagetable_free(pt);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

// ---- kernel page tables and deferred free ----

TEST_F(Ptdesc, KernelMarkSetTestClear) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 2);
  ASSERT_NE(pt, nullptr);
  EXPECT_FALSE(ptdesc_test_kernel(pt));
  ptdesc_set_kernel(pt);
  EXPECT_TRUE(ptdesc_test_kernel(pt));
  EXPECT_NE(ptdesc_page(pt)->flags & (1UL << PT_kernel), 0UL);
  // The mark does not disturb the compound page.
  EXPECT_TRUE(PageHead(ptdesc_page(pt)));
  EXPECT_EQ(ptdesc_order(pt), 2u);
  ptdesc_set_kernel(pt);
  EXPECT_TRUE(ptdesc_test_kernel(pt)) << "idempotent";
  ptdesc_clear_kernel(pt);
  EXPECT_FALSE(ptdesc_test_kernel(pt));
  EXPECT_TRUE(PageHead(ptdesc_page(pt)));
  // Only marked page tables defer.
  pagetable_free(pt);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Ptdesc, KernelPageTableFreeIsDeferred) {
  for (unsigned int order = 0; order <= 3; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    size_t len = PAGE_SIZE << order;
    struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, order);
    ASSERT_NE(pt, nullptr);
    void *addr = ptdesc_address(pt);
    memset(addr, 0x44, len);
    ptdesc_set_kernel(pt);
    pagetable_free(pt);

    EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
    EXPECT_FALSE(ptdesc_test_kernel(pt)) << "the mark is consumed";
    EXPECT_TRUE(infoOf(addr).live) << "still allocated while queued";
    EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
    EXPECT_TRUE(allBytes(addr, len, 0x44)) << "not poisoned while queued";
    // An IOMMU may still walk it: not a walk of a freed table.
    refimpl_note_table_read(addr, "iommu");
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    // Queued tables are not leaks.
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    // Queueing reuses struct ptdesc fields: the compound page survives.
    EXPECT_EQ(compound_order(ptdesc_page(pt)), order);

    EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
    EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
    EXPECT_FALSE(infoOf(addr).live);
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
    EXPECT_TRUE(allBytes(addr, len, REFIMPL_POISON_FREE));
    EXPECT_EQ(refimpl_violation_count(), 0UL);
  }
}

TEST_F(Ptdesc, FlushFreesEveryQueuedTable) {
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 0UL) << "empty queue";
  std::vector<void *> addrs;
  for (unsigned int order : {0u, 1u, 0u, 3u}) {
    struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, order);
    ASSERT_NE(pt, nullptr);
    addrs.push_back(ptdesc_address(pt));
    ptdesc_set_kernel(pt);
    pagetable_free(pt);
    EXPECT_EQ(refimpl_kernel_pgtable_pending(), addrs.size());
  }
  EXPECT_EQ(refimpl_live_allocations(), 4UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 4UL);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  for (void *addr : addrs)
    EXPECT_FALSE(infoOf(addr).live);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 0UL) << "nothing twice";
}

TEST_F(Ptdesc, QueuedTablesSurviveOtherAllocations) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_NE(pt, nullptr);
  ptdesc_set_kernel(pt);
  pagetable_free(pt);
  // Queued pages are not handed out again before the flush.
  std::vector<unsigned long> pages;
  while (unsigned long a = __get_free_page(GFP_KERNEL)) {
    EXPECT_NE(virt_to_ptdesc((void *)a), pt);
    pages.push_back(a);
  }
  EXPECT_EQ(pages.size(), kPages - 1 - 2);
  for (unsigned long a : pages)
    free_page(a);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
}

TEST_F(Ptdesc, MemInitAndTeardownDropTheQueue) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  ptdesc_set_kernel(pt);
  pagetable_free(pt);
  ASSERT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  ASSERT_EQ(refimpl_mem_init(kPages), 0);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 0UL);

  pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  ptdesc_set_kernel(pt);
  pagetable_free(pt);
  ASSERT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  refimpl_mem_teardown();
  // The queue lived in the released mem_map: it must be gone, not flushed.
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 0UL);
}

// ---- the new API ----

using refimpl_test::NewApi;

void *callPgtableAlloc(gfp_t gfp, unsigned int order) {
  return pgtable_alloc(gfp, order);
}

void *callPgtableAllocAddr(gfp_t gfp, unsigned int order) {
  return pgtable_alloc_addr(gfp, order);
}

const NewApi kNewApis[] = {
    {"pgtable_alloc", callPgtableAlloc, pgtable_free},
    {"pgtable_alloc_addr", callPgtableAllocAddr, pgtable_free_addr},
};

TEST_F(Ptdesc, NewApiReturnsZeroedTablesOfTheRightOrder) {
  for (const NewApi &api : kNewApis)
    refimpl_test::expectZeroedTablesOfTheRightOrder(api);
}

TEST_F(Ptdesc, NewApiZeroesReusedDirtyMemory) {
  ASSERT_EQ(refimpl_mem_init(2), 0); // one usable page: always reused
  for (const NewApi &api : kNewApis)
    refimpl_test::expectZeroesReusedDirtyMemory(api);
}

TEST_F(Ptdesc, NewApiFailures) {
  for (const NewApi &api : kNewApis)
    refimpl_test::expectNullOnFailure(api, kMaxOrder);
}

TEST_F(Ptdesc, NewApiNamesAreInterchangeable) {
  void *a = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  void *b = pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 2);
  ASSERT_TRUE(a && b);
  pgtable_free_addr(a);
  pgtable_free(b);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Ptdesc, NewApiRecordsTheCallSite) {
  const int line_a = __LINE__ + 1;
  void *a = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line_b = __LINE__ + 1;
  void *b = pgtable_alloc_addr(GFP_PGTABLE_USER, 1);
  ASSERT_TRUE(a && b);
  EXPECT_STREQ(infoOf(a).file, __FILE__);
  EXPECT_EQ(infoOf(a).line, line_a);
  EXPECT_STREQ(infoOf(b).file, __FILE__);
  EXPECT_EQ(infoOf(b).line, line_b);
  pgtable_free(a);
  pgtable_free(b);
}

TEST_F(Ptdesc, KernelMarkedNewApiTableDefersThroughPgtableFree) {
  for (const NewApi &api : kNewApis) {
    SCOPED_TRACE(api.alloc_name);
    void *addr = api.alloc(GFP_PGTABLE_KERNEL, 1);
    ASSERT_NE(addr, nullptr);
    ptdesc_set_kernel(virt_to_ptdesc(addr));
    api.free(addr);
    EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
    EXPECT_TRUE(infoOf(addr).live);
    EXPECT_TRUE(allBytes(addr, 2 * PAGE_SIZE, 0)) << "not yet poisoned";
    EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
    EXPECT_FALSE(infoOf(addr).live);
    EXPECT_TRUE(allBytes(addr, 2 * PAGE_SIZE, REFIMPL_POISON_FREE));
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  }
}

// ---- equivalence with the definitions ----
// pgtable_alloc(gfp, order) is
//     ptdesc_address(pagetable_alloc(gfp | __GFP_ZERO, order))
// and pgtable_free(addr) is pagetable_free(virt_to_ptdesc(addr)).

enum class FreeRoute { kPgtableFree, kPgtableFreeAddr, kPagetableFree };

void freeVia(FreeRoute route, void *addr) {
  switch (route) {
  case FreeRoute::kPgtableFree:
    pgtable_free(addr);
    break;
  case FreeRoute::kPgtableFreeAddr:
    pgtable_free_addr(addr);
    break;
  case FreeRoute::kPagetableFree:
    pagetable_free(virt_to_ptdesc(addr));
    break;
  }
}

const gfp_t kGfpMasks[] = {
    GFP_KERNEL,
    GFP_PGTABLE_KERNEL,
    GFP_PGTABLE_USER,
    GFP_KERNEL_ACCOUNT,
    GFP_ATOMIC,
    GFP_NOWAIT,
    GFP_KERNEL | __GFP_COMP,
    GFP_ATOMIC | __GFP_ZERO,
    GFP_USER,
};

class Equivalence
    : public refimpl_test::MmTest,
      public ::testing::WithParamInterface<std::tuple<unsigned int, gfp_t>> {};

TEST_P(Equivalence, SameRecordsAndFreesCleanlyEitherWay) {
  const auto [order, gfp] = GetParam();
  const size_t len = PAGE_SIZE << order;
  const FreeRoute routes[] = {FreeRoute::kPgtableFree,
                              FreeRoute::kPgtableFreeAddr,
                              FreeRoute::kPagetableFree};
  for (FreeRoute new_route : routes) {
    for (FreeRoute def_route : routes) {
      SCOPED_TRACE("routes " + std::to_string((int)new_route) + "/" +
                   std::to_string((int)def_route));
      void *by_new = pgtable_alloc(gfp, order);
      struct ptdesc *pt = pagetable_alloc(gfp | __GFP_ZERO, order);
      ASSERT_NE(by_new, nullptr);
      ASSERT_NE(pt, nullptr);
      void *by_def = ptdesc_address(pt);

      AllocInfo a = infoOf(by_new);
      AllocInfo b = infoOf(by_def);
      EXPECT_TRUE(a.live);
      EXPECT_TRUE(b.live);
      EXPECT_EQ(a.family, b.family);
      EXPECT_EQ(a.order, b.order);
      EXPECT_EQ(a.order, order);
      EXPECT_EQ(a.compound, b.compound);
      EXPECT_EQ(a.zeroed, b.zeroed);
      EXPECT_TRUE(a.zeroed);
      EXPECT_TRUE(allBytes(by_new, len, 0));
      EXPECT_TRUE(allBytes(by_def, len, 0));
      EXPECT_EQ(PageHead(virt_to_page(by_new)), PageHead(ptdesc_page(pt)));
      EXPECT_EQ(ptdesc_order(virt_to_ptdesc(by_new)), ptdesc_order(pt));
      EXPECT_EQ(refimpl_pages_in_use(), 2UL << order);

      freeVia(new_route, by_new);
      freeVia(def_route, by_def);
      EXPECT_EQ(refimpl_pages_in_use(), 0UL);
      EXPECT_EQ(refimpl_violation_count(), 0UL);
      EXPECT_TRUE(allBytes(by_new, len, REFIMPL_POISON_FREE));
      EXPECT_TRUE(allBytes(by_def, len, REFIMPL_POISON_FREE));
    }
  }
}

TEST_P(Equivalence, BothFailUnderInjection) {
  const auto [order, gfp] = GetParam();
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pgtable_alloc(gfp, order), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pagetable_alloc(gfp | __GFP_ZERO, order), nullptr);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

std::string equivalenceName(
    const ::testing::TestParamInfo<std::tuple<unsigned int, gfp_t>> &info) {
  char buf[64];
  snprintf(buf, sizeof(buf), "order%u_gfp%#x", std::get<0>(info.param),
           std::get<1>(info.param));
  return buf;
}

INSTANTIATE_TEST_SUITE_P(OrdersAndMasks, Equivalence,
                         ::testing::Combine(::testing::Range(0u, 4u),
                                            ::testing::ValuesIn(kGfpMasks)),
                         equivalenceName);

} // namespace
