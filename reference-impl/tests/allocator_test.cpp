// The page allocator of the reference model: alloc_pages() and friends, the
// free side, compound pages, poisoning, address conversions, exhaustion,
// failure injection, call-site recording and the GFP composites.
#include "mm_fixture.h"

namespace {

using refimpl_test::allBytes;
using refimpl_test::AllocInfo;
using refimpl_test::infoOf;
using refimpl_test::pfnOf;

constexpr unsigned int kMaxOrder = 10;

bool isPowerOfTwo(unsigned long x) { return x && !(x & (x - 1)); }

class Allocator : public refimpl_test::MmTest {};

// ---- every allocator, every order ----

TEST_F(Allocator, AllocPagesEveryOrder) {
  for (unsigned int order = 0; order <= kMaxOrder; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    struct page *page = alloc_pages(GFP_KERNEL, order);
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
    EXPECT_EQ(refimpl_live_allocations(), 1UL);
    AllocInfo info = infoOf(page_address(page));
    EXPECT_TRUE(info.live);
    EXPECT_EQ(info.family, REFIMPL_FAMILY_PAGE);
    EXPECT_STREQ(info.api, "alloc_pages");
    EXPECT_EQ(info.order, order);
    EXPECT_FALSE(info.compound);
    EXPECT_FALSE(info.zeroed);
    EXPECT_EQ(page_ref_count(page), 1);
    __free_pages(page, order);
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
    EXPECT_EQ(refimpl_live_allocations(), 0UL);
    EXPECT_FALSE(infoOf(page_address(page)).live);
  }
}

TEST_F(Allocator, AllocPageIsOrderZero) {
  struct page *page = alloc_page(GFP_KERNEL);
  ASSERT_NE(page, nullptr);
  AllocInfo info = infoOf(page_address(page));
  EXPECT_TRUE(info.live);
  EXPECT_STREQ(info.api, "alloc_pages");
  EXPECT_EQ(info.order, 0u);
  EXPECT_EQ(refimpl_pages_in_use(), 1UL);
  __free_page(page);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Allocator, GetFreePagesEveryOrder) {
  for (unsigned int order = 0; order <= kMaxOrder; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    unsigned long addr = __get_free_pages(GFP_KERNEL, order);
    ASSERT_NE(addr, 0UL);
    EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
    AllocInfo info = infoOf(addr);
    EXPECT_TRUE(info.live);
    EXPECT_EQ(info.family, REFIMPL_FAMILY_PAGE);
    EXPECT_STREQ(info.api, "__get_free_pages");
    EXPECT_EQ(info.order, order);
    EXPECT_FALSE(info.zeroed);
    free_pages(addr, order);
    EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  }
}

TEST_F(Allocator, GetFreePageIsOrderZero) {
  unsigned long addr = __get_free_page(GFP_KERNEL);
  ASSERT_NE(addr, 0UL);
  AllocInfo info = infoOf(addr);
  EXPECT_STREQ(info.api, "__get_free_pages");
  EXPECT_EQ(info.order, 0u);
  EXPECT_EQ(refimpl_pages_in_use(), 1UL);
  free_page(addr);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

TEST_F(Allocator, GetZeroedPage) {
  unsigned long addr = get_zeroed_page(GFP_KERNEL);
  ASSERT_NE(addr, 0UL);
  AllocInfo info = infoOf(addr);
  EXPECT_TRUE(info.live);
  EXPECT_EQ(info.family, REFIMPL_FAMILY_PAGE);
  EXPECT_STREQ(info.api, "get_zeroed_page");
  EXPECT_EQ(info.order, 0u);
  EXPECT_TRUE(info.zeroed);
  EXPECT_TRUE(allBytes(addr, PAGE_SIZE, 0));
  free_page(addr);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

// Every free function releases what the matching allocator handed out, and
// the pages can be handed out again.
TEST_F(Allocator, EveryFreeReleasesItsAllocation) {
  struct page *a = alloc_pages(GFP_KERNEL, 3);
  struct page *b = alloc_page(GFP_KERNEL);
  unsigned long c = __get_free_pages(GFP_KERNEL, 2);
  unsigned long d = __get_free_page(GFP_KERNEL);
  unsigned long e = get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(a && b && c && d && e);
  EXPECT_EQ(refimpl_pages_in_use(), 8UL + 1 + 4 + 1 + 1);
  EXPECT_EQ(refimpl_live_allocations(), 5UL);
  __free_pages(a, 3);
  EXPECT_EQ(refimpl_pages_in_use(), 7UL);
  __free_page(b);
  EXPECT_EQ(refimpl_pages_in_use(), 6UL);
  free_pages(c, 2);
  EXPECT_EQ(refimpl_pages_in_use(), 2UL);
  free_page(d);
  free_page(e);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_pages_free(), kPages - 1);
}

TEST_F(Allocator, OrderAboveMaxFails) {
  for (unsigned int order : {kMaxOrder + 1, kMaxOrder + 2, 31u}) {
    SCOPED_TRACE("order " + std::to_string(order));
    EXPECT_EQ(alloc_pages(GFP_KERNEL, order), nullptr);
    EXPECT_EQ(alloc_pages(GFP_KERNEL | __GFP_COMP, order), nullptr);
    EXPECT_EQ(__get_free_pages(GFP_KERNEL, order), 0UL);
  }
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  // Memory that could hold an order-11 block does not make it succeed.
  ASSERT_EQ(refimpl_mem_init(4096), 0);
  EXPECT_EQ(alloc_pages(GFP_KERNEL, kMaxOrder + 1), nullptr);
  struct page *max = alloc_pages(GFP_KERNEL, kMaxOrder);
  ASSERT_NE(max, nullptr);
  __free_pages(max, kMaxOrder);
}

// ---- alignment ----

TEST_F(Allocator, BlocksAreNaturallyAligned) {
  // A single page first, so that a first-fit allocator that ignored
  // alignment would hand out misaligned blocks.
  struct page *pad = alloc_page(GFP_KERNEL);
  ASSERT_NE(pad, nullptr);
  for (unsigned int order = 0; order <= kMaxOrder; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    unsigned long addr = __get_free_pages(GFP_KERNEL, order);
    ASSERT_NE(addr, 0UL);
    unsigned long pfn = pfnOf(addr);
    EXPECT_EQ(pfn % (1UL << order), 0UL) << "pfn " << pfn;
    EXPECT_EQ(__pa(addr) % (PAGE_SIZE << order), 0UL);
    // The direct map is aligned as in the kernel, so virtual addresses are
    // naturally aligned too (x86 PTI finds the user half of an order-1 pgd
    // by or-ing PAGE_SIZE into the kernel half's virtual address).
    EXPECT_EQ(addr % (PAGE_SIZE << order), 0UL) << std::hex << addr;
    free_pages(addr, order);
  }
  __free_page(pad);
}

TEST_F(Allocator, MixedOrdersStayAlignedAndDisjoint) {
  const unsigned int orders[] = {0, 3, 1, 5, 0, 2, 4, 1, 0, 6, 3, 0, 7, 2};
  std::vector<std::pair<unsigned long, unsigned int>> live;
  for (unsigned int order : orders) {
    unsigned long addr = __get_free_pages(GFP_KERNEL, order);
    ASSERT_NE(addr, 0UL);
    EXPECT_EQ(pfnOf(addr) % (1UL << order), 0UL);
    for (auto &[other, other_order] : live) {
      unsigned long end = addr + (PAGE_SIZE << order);
      unsigned long other_end = other + (PAGE_SIZE << other_order);
      EXPECT_TRUE(end <= other || other_end <= addr)
          << "blocks overlap: order " << order << " and " << other_order;
    }
    live.push_back({addr, order});
  }
  unsigned long pages = 0;
  for (unsigned int order : orders)
    pages += 1UL << order;
  EXPECT_EQ(refimpl_pages_in_use(), pages);
  for (auto &[addr, order] : live)
    free_pages(addr, order);
}

// A higher-order block needs an aligned run of free pages, not just enough
// free pages.
TEST_F(Allocator, HigherOrderNeedsAnAlignedFreeRun) {
  ASSERT_EQ(refimpl_mem_init(8), 0);
  unsigned long page[8] = {};
  for (unsigned long pfn = 1; pfn < 8; pfn++) {
    page[pfn] = __get_free_page(GFP_KERNEL);
    ASSERT_NE(page[pfn], 0UL);
  }
  EXPECT_EQ(__get_free_page(GFP_KERNEL), 0UL);
  // Hand out order 0 in pfn order: map each address back to its pfn.
  unsigned long by_pfn[8] = {};
  for (unsigned long i = 1; i < 8; i++)
    by_pfn[pfnOf(page[i])] = page[i];
  ASSERT_EQ(by_pfn[0], 0UL);
  free_page(by_pfn[3]);
  free_page(by_pfn[4]);
  EXPECT_EQ(refimpl_pages_free(), 2UL);
  EXPECT_EQ(__get_free_pages(GFP_KERNEL, 1), 0UL) << "pfns 3-4 straddle";
  free_page(by_pfn[5]);
  unsigned long pair = __get_free_pages(GFP_KERNEL, 1);
  ASSERT_NE(pair, 0UL);
  EXPECT_EQ(pfnOf(pair), 4UL);
  free_pages(pair, 1);
  for (unsigned long pfn : {1, 2, 6, 7})
    free_page(by_pfn[pfn]);
}

// ---- contents: zeroing and poison ----

TEST_F(Allocator, PoisonUnlessGfpZero) {
  for (unsigned int order : {0u, 1u, 4u, kMaxOrder}) {
    SCOPED_TRACE("order " + std::to_string(order));
    size_t len = PAGE_SIZE << order;
    struct page *page = alloc_pages(GFP_KERNEL, order);
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(allBytes(page_address(page), len, REFIMPL_POISON_ALLOC));
    __free_pages(page, order);
    unsigned long addr = __get_free_pages(GFP_KERNEL, order);
    ASSERT_NE(addr, 0UL);
    EXPECT_TRUE(allBytes(addr, len, REFIMPL_POISON_ALLOC));
    free_pages(addr, order);
    addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
    ASSERT_NE(addr, 0UL);
    EXPECT_TRUE(allBytes(addr, len, 0));
    EXPECT_TRUE(infoOf(addr).zeroed);
    free_pages(addr, order);
    page = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_COMP, order);
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(allBytes(page_address(page), len, 0));
    __free_pages(page, order);
  }
}

// With one usable page, every allocation reuses the same frame: dirty it and
// check that the next allocation is filled again.
TEST_F(Allocator, ReusedPageIsRefilled) {
  ASSERT_EQ(refimpl_mem_init(2), 0);
  unsigned long addr = __get_free_page(GFP_KERNEL);
  ASSERT_NE(addr, 0UL);
  memset((void *)addr, 0x11, PAGE_SIZE);
  free_page(addr);
  EXPECT_TRUE(allBytes(addr, PAGE_SIZE, REFIMPL_POISON_FREE));

  unsigned long again = get_zeroed_page(GFP_KERNEL);
  ASSERT_EQ(again, addr);
  EXPECT_TRUE(allBytes(again, PAGE_SIZE, 0));
  memset((void *)again, 0x22, PAGE_SIZE);
  free_page(again);

  struct page *page = alloc_page(GFP_KERNEL);
  ASSERT_EQ(page_address(page), (void *)addr);
  EXPECT_TRUE(allBytes(addr, PAGE_SIZE, REFIMPL_POISON_ALLOC));
  __free_page(page);
}

TEST_F(Allocator, FreedPagesArePoisoned) {
  for (unsigned int order : {0u, 2u, 5u}) {
    SCOPED_TRACE("order " + std::to_string(order));
    size_t len = PAGE_SIZE << order;
    unsigned long addr = get_zeroed_page(GFP_KERNEL);
    ASSERT_NE(addr, 0UL);
    free_page(addr);
    EXPECT_TRUE(allBytes(addr, PAGE_SIZE, REFIMPL_POISON_FREE));

    struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
    ASSERT_NE(page, nullptr);
    void *va = page_address(page);
    memset(va, 0x5a, len);
    __free_pages(page, order);
    EXPECT_TRUE(allBytes(va, len, REFIMPL_POISON_FREE));
  }
}

TEST_F(Allocator, PoisonValues) {
  // Bit 0 of the allocation poison makes unzeroed page-table entries
  // "present"; the free poison is the kernel's POISON_FREE.
  EXPECT_EQ(REFIMPL_POISON_ALLOC & 1, 1);
  EXPECT_EQ(REFIMPL_POISON_FREE, 0x6b);
  EXPECT_NE(REFIMPL_POISON_ALLOC, REFIMPL_POISON_FREE);
  EXPECT_NE(REFIMPL_POISON_ALLOC, 0);
}

// ---- compound pages ----

TEST_F(Allocator, GfpCompMakesCompoundPages) {
  for (unsigned int order = 1; order <= kMaxOrder; order++) {
    SCOPED_TRACE("order " + std::to_string(order));
    struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, order);
    ASSERT_NE(head, nullptr);
    EXPECT_TRUE(PageHead(head));
    EXPECT_FALSE(PageTail(head));
    EXPECT_TRUE(PageCompound(head));
    EXPECT_EQ(compound_head(head), head);
    EXPECT_EQ(compound_order(head), order);
    for (unsigned long i = 1; i < (1UL << order); i++) {
      ASSERT_TRUE(PageTail(&head[i])) << "page " << i;
      ASSERT_FALSE(PageHead(&head[i])) << "page " << i;
      ASSERT_TRUE(PageCompound(&head[i]));
      ASSERT_EQ(compound_head(&head[i]), head) << "page " << i;
      ASSERT_EQ(compound_order(&head[i]), 0u) << "tails report order 0";
    }
    EXPECT_TRUE(infoOf(page_address(head)).compound);
    // The page after the block is not part of it.
    if (page_to_pfn(head) + (1UL << order) < refimpl_mem_pages) {
      EXPECT_FALSE(PageTail(&head[1UL << order]));
    }
    __free_pages(head, order);
    EXPECT_FALSE(PageHead(head));
    EXPECT_FALSE(PageTail(&head[1]));
  }
}

