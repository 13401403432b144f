// The checker: every violation kind provoked on purpose, with the details
// the report must carry (pfn, allocating and freeing API, orders, the
// allocation's call site), and the model's consistency afterwards.
#include "mm_fixture.h"

namespace {

using refimpl_test::allBytes;
using refimpl_test::infoOf;
using refimpl_test::pfnOf;
using refimpl_test::takeViolations;
using refimpl_test::Violation;
using refimpl_test::violations;

// What a violation must say. A null api means "recorded as NULL"; a zero
// alloc_line means "no call site".
struct Expected {
  refimpl_violation_kind kind;
  unsigned long pfn;
  const char *alloc_api;
  const char *free_api;
  unsigned int alloc_order;
  unsigned int free_order;
  int alloc_line;
};

void checkViolation(const Violation &v, const Expected &e) {
  EXPECT_EQ(v.kind, e.kind)
      << refimpl_violation_kind_name(v.kind) << ": " << v.message;
  EXPECT_EQ(v.pfn, e.pfn) << v.message;
  if (e.alloc_api) {
    EXPECT_TRUE(v.has_alloc_api) << v.message;
    EXPECT_EQ(v.alloc_api, e.alloc_api) << v.message;
    EXPECT_EQ(v.alloc_order, e.alloc_order) << v.message;
  } else {
    EXPECT_FALSE(v.has_alloc_api) << v.alloc_api << ": " << v.message;
  }
  if (e.free_api) {
    EXPECT_TRUE(v.has_free_api) << v.message;
    EXPECT_EQ(v.free_api, e.free_api) << v.message;
    EXPECT_EQ(v.free_order, e.free_order) << v.message;
  } else {
    EXPECT_FALSE(v.has_free_api) << v.free_api << ": " << v.message;
  }
  if (e.alloc_line) {
    EXPECT_EQ(v.alloc_file, __FILE__) << v.message;
    EXPECT_EQ(v.alloc_line, e.alloc_line) << v.message;
  } else {
    EXPECT_EQ(v.alloc_file, "") << v.message;
  }
  EXPECT_FALSE(v.message.empty());
}

// Expects exactly the listed violations, in order, and clears them.
#define EXPECT_VIOLATIONS(...)                                                 \
  do {                                                                         \
    SCOPED_TRACE("violations checked here");                                   \
    std::vector<Expected> want = {__VA_ARGS__};                                \
    std::vector<Violation> got = takeViolations();                             \
    ASSERT_EQ(got.size(), want.size());                                        \
    for (size_t i_ = 0; i_ < got.size(); i_++) {                               \
      SCOPED_TRACE("violation " + std::to_string(i_));                         \
      checkViolation(got[i_], want[i_]);                                       \
    }                                                                          \
  } while (0)

class Checker : public refimpl_test::MmTest {};

// ---- family mismatch ----

TEST_F(Checker, PgtableAllocFreedWithFreePage) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(table, nullptr);
  unsigned long pfn = pfnOf(table);
  free_page((unsigned long)table);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfn, "pgtable_alloc",
                     "free_pages", 0, 0, line});
  // Released once, as it was allocated.
  EXPECT_FALSE(infoOf(table).live);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_TRUE(allBytes(table, PAGE_SIZE, REFIMPL_POISON_FREE));
}

TEST_F(Checker, GetZeroedPageFreedWithPgtableFree) {
  const int line = __LINE__ + 1;
  unsigned long addr = get_zeroed_page(GFP_KERNEL);
  ASSERT_NE(addr, 0UL);
  pgtable_free((void *)addr);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfnOf(addr), "get_zeroed_page",
                     "pgtable_free", 0, 0, line});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Checker, FamilyMismatchEveryWay) {
  const int line_a = __LINE__ + 1;
  struct page *a = alloc_page(GFP_KERNEL);
  const int line_b = __LINE__ + 1;
  unsigned long b = __get_free_page(GFP_KERNEL);
  const int line_c = __LINE__ + 1;
  struct ptdesc *c = pagetable_alloc(GFP_PGTABLE_KERNEL, 1);
  const int line_d = __LINE__ + 1;
  void *d = pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 2);
  ASSERT_TRUE(a && b && c && d);
  unsigned long pa = page_to_pfn(a), pc = page_to_pfn(ptdesc_page(c));

  pagetable_free(page_ptdesc(a));
  pgtable_free_addr((void *)b);
  __free_pages(ptdesc_page(c), 1);
  free_pages((unsigned long)d, 2);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pa, "alloc_pages",
                     "pagetable_free", 0, 0, line_a},
                    {REFIMPL_V_FAMILY_MISMATCH, pfnOf(b), "__get_free_pages",
                     "pgtable_free_addr", 0, 0, line_b},
                    {REFIMPL_V_FAMILY_MISMATCH, pc, "pagetable_alloc",
                     "__free_pages", 1, 1, line_c},
                    {REFIMPL_V_FAMILY_MISMATCH, pfnOf(d), "pgtable_alloc_addr",
                     "free_pages", 2, 2, line_d});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
}

// ---- order mismatch ----

TEST_F(Checker, PagetableAllocOrder2FreedWithFreePagesOrder1) {
  const int line = __LINE__ + 1;
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 2);
  ASSERT_NE(pt, nullptr);
  unsigned long pfn = page_to_pfn(ptdesc_page(pt));
  free_pages((unsigned long)ptdesc_address(pt), 1);
  // Wrong order, and through the page allocator's free as well.
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfn, "pagetable_alloc",
                     "free_pages", 2, 1, line},
                    {REFIMPL_V_ORDER_MISMATCH, pfn, "pagetable_alloc",
                     "free_pages", 2, 1, line});
  // All four pages are released, not two.
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_check_leaks(), 0UL);
}

TEST_F(Checker, GetFreePagesOrder2FreedWithOrder0) {
  const int line = __LINE__ + 1;
  unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
  ASSERT_NE(addr, 0UL);
  free_pages(addr, 0);
  EXPECT_VIOLATIONS({REFIMPL_V_ORDER_MISMATCH, pfnOf(addr), "__get_free_pages",
                     "free_pages", 2, 0, line});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_TRUE(allBytes(addr, 4 * PAGE_SIZE, REFIMPL_POISON_FREE));
}

TEST_F(Checker, TooLargeOrderReleasesOnlyTheAllocation) {
  struct page *before = alloc_page(GFP_KERNEL);
  const int line = __LINE__ + 1;
  struct page *page = alloc_pages(GFP_KERNEL, 1);
  struct page *after = alloc_pages(GFP_KERNEL, 2);
  ASSERT_TRUE(before && page && after);
  __free_pages(page, 3);
  EXPECT_VIOLATIONS({REFIMPL_V_ORDER_MISMATCH, page_to_pfn(page), "alloc_pages",
                     "__free_pages", 1, 3, line});
  EXPECT_TRUE(infoOf(page_address(before)).live);
  EXPECT_TRUE(infoOf(page_address(after)).live);
  EXPECT_EQ(refimpl_pages_in_use(), 1UL + 4);
  __free_page(before);
  __free_pages(after, 2);
}

