// What every implementation of the new API must do in the model: the
// model's own pgtable_alloc()/pgtable_free() (ptdesc_test.cpp) and the text
// `pgtable-migrate --emit-api` prints (tool/tests/EmittedApiTest.cpp).
// Call them inside an MmTest.
#ifndef REFIMPL_TESTS_NEW_API_CHECKS_H
#define REFIMPL_TESTS_NEW_API_CHECKS_H

#include "mm_fixture.h"

namespace refimpl_test {

struct NewApi {
  // The allocator the model records the tables under (AllocInfo::api).
  const char *alloc_name;
  void *(*alloc)(gfp_t, unsigned int);
  void (*free)(const void *);
};

// pagetable_alloc(gfp | __GFP_ZERO, order) then ptdesc_address(), for every
// gfp and the small orders; the free poisons the pages.
inline void expectZeroedTablesOfTheRightOrder(const NewApi &api) {
  for (gfp_t gfp : {GFP_KERNEL, GFP_PGTABLE_KERNEL, GFP_PGTABLE_USER,
                    GFP_ATOMIC, (gfp_t)0}) {
    for (unsigned int order = 0; order <= 3; order++) {
      SCOPED_TRACE(std::string(api.alloc_name) + " gfp " + std::to_string(gfp) +
                   " order " + std::to_string(order));
      void *addr = api.alloc(gfp, order);
      ASSERT_NE(addr, nullptr);
      EXPECT_EQ((unsigned long)addr % (PAGE_SIZE << order), 0UL);
      EXPECT_TRUE(allBytes(addr, PAGE_SIZE << order, 0));
      AllocInfo info = infoOf(addr);
      EXPECT_TRUE(info.live);
      EXPECT_EQ(info.family, REFIMPL_FAMILY_PTDESC);
      EXPECT_STREQ(info.api, api.alloc_name);
      EXPECT_EQ(info.order, order);
      EXPECT_EQ(info.compound, order > 0);
      EXPECT_TRUE(info.zeroed);
      EXPECT_EQ(ptdesc_order(virt_to_ptdesc(addr)), order);
      EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
      api.free(addr);
      EXPECT_EQ(refimpl_pages_in_use(), 0UL);
      EXPECT_TRUE(allBytes(addr, PAGE_SIZE << order, REFIMPL_POISON_FREE));
    }
  }
}

// Memory a table had before is zeroed again. Needs refimpl_mem_init(2): one
// usable page, always reused.
inline void expectZeroesReusedDirtyMemory(const NewApi &api) {
  SCOPED_TRACE(api.alloc_name);
  struct ptdesc *dirty = pagetable_alloc(GFP_KERNEL, 0);
  ASSERT_NE(dirty, nullptr);
  memset(ptdesc_address(dirty), 0x77, PAGE_SIZE);
  pagetable_free(dirty);
  void *addr = api.alloc(GFP_KERNEL, 0);
  ASSERT_EQ(addr, ptdesc_address(dirty));
  EXPECT_TRUE(allBytes(addr, PAGE_SIZE, 0));
  api.free(addr);
}

// NULL for an order beyond the allocator's and for a failed allocation,
// and the allocations after a failure still work.
inline void expectNullOnFailure(const NewApi &api, unsigned int max_order) {
  SCOPED_TRACE(api.alloc_name);
  EXPECT_EQ(api.alloc(GFP_PGTABLE_KERNEL, max_order + 1), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(api.alloc(GFP_PGTABLE_KERNEL, 0), nullptr);
  refimpl_fail_nth_alloc(2);
  void *first = api.alloc(GFP_PGTABLE_KERNEL, 1);
  EXPECT_NE(first, nullptr);
  EXPECT_EQ(api.alloc(GFP_PGTABLE_KERNEL, 1), nullptr);
  void *third = api.alloc(GFP_PGTABLE_KERNEL, 1);
  EXPECT_NE(third, nullptr);
  EXPECT_EQ(refimpl_pages_in_use(), 4UL);
  api.free(first);
  api.free(third);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

} // namespace refimpl_test

#endif