TEST_F(Allocator, CompoundThroughGetFreePages) {
  unsigned long addr = __get_free_pages(GFP_KERNEL | __GFP_COMP, 3);
  ASSERT_NE(addr, 0UL);
  struct page *head = virt_to_page(addr);
  EXPECT_TRUE(PageHead(head));
  EXPECT_EQ(compound_order(head), 3u);
  EXPECT_EQ(compound_head(virt_to_page(addr + 5 * PAGE_SIZE)), head);
  free_pages(addr, 3);
}

TEST_F(Allocator, NoGfpCompNoCompoundPage) {
  struct page *page = alloc_pages(GFP_KERNEL, 3);
  ASSERT_NE(page, nullptr);
  EXPECT_FALSE(infoOf(page_address(page)).compound);
  for (unsigned long i = 0; i < 8; i++) {
    EXPECT_FALSE(PageHead(&page[i]));
    EXPECT_FALSE(PageTail(&page[i]));
    EXPECT_EQ(compound_head(&page[i]), &page[i]);
  }
  EXPECT_EQ(compound_order(page), 0u);
  __free_pages(page, 3);
}

TEST_F(Allocator, OrderZeroGfpCompIsNotCompound) {
  struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 0);
  ASSERT_NE(page, nullptr);
  EXPECT_FALSE(PageHead(page));
  EXPECT_FALSE(PageCompound(page));
  EXPECT_EQ(compound_order(page), 0u);
  EXPECT_FALSE(infoOf(page_address(page)).compound);
  __free_pages(page, 0);
}