// ---- consistency after a mismatched free ----

TEST_F(Checker, MismatchedFreeReleasesOnceWithoutCascade) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 3);
  ASSERT_NE(table, nullptr);
  free_pages((unsigned long)table, 0); // wrong family and order
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_FAMILY_MISMATCH), 1u);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_ORDER_MISMATCH), 1u);
  EXPECT_EQ(refimpl_violation_count(), 2u);
  // No leak of the seven other pages, no live allocation left.
  EXPECT_EQ(refimpl_check_leaks(), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  for (unsigned long i = 0; i < 8; i++)
    EXPECT_FALSE(PageTail(virt_to_page((char *)table + i * PAGE_SIZE)));
  // A second free is a double free, reported once.
  pgtable_free(table);
  EXPECT_EQ(refimpl_violation_count(), 3u);
  EXPECT_EQ(refimpl_violation_at(2)->kind, REFIMPL_V_DOUBLE_FREE);
  EXPECT_EQ(refimpl_violation_at(2)->alloc_line, line);
  refimpl_violations_clear();
  // The whole block can be handed out again.
  ASSERT_EQ(refimpl_mem_init(16), 0);
  table = pgtable_alloc(GFP_PGTABLE_KERNEL, 3);
  ASSERT_NE(table, nullptr);
  free_pages((unsigned long)table, 3);
  EXPECT_EQ(refimpl_violation_count(), 1u);
  refimpl_violations_clear();
  unsigned long again = __get_free_pages(GFP_KERNEL, 3);
  EXPECT_EQ((void *)again, table);
  free_pages(again, 3);
}

// ---- double free ----

TEST_F(Checker, DoubleFreeThroughEveryFamily) {
  struct Case {
    const char *alloc_api;
    const char *free_api;
    unsigned int order;
    std::function<void *()> alloc;
    std::function<void(void *)> free;
  };
  const std::vector<Case> cases = {
      {"alloc_pages", "__free_pages", 1,
       [] { return page_address(alloc_pages(GFP_KERNEL, 1)); },
       [](void *a) { __free_pages(virt_to_page(a), 1); }},
      {"__get_free_pages", "free_pages", 0,
       [] { return (void *)__get_free_page(GFP_KERNEL); },
       [](void *a) { free_page((unsigned long)a); }},
      {"get_zeroed_page", "free_pages", 0,
       [] { return (void *)get_zeroed_page(GFP_KERNEL); },
       [](void *a) { free_page((unsigned long)a); }},
      {"pagetable_alloc", "pagetable_free", 0,
       [] { return ptdesc_address(pagetable_alloc(GFP_PGTABLE_KERNEL, 0)); },
       [](void *a) { pagetable_free(virt_to_ptdesc(a)); }},
      {"pgtable_alloc", "pgtable_free", 0,
       [] { return pgtable_alloc(GFP_PGTABLE_KERNEL, 0); },
       [](void *a) { pgtable_free(a); }},
      {"pgtable_alloc_addr", "pgtable_free_addr", 0,
       [] { return pgtable_alloc_addr(GFP_PGTABLE_KERNEL, 0); },
       [](void *a) { pgtable_free_addr(a); }},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.alloc_api);
    void *addr = c.alloc();
    ASSERT_NE(addr, nullptr);
    c.free(addr);
    EXPECT_EQ(refimpl_violation_count(), 0u);
    c.free(addr);
    // The allocations above have no call site: the lambdas' lines are the
    // same for every case, so they are not checked here.
    std::vector<Violation> got = takeViolations();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].kind, REFIMPL_V_DOUBLE_FREE);
    EXPECT_EQ(got[0].pfn, pfnOf(addr));
    EXPECT_EQ(got[0].alloc_api, c.alloc_api);
    EXPECT_EQ(got[0].free_api, c.free_api);
    EXPECT_EQ(got[0].alloc_order, c.order);
    EXPECT_EQ(got[0].free_order, c.order);
    EXPECT_EQ(got[0].alloc_file, __FILE__);
    EXPECT_GT(got[0].alloc_line, 0);
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  }
}

TEST_F(Checker, DoubleFreeReportsTheCallSite) {
  const int line = __LINE__ + 1;
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 2);
  ASSERT_NE(pt, nullptr);
  unsigned long pfn = page_to_pfn(ptdesc_page(pt));
  pagetable_free(pt);
  pagetable_free(pt);
  // The free side reads the order back from a page that is no longer
  // compound: order 0.
  EXPECT_VIOLATIONS({REFIMPL_V_DOUBLE_FREE, pfn, "pagetable_alloc",
                     "pagetable_free", 2, 0, line});
}

TEST_F(Checker, DoubleFreeOfQueuedKernelPageTable) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_NE(table, nullptr);
  unsigned long pfn = pfnOf(table);
  ptdesc_set_kernel(virt_to_ptdesc(table));
  pgtable_free(table);
  ASSERT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  EXPECT_EQ(refimpl_violation_count(), 0u);

  // While queued: every further free is a double free, whatever the route.
  pgtable_free(table);
  pagetable_free(virt_to_ptdesc(table));
  ptdesc_set_kernel(virt_to_ptdesc(table));
  pgtable_free_addr(table);
  free_pages((unsigned long)table, 1);
  EXPECT_VIOLATIONS(
      {REFIMPL_V_DOUBLE_FREE, pfn, "pgtable_alloc", "pgtable_free", 1, 1, line},
      {REFIMPL_V_DOUBLE_FREE, pfn, "pgtable_alloc", "pagetable_free", 1, 1,
       line},
      {REFIMPL_V_DOUBLE_FREE, pfn, "pgtable_alloc", "pgtable_free_addr", 1, 1,
       line},
      {REFIMPL_V_DOUBLE_FREE, pfn, "pgtable_alloc", "free_pages", 1, 1, line});
  // Still queued once, freed once.
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  EXPECT_TRUE(infoOf(table).live);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);

  // And after the flush, as for any freed page.
  pgtable_free(table);
  EXPECT_VIOLATIONS({REFIMPL_V_DOUBLE_FREE, pfn, "pgtable_alloc",
                     "pgtable_free", 1, 0, line});
}

// The deferred free reports a mismatch under the name of the API that freed.
TEST_F(Checker, DeferredFreeReportsTheFreeingApi) {
  const int line = __LINE__ + 1;
  struct page *page = alloc_page(GFP_KERNEL);
  ASSERT_NE(page, nullptr);
  ptdesc_set_kernel(page_ptdesc(page));
  pgtable_free(page_address(page));
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, page_to_pfn(page),
                     "alloc_pages", "pgtable_free", 0, 0, line});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

// ---- bad free addresses ----

