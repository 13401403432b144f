// The API text of --emit-api (emitted_api.c builds it, renamed to
// emitted_alloc_noprof/emitted_free) against the reference model's
// specification: pgtable_alloc() is pagetable_alloc(gfp | __GFP_ZERO, order)
// then ptdesc_address(), pgtable_free() is pagetable_free(virt_to_ptdesc()).
#include "mm_fixture.h"

extern "C" {
void *emitted_alloc_noprof(gfp_t gfp, unsigned int order);
void emitted_free(const void *addr);
}

namespace {

using refimpl_test::allBytes;
using refimpl_test::AllocInfo;
using refimpl_test::infoOf;

class EmittedApi : public refimpl_test::MmTest {};

TEST_F(EmittedApi, AllocatesZeroedTablesWithAPtdesc) {
  for (gfp_t gfp : {GFP_KERNEL, GFP_PGTABLE_KERNEL, GFP_PGTABLE_USER,
                    GFP_ATOMIC, (gfp_t)0}) {
    for (unsigned int order = 0; order <= 3; order++) {
      SCOPED_TRACE("gfp " + std::to_string(gfp) + " order " +
                   std::to_string(order));
      void *addr = emitted_alloc_noprof(gfp, order);
      ASSERT_NE(addr, nullptr);
      EXPECT_EQ((unsigned long)addr % (PAGE_SIZE << order), 0UL);
      EXPECT_TRUE(allBytes(addr, PAGE_SIZE << order, 0));
      AllocInfo info = infoOf(addr);
      EXPECT_TRUE(info.live);
      EXPECT_EQ(info.family, REFIMPL_FAMILY_PTDESC);
      EXPECT_EQ(info.order, order);
      EXPECT_EQ(info.compound, order > 0);
      EXPECT_TRUE(info.zeroed);
      EXPECT_EQ(ptdesc_order(virt_to_ptdesc(addr)), order);
      EXPECT_EQ(refimpl_pages_in_use(), 1UL << order);
      emitted_free(addr);
      EXPECT_EQ(refimpl_pages_in_use(), 0UL);
    }
  }
}

TEST_F(EmittedApi, ZeroesReusedDirtyMemory) {
  ASSERT_EQ(refimpl_mem_init(2), 0); // one usable page: always reused
  struct ptdesc *dirty = pagetable_alloc(GFP_KERNEL, 0);
  ASSERT_NE(dirty, nullptr);
  memset(ptdesc_address(dirty), 0x77, PAGE_SIZE);
  pagetable_free(dirty);
  void *addr = emitted_alloc_noprof(GFP_KERNEL, 0);
  ASSERT_EQ(addr, ptdesc_address(dirty));
  EXPECT_TRUE(allBytes(addr, PAGE_SIZE, 0));
  emitted_free(addr);
}

TEST_F(EmittedApi, ReturnsNullWhenTheAllocationFails) {
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(emitted_alloc_noprof(GFP_PGTABLE_KERNEL, 0), nullptr);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

// A table of the model's own API frees with the emitted one, and the other
// way round: the two are the same functions.
TEST_F(EmittedApi, PairsWithTheModelsApi) {
  void *a = pgtable_alloc(GFP_PGTABLE_KERNEL, 1);
  void *b = emitted_alloc_noprof(GFP_PGTABLE_KERNEL, 2);
  ASSERT_TRUE(a && b);
  emitted_free(a);
  pgtable_free(b);
  EXPECT_EQ(refimpl_pages_in_use(), 0UL);
}

} // namespace