// ---- free of address 0 ----

TEST_F(Allocator, FreePageOfZeroIsNoOp) {
  unsigned long addr = __get_free_page(GFP_KERNEL);
  ASSERT_NE(addr, 0UL);
  unsigned long in_use = refimpl_pages_in_use();
  free_page(0);
  free_pages(0, 0);
  free_pages(0, 3);
  EXPECT_EQ(refimpl_pages_in_use(), in_use);
  EXPECT_TRUE(infoOf(addr).live);
  EXPECT_EQ(refimpl_violation_count(), 0UL);
  free_page(addr);
}

// ---- address conversions ----

TEST_F(Allocator, AddressRoundTrips) {
  const unsigned int order = 3;
  struct page *page = alloc_pages(GFP_KERNEL, order);
  ASSERT_NE(page, nullptr);
  unsigned long pfn = page_to_pfn(page);
  void *va = page_address(page);
  EXPECT_GT(pfn, 0UL);
  EXPECT_LT(pfn, refimpl_mem_pages);
  EXPECT_TRUE(pfn_valid(pfn));
  EXPECT_EQ(pfn_to_page(pfn), page);
  EXPECT_EQ(__pa(va), PFN_PHYS(pfn));
  EXPECT_EQ(__va(PFN_PHYS(pfn)), va);
  EXPECT_EQ(virt_to_page(va), page);
  EXPECT_EQ(virt_to_pfn(va), pfn);
  EXPECT_EQ(PHYS_PFN(__pa(va)), pfn);
  EXPECT_TRUE(virt_addr_valid(va));
  EXPECT_EQ(va, (void *)(refimpl_mem_base + PFN_PHYS(pfn)));
  for (unsigned long i = 0; i < (1UL << order); i++) {
    char *sub = static_cast<char *>(va) + i * PAGE_SIZE;
    EXPECT_EQ(page_address(&page[i]), (void *)sub);
    EXPECT_EQ(virt_to_page(sub), &page[i]);
    EXPECT_EQ(page_to_pfn(&page[i]), pfn + i);
    // Any byte of a page maps to that page.
    EXPECT_EQ(virt_to_page(sub + PAGE_SIZE - 1), &page[i]);
    EXPECT_EQ(__pa(sub + 123), PFN_PHYS(pfn + i) + 123);
  }
  // The unsigned long form of __pa() agrees with the pointer form.
  EXPECT_EQ(__pa((unsigned long)va), __pa(va));
  EXPECT_FALSE(pfn_valid(refimpl_mem_pages));
  EXPECT_EQ(refimpl_violation_count(), 0UL);
  __free_pages(page, order);
}