TEST_F(Checker, FreeInTheMiddleOfAnAllocation) {
  const int line = __LINE__ + 1;
  unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
  ASSERT_NE(addr, 0UL);
  unsigned long pfn = pfnOf(addr);
  free_pages(addr + PAGE_SIZE, 0);
  __free_pages(virt_to_page(addr + 3 * PAGE_SIZE), 1);
  // The report names the allocation that contains the page.
  EXPECT_VIOLATIONS({REFIMPL_V_BAD_FREE_ADDRESS, pfn + 1, "__get_free_pages",
                     "free_pages", 2, 0, line},
                    {REFIMPL_V_BAD_FREE_ADDRESS, pfn + 3, "__get_free_pages",
                     "__free_pages", 2, 1, line});
  // Nothing was released.
  EXPECT_TRUE(infoOf(addr).live);
  EXPECT_EQ(refimpl_pages_in_use(), 4UL);
  free_pages(addr, 2);
}

TEST_F(Checker, PgtableFreeInTheMiddleOfATable) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_NE(table, nullptr);
  pgtable_free((char *)table + PAGE_SIZE);
  EXPECT_VIOLATIONS({REFIMPL_V_BAD_FREE_ADDRESS, pfnOf(table) + 1,
                     "pgtable_alloc", "pgtable_free", 1, 0, line});
  EXPECT_TRUE(infoOf(table).live);
  pgtable_free(table);
}

TEST_F(Checker, FreeOfANeverAllocatedPfn) {
  const unsigned long pfn = 100;
  ASSERT_FALSE(infoOf(page_address(pfn_to_page(pfn))).live);
  free_page((unsigned long)page_address(pfn_to_page(pfn)));
  __free_pages(pfn_to_page(pfn + 1), 0);
  pgtable_free(page_address(pfn_to_page(pfn + 2)));
  EXPECT_VIOLATIONS(
      {REFIMPL_V_BAD_FREE_ADDRESS, pfn, nullptr, "free_pages", 0, 0, 0},
      {REFIMPL_V_BAD_FREE_ADDRESS, pfn + 1, nullptr, "__free_pages", 0, 0, 0},
      {REFIMPL_V_BAD_FREE_ADDRESS, pfn + 2, nullptr, "pgtable_free", 0, 0, 0});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_pages_free(), kPages - 1) << "free pool not corrupted";
}

TEST_F(Checker, FreeOfTheReservedPfn) {
  __free_page(pfn_to_page(0));
  EXPECT_VIOLATIONS(
      {REFIMPL_V_BAD_FREE_ADDRESS, 0, nullptr, "__free_pages", 0, 0, 0});
  EXPECT_TRUE(PageReserved(pfn_to_page(0)));
  EXPECT_EQ(refimpl_pages_free(), kPages - 1);
}

TEST_F(Checker, FreeOfAPfnOutsideMemory) {
  __free_pages(pfn_to_page(kPages), 0);
  EXPECT_VIOLATIONS(
      {REFIMPL_V_BAD_FREE_ADDRESS, kPages, nullptr, "__free_pages", 0, 0, 0});
}

TEST_F(Checker, PgtableFreeOfNull) {
  pgtable_free(nullptr);
  pgtable_free_addr(nullptr);
  EXPECT_VIOLATIONS(
      {REFIMPL_V_BAD_FREE_ADDRESS, 0, nullptr, "pgtable_free", 0, 0, 0},
      {REFIMPL_V_BAD_FREE_ADDRESS, 0, nullptr, "pgtable_free_addr", 0, 0, 0});
  // Unlike free_page(0).
  free_page(0);
  EXPECT_EQ(refimpl_violation_count(), 0u);
}

TEST_F(Checker, FreeOfAnAddressOutsideRam) {
  static unsigned char not_ram[PAGE_SIZE];
  free_page((unsigned long)not_ram);
  std::vector<Violation> got = takeViolations();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, REFIMPL_V_BAD_ADDRESS);
  EXPECT_EQ(got[1].kind, REFIMPL_V_BAD_FREE_ADDRESS);
  EXPECT_EQ(got[1].free_api, "free_pages");
  EXPECT_FALSE(got[1].has_alloc_api);

  // pgtable_free() of such an address is reported the same way, not
  // dereferenced.
  pgtable_free(not_ram);
  got = takeViolations();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, REFIMPL_V_BAD_ADDRESS);
  EXPECT_EQ(got[1].kind, REFIMPL_V_BAD_FREE_ADDRESS);
  EXPECT_EQ(got[1].free_api, "pgtable_free");
  EXPECT_FALSE(got[1].has_alloc_api);
  EXPECT_EQ(refimpl_pages_free(), kPages - 1);
}

// ---- leaks ----

TEST_F(Checker, LeaksAreReportedWithTheirCallSites) {
  const int line_a = __LINE__ + 1;
  struct page *a = alloc_pages(GFP_KERNEL, 3);
  const int line_b = __LINE__ + 1;
  void *b = pgtable_alloc(GFP_PGTABLE_USER, 1);
  const int line_c = __LINE__ + 1;
  unsigned long c = get_zeroed_page(GFP_KERNEL);
  unsigned long freed = __get_free_page(GFP_KERNEL);
  ASSERT_TRUE(a && b && c && freed);
  free_page(freed);

  EXPECT_EQ(refimpl_check_leaks(), 3UL);
  // Reported in pfn order.
  std::vector<Expected> want = {
      {REFIMPL_V_LEAK, page_to_pfn(a), "alloc_pages", nullptr, 3, 0, line_a},
      {REFIMPL_V_LEAK, pfnOf(b), "pgtable_alloc", nullptr, 1, 0, line_b},
      {REFIMPL_V_LEAK, pfnOf(c), "get_zeroed_page", nullptr, 0, 0, line_c},
  };
  std::sort(want.begin(), want.end(),
            [](const Expected &x, const Expected &y) { return x.pfn < y.pfn; });
  std::vector<Violation> got = takeViolations();
  ASSERT_EQ(got.size(), 3u);
  for (size_t i = 0; i < got.size(); i++) {
    SCOPED_TRACE("leak " + std::to_string(i));
    checkViolation(got[i], want[i]);
  }
  // Checking does not free.
  EXPECT_EQ(refimpl_live_allocations(), 3UL);
  __free_pages(a, 3);
  pgtable_free(b);
  free_page(c);
  EXPECT_EQ(refimpl_check_leaks(), 0UL);
}

TEST_F(Checker, QueuedKernelPageTableIsNotALeak) {
  void *queued = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line = __LINE__ + 1;
  void *leaked = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_TRUE(queued && leaked);
  ptdesc_set_kernel(virt_to_ptdesc(queued));
  pgtable_free(queued);
  EXPECT_EQ(refimpl_check_leaks(), 1UL);
  EXPECT_VIOLATIONS(
      {REFIMPL_V_LEAK, pfnOf(leaked), "pgtable_alloc", nullptr, 0, 0, line});
  // A marked but not yet freed kernel table is a leak like any other.
  ptdesc_set_kernel(virt_to_ptdesc(leaked));
  EXPECT_EQ(refimpl_check_leaks(), 1UL);
  refimpl_violations_clear();
  pgtable_free(leaked);
  EXPECT_EQ(refimpl_check_leaks(), 0UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 2UL);
}

