// The API text of --emit-api (emitted_api.c builds it, renamed to
// emitted_alloc_noprof/emitted_free) against the reference model: it must
// pass the checks the model's own pgtable_alloc()/pgtable_free() pass
// (new_api_checks.h).
#include "new_api_checks.h"

extern "C" {
void *emitted_alloc_noprof(gfp_t gfp, unsigned int order);
void emitted_free(const void *addr);
}

namespace {

// The emitted allocator calls pagetable_alloc_noprof(), so the model
// records its tables under pagetable_alloc.
const refimpl_test::NewApi kEmitted = {"pagetable_alloc", emitted_alloc_noprof,
                                       emitted_free};

class EmittedApi : public refimpl_test::MmTest {};

TEST_F(EmittedApi, AllocatesZeroedTablesWithAPtdesc) {
  refimpl_test::expectZeroedTablesOfTheRightOrder(kEmitted);
}

TEST_F(EmittedApi, ZeroesReusedDirtyMemory) {
  ASSERT_EQ(refimpl_mem_init(2), 0); // one usable page: always reused
  refimpl_test::expectZeroesReusedDirtyMemory(kEmitted);
}

TEST_F(EmittedApi, ReturnsNullWhenTheAllocationFails) {
  refimpl_test::expectNullOnFailure(kEmitted, /*max_order=*/10);
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