TEST_F(Allocator, RoundTripsForEveryPfn) {
  for (unsigned long pfn = 0; pfn < refimpl_mem_pages; pfn++) {
    struct page *page = pfn_to_page(pfn);
    void *va = page_address(page);
    ASSERT_EQ(page_to_pfn(page), pfn);
    ASSERT_EQ(__va(PFN_PHYS(pfn)), va);
    ASSERT_EQ(__pa(va), PFN_PHYS(pfn));
    ASSERT_EQ(virt_to_page(va), page);
  }
}

TEST_F(Allocator, PfnZeroIsReservedAndNeverHandedOut) {
  EXPECT_TRUE(PageReserved(pfn_to_page(0)));
  EXPECT_EQ(refimpl_pages_free(), kPages - 1);
  ASSERT_EQ(refimpl_mem_init(16), 0);
  EXPECT_TRUE(PageReserved(pfn_to_page(0)));
  std::vector<unsigned long> pages;
  while (unsigned long addr = __get_free_page(GFP_KERNEL)) {
    EXPECT_NE(pfnOf(addr), 0UL);
    EXPECT_FALSE(PageReserved(virt_to_page(addr)));
    pages.push_back(addr);
  }
  EXPECT_EQ(pages.size(), 15u);
  for (unsigned long addr : pages)
    free_page(addr);
}