// ---- bad addresses ----

TEST_F(Checker, PaOfAnAddressOutsideRam) {
  int on_stack = 0;
  const unsigned char *end = refimpl_mem_base + kPages * PAGE_SIZE;
  (void)__pa(&on_stack);
  (void)__pa(end);
  (void)__pa(refimpl_mem_base - 1);
  (void)__pa(0UL);
  EXPECT_VIOLATIONS({REFIMPL_V_BAD_ADDRESS, 0, nullptr, nullptr, 0, 0, 0},
                    {REFIMPL_V_BAD_ADDRESS, 0, nullptr, nullptr, 0, 0, 0},
                    {REFIMPL_V_BAD_ADDRESS, 0, nullptr, nullptr, 0, 0, 0},
                    {REFIMPL_V_BAD_ADDRESS, 0, nullptr, nullptr, 0, 0, 0});
  // The first and last bytes of RAM are fine.
  EXPECT_EQ(__pa(refimpl_mem_base), 0UL);
  EXPECT_EQ(__pa(end - 1), kPages * PAGE_SIZE - 1);
  EXPECT_EQ(refimpl_violation_count(), 0u);
}

// ---- page-table walks ----

TEST_F(Checker, WalkOfAFreedTable) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(table, nullptr);
  refimpl_note_table_read(table, "walker");
  EXPECT_EQ(refimpl_violation_count(), 0u) << "live table";
  pgtable_free(table);
  refimpl_note_table_read(table, "walker");
  // The report names the allocation the page last belonged to.
  EXPECT_VIOLATIONS({REFIMPL_V_WALK_FREED_TABLE, pfnOf(table), "pgtable_alloc",
                     nullptr, 0, 0, line});
}

TEST_F(Checker, WalkMessageNamesTheWalker) {
  refimpl_note_table_read(page_address(pfn_to_page(7)), "my_walker");
  std::vector<Violation> got = takeViolations();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, REFIMPL_V_WALK_FREED_TABLE);
  EXPECT_EQ(got[0].pfn, 7UL);
  EXPECT_FALSE(got[0].has_alloc_api) << "never allocated";
  EXPECT_NE(got[0].message.find("my_walker"), std::string::npos)
      << got[0].message;
}

TEST_F(Checker, WalkOfLiveTablesIsFine) {
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 2);
  ASSERT_NE(table, nullptr);
  for (unsigned long off : {0UL, 8UL, PAGE_SIZE, 3 * PAGE_SIZE + 4088})
    refimpl_note_table_read((char *)table + off, "walker");
  // The deferred free keeps it walkable until the flush.
  ptdesc_set_kernel(virt_to_ptdesc(table));
  pgtable_free(table);
  refimpl_note_table_read(table, "iommu");
  EXPECT_EQ(refimpl_violation_count(), 0u);
  refimpl_flush_kernel_pgtable_work();
  refimpl_note_table_read(table, "iommu");
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_WALK_FREED_TABLE), 1u);
  refimpl_violations_clear();
}

TEST_F(Checker, WalkOfTheReservedPageOrOutsideRam) {
  refimpl_note_table_read(refimpl_mem_base, "walker");
  static unsigned char not_ram[PAGE_SIZE];
  refimpl_note_table_read(not_ram, "walker");
  std::vector<Violation> got = takeViolations();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, REFIMPL_V_WALK_FREED_TABLE);
  EXPECT_EQ(got[0].pfn, 0UL);
  EXPECT_EQ(got[1].kind, REFIMPL_V_BAD_ADDRESS);
}

// ---- frees through the mmu_gather: valid for either family at order 0 ----

TEST_F(Checker, TlbRemoveTableFreesOrder0TablesOfEitherFamily) {
  void *zeroed = (void *)get_zeroed_page(GFP_KERNEL);
  void *plain = (void *)__get_free_page(GFP_KERNEL);
  struct page *page = alloc_page(GFP_KERNEL);
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_TRUE(zeroed && plain && page && table && pt);

  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &init_mm);
  tlb_remove_table(&tlb, virt_to_page(zeroed));
  tlb_remove_table(&tlb, virt_to_page(plain));
  tlb_remove_page(&tlb, page);
  tlb_remove_ptdesc(&tlb, virt_to_ptdesc(table));
  tlb_remove_page_ptdesc(&tlb, pt);
  // Queued, not freed: a walker may still read them until the flush.
  EXPECT_EQ(refimpl_live_allocations(), 5UL);
  refimpl_note_table_read(zeroed, "walker");
  refimpl_note_table_read(table, "walker");
  EXPECT_EQ(refimpl_violation_count(), 0u);

  tlb_finish_mmu(&tlb);
  EXPECT_EQ(refimpl_violation_count(), 0u) << "no family mismatch";
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_TRUE(allBytes(zeroed, PAGE_SIZE, REFIMPL_POISON_FREE));
  EXPECT_TRUE(allBytes(table, PAGE_SIZE, REFIMPL_POISON_FREE));
}

TEST_F(Checker, TlbRemoveTableDirectFreeOfEitherFamily) {
  void *zeroed = (void *)get_zeroed_page(GFP_KERNEL);
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_TRUE(zeroed && table);
  __tlb_remove_table(virt_to_page(zeroed));
  __tlb_remove_table(virt_to_page(table));
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
}

// x86's ___p*_free_tlb(): each level, from the allocator each level uses
// (ptdescs below the p4d, the page allocator for the p4d), and a pte table
// from get_zeroed_page() with its constructor run, as arch code made them
// before the ptdesc helpers (the destructor the free runs needs it).
TEST_F(Checker, X86FreeTlbOfEveryLevel) {
  int levels = refimpl_paging_levels();
  ASSERT_EQ(refimpl_set_paging_levels(5), 0);
  pgtable_t pte = pte_alloc_one(&init_mm);
  pmd_t *pmd = pmd_alloc_one(&init_mm, 0);
  pud_t *pud = pud_alloc_one(&init_mm, 0);
  p4d_t *p4d = p4d_alloc_one(&init_mm, 0);
  pte_t *old_pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(pte && pmd && pud && p4d && old_pte);
  ASSERT_TRUE(pagetable_pte_ctor(virt_to_ptdesc(old_pte)));
  EXPECT_TRUE(PageTable(pte));

  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &init_mm);
  pte_free_tlb(&tlb, pte, 0);
  pmd_free_tlb(&tlb, pmd, 0);
  pud_free_tlb(&tlb, pud, 0);
  p4d_free_tlb(&tlb, p4d, 0);
  pte_free_tlb(&tlb, virt_to_page(old_pte), 0);
  EXPECT_FALSE(PageTable(pte)) << "the dtor runs when the table is queued";
  EXPECT_FALSE(PageTable(virt_to_page(pud)));
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL) << "the pte and pmd locks";
  EXPECT_EQ(refimpl_live_allocations(), 5UL);
  tlb_finish_mmu(&tlb);
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);

  // With 4 levels the p4d is the pgd entry: p4d_free_tlb() frees nothing.
  ASSERT_EQ(refimpl_set_paging_levels(4), 0);
  p4d = p4d_alloc_one(&init_mm, 0);
  ASSERT_NE(p4d, nullptr);
  tlb_gather_mmu(&tlb, &init_mm);
  p4d_free_tlb(&tlb, p4d, 0);
  tlb_finish_mmu(&tlb);
  EXPECT_TRUE(infoOf(p4d).live);
  free_page((unsigned long)p4d);
  refimpl_set_paging_levels(levels);
}