// ---- exhaustion ----

TEST_F(Allocator, ExhaustionFailsAndRecovers) {
  ASSERT_EQ(refimpl_mem_init(64), 0);
  std::vector<struct page *> pages;
  while (struct page *page = alloc_page(GFP_KERNEL))
    pages.push_back(page);
  ASSERT_EQ(pages.size(), 63u);
  EXPECT_EQ(refimpl_pages_free(), 0UL);
  EXPECT_EQ(refimpl_pages_in_use(), 63UL);
  EXPECT_EQ(alloc_page(GFP_KERNEL), nullptr);
  EXPECT_EQ(alloc_pages(GFP_KERNEL | __GFP_ZERO, 0), nullptr);
  EXPECT_EQ(__get_free_page(GFP_KERNEL), 0UL);
  EXPECT_EQ(__get_free_pages(GFP_KERNEL, 1), 0UL);
  EXPECT_EQ(get_zeroed_page(GFP_KERNEL), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 63UL);

  struct page *victim = pages.back();
  pages.pop_back();
  __free_page(victim);
  EXPECT_EQ(refimpl_pages_free(), 1UL);
  unsigned long again = get_zeroed_page(GFP_KERNEL);
  ASSERT_NE(again, 0UL);
  EXPECT_EQ(virt_to_page(again), victim);
  EXPECT_EQ(get_zeroed_page(GFP_KERNEL), 0UL);
  free_page(again);
  for (struct page *page : pages)
    __free_page(page);
  EXPECT_EQ(refimpl_pages_free(), 63UL);
  // Everything freed: a large block fits again.
  unsigned long big = __get_free_pages(GFP_KERNEL, 5);
  ASSERT_NE(big, 0UL);
  free_pages(big, 5);
}

TEST_F(Allocator, HighOrderExhaustion) {
  ASSERT_EQ(refimpl_mem_init(64), 0);
  // pfn 0 is reserved, so only pfns 32..63 form a free order-5 block.
  unsigned long block = __get_free_pages(GFP_KERNEL, 5);
  ASSERT_NE(block, 0UL);
  EXPECT_EQ(pfnOf(block), 32UL);
  EXPECT_EQ(__get_free_pages(GFP_KERNEL, 5), 0UL);
  EXPECT_EQ(alloc_pages(GFP_KERNEL, 6), nullptr);
  free_pages(block, 5);
  block = __get_free_pages(GFP_KERNEL, 5);
  ASSERT_NE(block, 0UL);
  free_pages(block, 5);
}

// ---- failure injection ----

struct NamedAllocator {
  const char *name;
  std::function<bool()> alloc_and_free; // true if the allocation succeeded
};

std::vector<NamedAllocator> everyAllocator() {
  return {
      {"alloc_pages",
       [] {
         struct page *p = alloc_pages(GFP_KERNEL, 2);
         if (p)
           __free_pages(p, 2);
         return p != nullptr;
       }},
      {"alloc_page",
       [] {
         struct page *p = alloc_page(GFP_KERNEL);
         if (p)
           __free_page(p);
         return p != nullptr;
       }},
      {"__get_free_pages",
       [] {
         unsigned long a = __get_free_pages(GFP_KERNEL, 1);
         free_pages(a, 1);
         return a != 0;
       }},
      {"__get_free_page",
       [] {
         unsigned long a = __get_free_page(GFP_KERNEL);
         free_page(a);
         return a != 0;
       }},
      {"get_zeroed_page",
       [] {
         unsigned long a = get_zeroed_page(GFP_KERNEL);
         free_page(a);
         return a != 0;
       }},
  };
}