// Dropping the reference frees one page: a larger allocation queued there
// is reported as an order mismatch (and released as it was allocated).
TEST_F(Checker, TlbRemoveTableOfALargerAllocationIsAnOrderMismatch) {
  const int line_a = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  const int line_b = __LINE__ + 1;
  unsigned long pages = __get_free_pages(GFP_KERNEL, 2);
  ASSERT_TRUE(table && pages);
  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &init_mm);
  tlb_remove_table(&tlb, virt_to_page(table));
  tlb_remove_page(&tlb, virt_to_page(pages));
  tlb_finish_mmu(&tlb);
  EXPECT_VIOLATIONS({REFIMPL_V_ORDER_MISMATCH, pfnOf(table), "pgtable_alloc",
                     "tlb_remove_table", 1, 0, line_a},
                    {REFIMPL_V_ORDER_MISMATCH, pfnOf(pages), "__get_free_pages",
                     "tlb_remove_page", 2, 0, line_b});
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Checker, TlbRemoveTableTwiceIsADoubleFree) {
  const int line = __LINE__ + 1;
  void *table = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_NE(table, nullptr);
  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &init_mm);
  tlb_remove_table(&tlb, virt_to_page(table));
  tlb_remove_table(&tlb, virt_to_page(table));
  tlb_finish_mmu(&tlb);
  EXPECT_VIOLATIONS({REFIMPL_V_DOUBLE_FREE, pfnOf(table), "get_zeroed_page",
                     "tlb_remove_table", 0, 0, line});
}

// A full batch is flushed on its own; what is queued after it waits for
// tlb_finish_mmu(), and a gather never finished leaks its tables.
TEST_F(Checker, FullGatherFlushesAndUnfinishedGatherLeaks) {
  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &init_mm);
  std::vector<void *> tables;
  for (int i = 0; i < MMU_GATHER_MAX_TABLES + 3; i++) {
    void *t = i % 2 ? pgtable_alloc(GFP_PGTABLE_KERNEL, 0)
                    : (void *)get_zeroed_page(GFP_KERNEL);
    ASSERT_NE(t, nullptr);
    tables.push_back(t);
    tlb_remove_table(&tlb, virt_to_page(t));
  }
  EXPECT_EQ(refimpl_live_allocations(), 3UL);
  EXPECT_FALSE(infoOf(tables[0]).live);
  EXPECT_TRUE(infoOf(tables.back()).live);
  EXPECT_EQ(refimpl_check_leaks(), 3UL);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_LEAK), 3u);
  refimpl_violations_clear();
  tlb_finish_mmu(&tlb);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_violation_count(), 0u);
}

// ---- cross-family frees of order-0 tables read out of an entry ----

// Installs child in the first entry of a parent table at the level the
// accessor reads, and returns what the accessor reads back.
void *readOutOfAnEntry(void *parent, void *child, const std::string &accessor) {
  unsigned long val = __pa(child) | _KERNPG_TABLE;
  if (accessor == "pmd_page_vaddr") {
    set_pmd((pmd_t *)parent, __pmd(val));
    return pmd_page_vaddr(*(pmd_t *)parent);
  }
  if (accessor == "pud_pgtable") {
    set_pud((pud_t *)parent, __pud(val));
    return pud_pgtable(*(pud_t *)parent);
  }
  if (accessor == "p4d_pgtable") {
    set_p4d((p4d_t *)parent, __p4d(val));
    return p4d_pgtable(*(p4d_t *)parent);
  }
  set_pgd((pgd_t *)parent, __pgd(val));
  return (void *)pgd_page_vaddr(*(pgd_t *)parent);
}

using refimpl_test::takeEntryFrees;

TEST_F(Checker, PgtableFreeOfAPageAllocatorTableReadOutOfAnEntry) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line = __LINE__ + 1;
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(parent && child);
  EXPECT_EQ(infoOf(child).read_from_entry_by, nullptr);
  void *read = readOutOfAnEntry(parent, child, "pud_pgtable");
  ASSERT_EQ(read, child);
  EXPECT_STREQ(infoOf(child).read_from_entry_by, "pud_pgtable");
  pud_clear((pud_t *)parent);
  pgtable_free(read);

  EXPECT_EQ(refimpl_violation_count(), 0u);
  std::vector<refimpl_entry_free> got = takeEntryFrees();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].pfn, pfnOf(child));
  EXPECT_EQ(got[0].alloc_family, REFIMPL_FAMILY_PAGE);
  EXPECT_STREQ(got[0].alloc_api, "get_zeroed_page");
  EXPECT_STREQ(got[0].free_api, "pgtable_free");
  EXPECT_STREQ(got[0].read_by, "pud_pgtable");
  EXPECT_STREQ(got[0].alloc_file, __FILE__);
  EXPECT_EQ(got[0].alloc_line, line);
  EXPECT_NE(std::string(got[0].message).find("pud_pgtable"), std::string::npos)
      << got[0].message;
  // Released once, as it was allocated.
  EXPECT_FALSE(infoOf(child).live);
  EXPECT_EQ(infoOf(child).read_from_entry_by, nullptr);
  pgtable_free(parent);
}

TEST_F(Checker, FreePageOfAPtdescTableReadOutOfAnEntry) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  void *child = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_TRUE(parent && child && pt);
  free_page((unsigned long)readOutOfAnEntry(parent, child, "pmd_page_vaddr"));
  __free_page(virt_to_page(
      readOutOfAnEntry(parent, ptdesc_address(pt), "pud_pgtable")));
  EXPECT_EQ(refimpl_violation_count(), 0u);
  std::vector<refimpl_entry_free> got = takeEntryFrees();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].alloc_family, REFIMPL_FAMILY_PTDESC);
  EXPECT_STREQ(got[0].alloc_api, "pgtable_alloc");
  EXPECT_STREQ(got[0].free_api, "free_pages");
  EXPECT_STREQ(got[0].read_by, "pmd_page_vaddr");
  EXPECT_STREQ(got[1].alloc_api, "pagetable_alloc");
  EXPECT_STREQ(got[1].free_api, "__free_pages");
  EXPECT_EQ(refimpl_live_allocations(), 1UL);
  pgtable_free(parent);
}