TEST_F(Allocator, FailNthFailsExactlyTheNthCall) {
  for (unsigned long n = 1; n <= 5; n++) {
    SCOPED_TRACE("n = " + std::to_string(n));
    refimpl_fail_nth_alloc(n);
    for (unsigned long call = 1; call <= 8; call++) {
      unsigned long before = refimpl_alloc_calls();
      struct page *page = alloc_page(GFP_KERNEL);
      EXPECT_EQ(refimpl_alloc_calls(), before + 1);
      if (call == n) {
        EXPECT_EQ(page, nullptr) << "call " << call;
        EXPECT_EQ(refimpl_pages_in_use(), 0UL);
      } else {
        EXPECT_NE(page, nullptr) << "call " << call;
      }
      if (page)
        __free_page(page);
    }
  }
}

TEST_F(Allocator, FailNthAppliesToEveryAllocator) {
  for (const NamedAllocator &a : everyAllocator()) {
    SCOPED_TRACE(a.name);
    EXPECT_TRUE(a.alloc_and_free());
    refimpl_fail_nth_alloc(1);
    EXPECT_FALSE(a.alloc_and_free());
    EXPECT_TRUE(a.alloc_and_free()) << "only the nth call fails";
    refimpl_fail_nth_alloc(2);
    EXPECT_TRUE(a.alloc_and_free());
    EXPECT_FALSE(a.alloc_and_free());
    EXPECT_TRUE(a.alloc_and_free());
  }
}

TEST_F(Allocator, FailNthCountsCallsAcrossAllocators) {
  refimpl_fail_nth_alloc(3);
  struct page *a = alloc_page(GFP_KERNEL);
  unsigned long b = __get_free_page(GFP_KERNEL);
  unsigned long c = get_zeroed_page(GFP_KERNEL);
  unsigned long d = __get_free_pages(GFP_KERNEL, 2);
  EXPECT_NE(a, nullptr);
  EXPECT_NE(b, 0UL);
  EXPECT_EQ(c, 0UL);
  EXPECT_NE(d, 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 3UL);
  __free_page(a);
  free_page(b);
  free_page(c); // 0: no-op
  free_pages(d, 2);
}

TEST_F(Allocator, FailNthZeroDisarms) {
  refimpl_fail_nth_alloc(2);
  refimpl_fail_nth_alloc(0);
  for (int i = 0; i < 4; i++) {
    unsigned long addr = __get_free_page(GFP_KERNEL);
    EXPECT_NE(addr, 0UL) << "call " << i + 1;
    free_page(addr);
  }
}

TEST_F(Allocator, FailNthRearmReplacesAndCountsFromNow) {
  struct page *p = alloc_page(GFP_KERNEL);
  __free_page(p);
  refimpl_fail_nth_alloc(5);
  refimpl_fail_nth_alloc(2); // replaces the first
  std::vector<bool> ok;
  for (int i = 0; i < 6; i++) {
    unsigned long addr = __get_free_page(GFP_KERNEL);
    ok.push_back(addr != 0);
    free_page(addr);
  }
  EXPECT_EQ(ok, (std::vector<bool>{true, false, true, true, true, true}));
}

TEST_F(Allocator, AllocCallsCountsEveryCall) {
  EXPECT_EQ(refimpl_alloc_calls(), 0UL);
  struct page *p = alloc_page(GFP_KERNEL);
  EXPECT_EQ(alloc_pages(GFP_KERNEL, kMaxOrder + 1), nullptr);
  unsigned long z = get_zeroed_page(GFP_KERNEL);
  EXPECT_EQ(refimpl_alloc_calls(), 3UL);
  __free_page(p);
  free_page(z);
  EXPECT_EQ(refimpl_alloc_calls(), 3UL) << "frees are not allocations";
  ASSERT_EQ(refimpl_mem_init(kPages), 0);
  EXPECT_EQ(refimpl_alloc_calls(), 0UL) << "reset by refimpl_mem_init";
}

// ---- call sites recorded by alloc_hooks() ----

TEST_F(Allocator, AllocHooksRecordTheCallSite) {
  const int line_a = __LINE__ + 1;
  struct page *a = alloc_pages(GFP_KERNEL, 1);
  const int line_b = __LINE__ + 1;
  struct page *b = alloc_page(GFP_KERNEL);
  const int line_c = __LINE__ + 1;
  unsigned long c = __get_free_pages(GFP_KERNEL, 2);
  const int line_d = __LINE__ + 1;
  unsigned long d = __get_free_page(GFP_KERNEL);
  const int line_e = __LINE__ + 1;
  unsigned long e = get_zeroed_page(GFP_KERNEL);
  ASSERT_TRUE(a && b && c && d && e);

  struct Case {
    const void *addr;
    int line;
  } cases[] = {{page_address(a), line_a},
               {page_address(b), line_b},
               {(const void *)c, line_c},
               {(const void *)d, line_d},
               {(const void *)e, line_e}};
  for (const Case &k : cases) {
    AllocInfo info = infoOf(k.addr);
    ASSERT_NE(info.file, nullptr);
    EXPECT_STREQ(info.file, __FILE__);
    EXPECT_EQ(info.line, k.line);
  }
  // Any address inside the allocation reports the same site.
  EXPECT_EQ(infoOf((char *)c + 3 * PAGE_SIZE + 17).line, line_c);
  __free_pages(a, 1);
  __free_page(b);
  free_pages(c, 2);
  free_page(d);
  free_page(e);
}