TEST_F(Checker, EveryTableAccessorMarksTheTable) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(parent, nullptr);
  for (const char *accessor :
       {"pmd_page_vaddr", "pud_pgtable", "p4d_pgtable", "pgd_page_vaddr"}) {
    SCOPED_TRACE(accessor);
    void *child = (void *)get_zeroed_page(GFP_KERNEL);
    ASSERT_NE(child, nullptr);
    void *read = readOutOfAnEntry(parent, child, accessor);
    ASSERT_EQ(read, child);
    EXPECT_STREQ(infoOf(child).read_from_entry_by, accessor);
    pagetable_free(virt_to_ptdesc(read));
    EXPECT_EQ(refimpl_violation_count(), 0u);
    std::vector<refimpl_entry_free> got = takeEntryFrees();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_STREQ(got[0].free_api, "pagetable_free");
    EXPECT_STREQ(got[0].read_by, accessor);
  }
  pgtable_free(parent);
}

// The other side: the same frees stay violations when no accessor read the
// table's address out of an entry: a pointer kept elsewhere (a struct
// field), or only an entry's address from a *_offset() walk or the MMU.
TEST_F(Checker, CrossFamilyFreeOfATableNotReadOutOfAnEntryIsAViolation) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line = __LINE__ + 1;
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(parent && child);
  set_pud((pud_t *)parent, __pud(__pa(child) | _KERNPG_TABLE));
  EXPECT_EQ((void *)pmd_offset((pud_t *)parent, 0), child);
  EXPECT_EQ(infoOf(child).read_from_entry_by, nullptr);
  pgtable_free(child);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfnOf(child), "get_zeroed_page",
                     "pgtable_free", 0, 0, line});
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u);
  pgtable_free(parent);
}

// Order above 0: pagetable_free() of a non-compound order-1 page frees one
// page, and free_pages() of a compound ptdesc is the other family's call:
// both stay violations even for a table read out of an entry.
TEST_F(Checker, CrossFamilyFreeAboveOrder0ReadOutOfAnEntryIsAViolation) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line_a = __LINE__ + 1;
  unsigned long pages = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
  const int line_b = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  ASSERT_TRUE(parent && pages && table);
  pgtable_free(readOutOfAnEntry(parent, (void *)pages, "pud_pgtable"));
  free_pages((unsigned long)readOutOfAnEntry(parent, table, "pmd_page_vaddr"),
             1);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfnOf(pages),
                     "__get_free_pages", "pgtable_free", 1, 0, line_a},
                    {REFIMPL_V_ORDER_MISMATCH, pfnOf(pages), "__get_free_pages",
                     "pgtable_free", 1, 0, line_a},
                    {REFIMPL_V_FAMILY_MISMATCH, pfnOf(table), "pgtable_alloc",
                     "free_pages", 1, 1, line_b});
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u);
  EXPECT_EQ(refimpl_pages_in_use(), 1UL);
  pgtable_free(parent);
}

// Same-family frees of tables read out of an entry are not recorded.
TEST_F(Checker, SameFamilyFreeOfATableReadOutOfAnEntryIsNotRecorded) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_TRUE(parent && child && table);
  free_page((unsigned long)readOutOfAnEntry(parent, child, "pud_pgtable"));
  pgtable_free(readOutOfAnEntry(parent, table, "pud_pgtable"));
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u);
  pgtable_free(parent);
}

// The mark belongs to one allocation: the next allocation of the same page
// starts unmarked.
TEST_F(Checker, TheEntryReadMarkEndsWithTheAllocation) {
  ASSERT_EQ(refimpl_mem_init(8), 0);
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(parent && child);
  std::vector<unsigned long> fill;
  while (unsigned long page = __get_free_page(GFP_KERNEL))
    fill.push_back(page);
  free_page((unsigned long)readOutOfAnEntry(parent, child, "pud_pgtable"));
  const int line = __LINE__ + 1;
  void *again = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_EQ(again, child) << "the only free page";
  EXPECT_EQ(infoOf(again).read_from_entry_by, nullptr);
  pgtable_free(again);
  EXPECT_VIOLATIONS({REFIMPL_V_FAMILY_MISMATCH, pfnOf(again), "get_zeroed_page",
                     "pgtable_free", 0, 0, line});
  for (unsigned long page : fill)
    free_page(page);
  pgtable_free(parent);
}

// The deferred kernel page-table free judges the free when it happens.
TEST_F(Checker, DeferredFreeOfATableReadOutOfAnEntryIsRecordedApart) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(parent && child);
  void *read = readOutOfAnEntry(parent, child, "pmd_page_vaddr");
  ptdesc_set_kernel(virt_to_ptdesc(read));
  pgtable_free(read);
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u) << "queued, not freed";
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  EXPECT_EQ(refimpl_violation_count(), 0u);
  std::vector<refimpl_entry_free> got = takeEntryFrees();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_STREQ(got[0].free_api, "pgtable_free");
  pgtable_free(parent);
}

TEST_F(Checker, EntryFreesAreClearedByMemInitAndDumped) {
  void *parent = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  void *child = (void *)get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(parent && child);
  pgtable_free(readOutOfAnEntry(parent, child, "p4d_pgtable"));
  ASSERT_EQ(refimpl_cross_family_entry_frees(), 1u);
  EXPECT_EQ(refimpl_cross_family_entry_free_at(1), nullptr);
  ::testing::internal::CaptureStderr();
  refimpl_cross_family_entry_frees_dump();
  std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(out.find("cross-family-entry-free"), std::string::npos) << out;
  EXPECT_NE(out.find("p4d_pgtable"), std::string::npos) << out;
  EXPECT_NE(out.find(__FILE__), std::string::npos) << out;
  pgtable_free(parent);
  ASSERT_EQ(refimpl_mem_init(kPages), 0);
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u);
}

// ---- constructor/destructor mismatch ----

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

// A pfn as the messages print it (%#lx).
std::string hex(unsigned long value) {
  char buf[32];
  snprintf(buf, sizeof(buf), "%#lx", value);
  return buf;
}

// The mismatch the level target must never produce: a pmd_alloc_one()
// table freed without pmd_free()'s destructor. init_mm's table is a kernel
// table: the free is queued, and judged when the deferred work frees it.
TEST_F(Checker, PmdAllocOneFreedWithPgtableFree) {
  const int line = __LINE__ + 1;
  pmd_t *pmd = pmd_alloc_one(&init_mm, 0);
  ASSERT_NE(pmd, nullptr);
  unsigned long pfn = pfnOf(pmd);
  pgtable_free(pmd);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL);
  EXPECT_EQ(refimpl_violation_count(), 0u) << "judged when it is freed";
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfn, "pagetable_alloc",
                     "pgtable_free", 0, 0, line});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].message,
            "pgtable_free frees pfn " + hex(pfn) +
                ", a pmd table allocated by pmd_alloc_one, with its "
                "constructor state (split ptlock, PGTY_table) still set: "
                "pmd_free() runs the destructor");
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL) << "released with the page";
  EXPECT_FALSE(infoOf(pmd).live);
}