TEST_F(Allocator, NoprofCallsRecordNoSite) {
  struct page *hooked = alloc_page(GFP_KERNEL);
  // The hook's tag is restored afterwards: a later unhooked call does not
  // inherit it.
  struct page *bare = alloc_pages_noprof(GFP_KERNEL, 0);
  unsigned long bare2 = get_zeroed_page_noprof(GFP_KERNEL);
  ASSERT_TRUE(hooked && bare && bare2);
  EXPECT_NE(infoOf(page_address(hooked)).file, nullptr);
  AllocInfo info = infoOf(page_address(bare));
  EXPECT_EQ(info.file, nullptr);
  EXPECT_EQ(info.line, 0);
  EXPECT_STREQ(info.api, "alloc_pages");
  EXPECT_EQ(infoOf(bare2).file, nullptr);
  __free_page(hooked);
  __free_page(bare);
  free_page(bare2);
}

TEST_F(Allocator, AllocHooksReturnTheAllocatorsResult) {
  // alloc_hooks() is a statement expression: it must yield the value and
  // type of the _noprof call, including on failure.
  refimpl_fail_nth_alloc(1);
  unsigned long failed = get_zeroed_page(GFP_KERNEL);
  EXPECT_EQ(failed, 0UL);
  struct page *page = alloc_pages(GFP_KERNEL, 0);
  unsigned long addr = __get_free_pages(GFP_KERNEL, 0);
  auto zeroed = get_zeroed_page(GFP_KERNEL);
  static_assert(std::is_same_v<decltype(zeroed), unsigned long>);
  auto ptr = alloc_page(GFP_KERNEL);
  static_assert(std::is_same_v<decltype(ptr), struct page *>);
  EXPECT_EQ(page_address(page), (void *)__va(PFN_PHYS(page_to_pfn(page))));
  EXPECT_EQ(infoOf(addr).order, 0u);
  EXPECT_TRUE(allBytes(zeroed, PAGE_SIZE, 0));
  EXPECT_EQ(refimpl_live_allocations(), 4UL);
  __free_page(page);
  free_page(addr);
  free_page(zeroed);
  __free_page(ptr);
}

// ---- GFP composites ----

TEST(GfpFlags, ModifiersAreDistinctSingleBits) {
  const gfp_t flags[] = {__GFP_DMA,
                         __GFP_HIGHMEM,
                         __GFP_DMA32,
                         __GFP_MOVABLE,
                         __GFP_RECLAIMABLE,
                         __GFP_HIGH,
                         __GFP_IO,
                         __GFP_FS,
                         __GFP_ZERO,
                         __GFP_DIRECT_RECLAIM,
                         __GFP_KSWAPD_RECLAIM,
                         __GFP_NOWARN,
                         __GFP_RETRY_MAYFAIL,
                         __GFP_NOFAIL,
                         __GFP_NORETRY,
                         __GFP_COMP,
                         __GFP_HARDWALL,
                         __GFP_ACCOUNT};
  gfp_t seen = 0;
  for (gfp_t f : flags) {
    EXPECT_TRUE(isPowerOfTwo(f)) << std::hex << f;
    EXPECT_EQ(seen & f, 0u) << "bit used twice: " << std::hex << f;
    seen |= f;
  }
}

TEST(GfpFlags, Composites) {
  EXPECT_EQ(__GFP_RECLAIM, __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM);
  EXPECT_EQ(GFP_KERNEL, __GFP_RECLAIM | __GFP_IO | __GFP_FS);
  EXPECT_EQ(GFP_KERNEL_ACCOUNT, GFP_KERNEL | __GFP_ACCOUNT);
  EXPECT_EQ(GFP_ATOMIC, __GFP_HIGH | __GFP_KSWAPD_RECLAIM);
  EXPECT_EQ(GFP_ATOMIC & __GFP_DIRECT_RECLAIM, 0u) << "atomic cannot sleep";
  EXPECT_EQ(GFP_NOWAIT, __GFP_KSWAPD_RECLAIM | __GFP_NOWARN);
  EXPECT_EQ(GFP_NOWAIT & __GFP_DIRECT_RECLAIM, 0u);
  EXPECT_EQ(GFP_NOIO, __GFP_RECLAIM);
  EXPECT_EQ(GFP_NOFS, __GFP_RECLAIM | __GFP_IO);
  EXPECT_EQ(GFP_USER, __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL);
  EXPECT_NE(GFP_USER, GFP_KERNEL);
  EXPECT_EQ(GFP_HIGHUSER, GFP_USER | __GFP_HIGHMEM);
}