// Every free family, at once for a user mm's table: the page allocator's
// free is also a family mismatch, reported first.
TEST_F(Checker, TableFreedWithItsConstructorStateThroughEveryFamily) {
  struct mm_struct mm = {};
  const int line = __LINE__ + 1;
  pmd_t *pmd = pmd_alloc_one(&mm, 0);
  const int line_pud = __LINE__ + 1;
  pud_t *pud = pud_alloc_one(&mm, 0);
  const int line_pte = __LINE__ + 1;
  pgtable_t pte = pte_alloc_one(&mm);
  ASSERT_TRUE(pmd && pud && pte);

  pagetable_free(virt_to_ptdesc(pmd));
  pgtable_free(pud);
  __free_page(pte);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfnOf(pmd), "pagetable_alloc",
                     "pagetable_free", 0, 0, line},
                    {REFIMPL_V_CTOR_MISMATCH, pfnOf(pud), "pagetable_alloc",
                     "pgtable_free", 0, 0, line_pud},
                    {REFIMPL_V_FAMILY_MISMATCH, page_to_pfn(pte),
                     "pagetable_alloc", "__free_pages", 0, 0, line_pte},
                    {REFIMPL_V_CTOR_MISMATCH, page_to_pfn(pte),
                     "pagetable_alloc", "__free_pages", 0, 0, line_pte});
  ASSERT_EQ(got.size(), 4u);
  EXPECT_TRUE(contains(got[1].message, "a pud table allocated by "
                                       "pud_alloc_one, with its constructor "
                                       "state (PGTY_table) still set: "
                                       "pud_free() runs the destructor"))
      << got[1].message;
  EXPECT_TRUE(contains(got[3].message, "a pte table allocated by "
                                       "pte_alloc_one, with its constructor "
                                       "state (split ptlock, PGTY_table)"))
      << got[3].message;
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
}

// The mmu_gather's free is a free too: a table queued without its
// destructor (tlb_remove_table() instead of pmd_free_tlb()).
TEST_F(Checker, TableFreedWithItsConstructorStateByTheMmuGather) {
  struct mm_struct mm = {};
  const int line = __LINE__ + 1;
  pmd_t *pmd = pmd_alloc_one(&mm, 0);
  ASSERT_NE(pmd, nullptr);
  struct mmu_gather tlb;
  tlb_gather_mmu(&tlb, &mm);
  tlb_remove_table(&tlb, virt_to_page(pmd));
  tlb_finish_mmu(&tlb);
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfnOf(pmd), "pagetable_alloc",
                     "tlb_remove_table", 0, 0, line});
}

// A table its own code constructed (no pgalloc allocator recorded), and a
// page whose type was set without a constructor.
TEST_F(Checker, ConstructorStateWithoutAPgallocAllocator) {
  const int line = __LINE__ + 1;
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  const int line_typed = __LINE__ + 1;
  unsigned long typed = get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(pt && typed);
  ASSERT_TRUE(pagetable_pmd_ctor(pt));
  __SetPageTable(virt_to_page(typed));
  pagetable_free(pt);
  free_page(typed);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, page_to_pfn(ptdesc_page(pt)),
                     "pagetable_alloc", "pagetable_free", 0, 0, line},
                    {REFIMPL_V_CTOR_MISMATCH, pfnOf(typed), "get_zeroed_page",
                     "free_pages", 0, 0, line_typed});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(contains(got[0].message,
                       "a pmd table allocated by pagetable_alloc, with its "
                       "constructor state (split ptlock, PGTY_table) still "
                       "set: pagetable_pmd_dtor() must run first"))
      << got[0].message;
  EXPECT_TRUE(contains(got[1].message,
                       "allocated by get_zeroed_page, with its constructor "
                       "state (PGTY_table) still set: no constructor ran"))
      << got[1].message;
}

// A destructor on a table whose constructor never ran: 6.12's kernel pte
// table has none (pte_free_kernel() runs no destructor).
TEST_F(Checker, PteAllocOneKernelFreedWithPmdFree) {
  const int line = __LINE__ + 1;
  pte_t *pte = pte_alloc_one_kernel(&init_mm);
  ASSERT_NE(pte, nullptr);
  unsigned long pfn = pfnOf(pte);
  pmd_free(&init_mm, (pmd_t *)pte);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfn, "pagetable_alloc",
                     "pagetable_pmd_dtor", 0, 0, line});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].message,
            "pagetable_pmd_dtor runs on pfn " + hex(pfn) +
                ", a pte table allocated by pte_alloc_one_kernel, on which no "
                "constructor ran: pte_free_kernel() frees it");
  // The free itself goes on: the kernel table waits for the work.
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  EXPECT_EQ(refimpl_violation_count(), 0u);
}

// A destructor without a constructor on a table of the new API.
TEST_F(Checker, PgtableAllocFreedWithPmdFree) {
  const int line = __LINE__ + 1;
  void *table = pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(table, nullptr);
  pmd_free(&init_mm, (pmd_t *)table);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfnOf(table), "pgtable_alloc",
                     "pagetable_pmd_dtor", 0, 0, line});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].message, "pagetable_pmd_dtor runs on pfn " +
                                hex(pfnOf(table)) +
                                ", allocated by pgtable_alloc, on which no "
                                "constructor ran");
  EXPECT_FALSE(infoOf(table).live) << "not marked: freed at once";
}

// A destructor of another level than the constructor's. The model's
// destructor releases the lock either way, so the free is not reported too.
TEST_F(Checker, DestructorOfAnotherLevel) {
  struct mm_struct mm = {};
  const int line_pte = __LINE__ + 1;
  pgtable_t pte = pte_alloc_one(&mm);
  const int line_pmd = __LINE__ + 1;
  pmd_t *pmd = pmd_alloc_one(&mm, 0);
  ASSERT_TRUE(pte && pmd);
  pmd_free(&mm, (pmd_t *)page_address(pte));
  pud_free(&mm, (pud_t *)pmd);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, page_to_pfn(pte),
                     "pagetable_alloc", "pagetable_pmd_dtor", 0, 0, line_pte},
                    {REFIMPL_V_CTOR_MISMATCH, pfnOf(pmd), "pagetable_alloc",
                     "pagetable_pud_dtor", 0, 0, line_pmd});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(contains(got[0].message,
                       "a pte table allocated by pte_alloc_one, on which the "
                       "pte constructor ran, not the pmd one: pte_free() "
                       "frees it"))
      << got[0].message;
  EXPECT_TRUE(contains(got[1].message,
                       "a pmd table allocated by pmd_alloc_one, on which the "
                       "pmd constructor ran, not the pud one: pmd_free() "
                       "frees it"))
      << got[1].message;
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
}

// A second constructor (its lock would leak in the kernel), and a
// destructor on a page that is no longer allocated.
TEST_F(Checker, ConstructorTwiceAndDestructorAfterTheFree) {
  const int line = __LINE__ + 1;
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  unsigned long pfn = page_to_pfn(ptdesc_page(pt));
  ASSERT_TRUE(pagetable_pte_ctor(pt));
  ASSERT_TRUE(pagetable_pmd_ctor(pt));
  EXPECT_EQ(refimpl_ptlocks_live(), 1UL);
  std::vector<Violation> got = violations();
  EXPECT_VIOLATIONS(
      {REFIMPL_V_CTOR_MISMATCH, pfn, "pagetable_alloc", nullptr, 0, 0, line});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(contains(got[0].message,
                       "pagetable_pmd_ctor runs on pfn " + hex(pfn) +
                           ", a pte table allocated by pagetable_alloc, on "
                           "which the pte constructor ran already"))
      << got[0].message;
  pagetable_pmd_dtor(pt);
  pagetable_free(pt);
  EXPECT_EQ(refimpl_violation_count(), 0u);

  pagetable_pmd_dtor(pt);
  got = violations();
  EXPECT_VIOLATIONS({REFIMPL_V_CTOR_MISMATCH, pfn, "pagetable_alloc",
                     "pagetable_pmd_dtor", 0, 0, line});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(contains(got[0].message, "not the start of a live allocation"))
      << got[0].message;
}

// The model's own teardown runs each table's destructor before its free.
TEST_F(Checker, PageTableTeardownRunsTheDestructors) {
  int levels = refimpl_paging_levels();
  ASSERT_EQ(refimpl_set_paging_levels(4), 0);
  ASSERT_EQ(refimpl_paging_init(), 0);
  const unsigned long va = 0xffffc90000000000UL;
  pgd_t *pgd = pgd_offset_k(va);
  pud_t *pud = pud_alloc_one(&init_mm, va);
  pmd_t *pmd = pmd_alloc_one(&init_mm, va);
  pgtable_t pte = pte_alloc_one(&init_mm);
  pte_t *kpte = pte_alloc_one_kernel(&init_mm);
  ASSERT_TRUE(pud && pmd && pte && kpte);
  p4d_populate(&init_mm, p4d_offset(pgd, va), pud);
  pud_populate(&init_mm, pud_offset(p4d_offset(pgd, va), va), pmd);
  pmd_populate(&init_mm, pmd + pmd_index(va), pte);
  pmd_populate_kernel(&init_mm, pmd + pmd_index(va) + 1, kpte);
  EXPECT_EQ(refimpl_ptlocks_live(), 2UL);
  refimpl_paging_teardown();
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 3UL) << "pud, pmd, kernel pte";
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 3UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  refimpl_set_paging_levels(levels);
}

TEST_F(Checker, CtorMismatchIsDumpedWithItsKindName) {
  pmd_t *pmd = pmd_alloc_one(&init_mm, 0);
  ASSERT_NE(pmd, nullptr);
  pgtable_free(pmd);
  refimpl_flush_kernel_pgtable_work();
  ::testing::internal::CaptureStderr();
  refimpl_violations_dump();
  std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(contains(out, "refimpl: ctor-mismatch: pgtable_free frees pfn "))
      << out;
  EXPECT_TRUE(contains(out, "(allocated at " __FILE__ ":")) << out;
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_CTOR_MISMATCH), 1u);
  refimpl_violations_clear();
}

// ---- the violation list ----

TEST_F(Checker, ClearAndCount) {
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_violation_at(0), nullptr);
  pgtable_free(nullptr);
  pgtable_free(nullptr);
  (void)__pa(0UL);
  EXPECT_EQ(refimpl_violation_count(), 3u);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_BAD_FREE_ADDRESS), 2u);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_BAD_ADDRESS), 1u);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_LEAK), 0u);
  ASSERT_NE(refimpl_violation_at(2), nullptr);
  EXPECT_EQ(refimpl_violation_at(2)->kind, REFIMPL_V_BAD_ADDRESS);
  EXPECT_EQ(refimpl_violation_at(3), nullptr);
  refimpl_violations_clear();
  EXPECT_EQ(refimpl_violation_count(), 0u);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_BAD_FREE_ADDRESS), 0u);
  EXPECT_EQ(refimpl_violation_at(0), nullptr);
  // Recording works again after a clear.
  pgtable_free(nullptr);
  EXPECT_EQ(refimpl_violation_count(), 1u);
  refimpl_violations_clear();
}

TEST_F(Checker, ManyViolationsAreAllKept) {
  for (int i = 0; i < 1000; i++)
    (void)__pa((unsigned long)i);
  EXPECT_EQ(refimpl_violation_count(), 1000u);
  EXPECT_EQ(refimpl_violation_at(999)->kind, REFIMPL_V_BAD_ADDRESS);
  refimpl_violations_clear();
}

TEST_F(Checker, MemInitClearsViolations) {
  pgtable_free(nullptr);
  ASSERT_EQ(refimpl_violation_count(), 1u);
  ASSERT_EQ(refimpl_mem_init(kPages), 0);
  EXPECT_EQ(refimpl_violation_count(), 0u);
}

TEST_F(Checker, KindNames) {
  const std::pair<refimpl_violation_kind, const char *> names[] = {
      {REFIMPL_V_FAMILY_MISMATCH, "family-mismatch"},
      {REFIMPL_V_ORDER_MISMATCH, "order-mismatch"},
      {REFIMPL_V_DOUBLE_FREE, "double-free"},
      {REFIMPL_V_BAD_FREE_ADDRESS, "bad-free-address"},
      {REFIMPL_V_WALK_FREED_TABLE, "walk-freed-table"},
      {REFIMPL_V_LEAK, "leak"},
      {REFIMPL_V_BAD_ADDRESS, "bad-address"},
      {REFIMPL_V_CTOR_MISMATCH, "ctor-mismatch"},
  };
  static_assert(std::size(names) == REFIMPL_V_NR_KINDS, "a kind is missing");
  for (auto &[kind, name] : names)
    EXPECT_STREQ(refimpl_violation_kind_name(kind), name);
  EXPECT_STREQ(refimpl_violation_kind_name(REFIMPL_V_NR_KINDS), "?");
  EXPECT_STREQ(refimpl_violation_kind_name((refimpl_violation_kind)-1), "?");
}

TEST_F(Checker, DumpPrintsKindMessageAndCallSite) {
  const int line = __LINE__ + 1;
  unsigned long addr = __get_free_pages(GFP_KERNEL, 1);
  ASSERT_NE(addr, 0UL);
  free_pages(addr, 0);
  ::testing::internal::CaptureStderr();
  refimpl_violations_dump();
  std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(out.find("order-mismatch"), std::string::npos) << out;
  EXPECT_NE(out.find("__get_free_pages"), std::string::npos) << out;
  EXPECT_NE(out.find(std::string(__FILE__) + ":" + std::to_string(line)),
            std::string::npos)
      << out;
  refimpl_violations_clear();
}

} // namespace