TEST(GfpFlags, PageTableMasks) {
  EXPECT_EQ(GFP_PGTABLE_KERNEL, GFP_KERNEL | __GFP_ZERO);
  EXPECT_NE(GFP_PGTABLE_KERNEL & __GFP_ZERO, 0u);
  EXPECT_EQ(GFP_PGTABLE_KERNEL & __GFP_ACCOUNT, 0u);
  EXPECT_EQ(GFP_PGTABLE_USER, GFP_PGTABLE_KERNEL | __GFP_ACCOUNT);
  EXPECT_NE(GFP_PGTABLE_USER & __GFP_ZERO, 0u);
  EXPECT_NE(GFP_PGTABLE_USER & __GFP_ACCOUNT, 0u);
  EXPECT_EQ(GFP_PGTABLE_USER & __GFP_COMP, 0u);
}

TEST_F(Allocator, CompositesZeroOnlyWithGfpZero) {
  struct Case {
    const char *name;
    gfp_t gfp;
    bool zero;
  } cases[] = {
      {"GFP_KERNEL", GFP_KERNEL, false},
      {"GFP_KERNEL_ACCOUNT", GFP_KERNEL_ACCOUNT, false},
      {"GFP_ATOMIC", GFP_ATOMIC, false},
      {"GFP_NOWAIT", GFP_NOWAIT, false},
      {"GFP_USER", GFP_USER, false},
      {"GFP_HIGHUSER", GFP_HIGHUSER, false},
      {"GFP_PGTABLE_KERNEL", GFP_PGTABLE_KERNEL, true},
      {"GFP_PGTABLE_USER", GFP_PGTABLE_USER, true},
      {"GFP_ATOMIC | __GFP_ZERO", GFP_ATOMIC | __GFP_ZERO, true},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.name);
    unsigned long addr = __get_free_pages(c.gfp, 1);
    ASSERT_NE(addr, 0UL);
    EXPECT_EQ(infoOf(addr).zeroed, c.zero);
    EXPECT_TRUE(
        allBytes(addr, 2 * PAGE_SIZE, c.zero ? 0 : REFIMPL_POISON_ALLOC));
    free_pages(addr, 1);
  }
}

// ---- model bookkeeping ----

TEST_F(Allocator, AllocInfoFindsTheBlockFromAnyAddress) {
  unsigned long addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 4);
  ASSERT_NE(addr, 0UL);
  for (unsigned long off :
       {0UL, 1UL, PAGE_SIZE, 7 * PAGE_SIZE + 100, 16 * PAGE_SIZE - 1}) {
    AllocInfo info = infoOf(addr + off);
    EXPECT_TRUE(info.live) << off;
    EXPECT_EQ(info.order, 4u) << off;
    EXPECT_TRUE(info.zeroed) << off;
    EXPECT_STREQ(info.api, "__get_free_pages") << off;
  }
  // The page after the block is free.
  EXPECT_FALSE(infoOf(addr + 16 * PAGE_SIZE).live);
  AllocInfo info;
  EXPECT_FALSE(refimpl_alloc_info(refimpl_mem_base - 1, &info));
  EXPECT_FALSE(refimpl_alloc_info(
      refimpl_mem_base + refimpl_mem_pages * PAGE_SIZE, &info));
  free_pages(addr, 4);
}

TEST_F(Allocator, MemInitRejectsTooLittleMemory) {
  EXPECT_EQ(refimpl_mem_init(0), -1);
  EXPECT_EQ(refimpl_mem_init(1), -1);
  EXPECT_EQ(refimpl_pages_free(), 0UL);
  EXPECT_EQ(alloc_page(GFP_KERNEL), nullptr) << "no memory after a failure";
  ASSERT_EQ(refimpl_mem_init(2), 0);
  EXPECT_EQ(refimpl_pages_free(), 1UL);
}

TEST_F(Allocator, MemInitClearsEverything) {
  struct page *leaked = alloc_pages(GFP_KERNEL, 2);
  ASSERT_NE(leaked, nullptr);
  free_pages(0, 0);
  refimpl_fail_nth_alloc(1);
  ASSERT_EQ(refimpl_mem_init(kPages), 0);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_alloc_calls(), 0UL);
  struct page *p = alloc_page(GFP_KERNEL);
  EXPECT_NE(p, nullptr) << "failure injection is cleared too";
  __free_page(p);
}

} // namespace
