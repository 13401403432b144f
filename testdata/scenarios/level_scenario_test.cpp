// Scenario tests for the level tree's arch/x86/mm: a kernel mapping window
// with tables of its own, driven against the reference model. Built from
// the tree as written and from its --target=level migration (and from the
// level mutants'): the window must map and unmap the same, and the checker
// must see every table freed the way its allocator requires (a
// pmd_alloc_one() table by pmd_free(), which runs the pmd destructor).
// Each test ends with no leaked page and no checker violation.

#include "kernel.h"

extern "C" {
#include "mm_internal.h"
}

namespace {

constexpr unsigned long K4 = 1UL << 12;
constexpr unsigned long M2 = 1UL << 21;
constexpr unsigned long G1 = 1UL << 30;
// A window has a pmd table of its own, so one per 1 GiB: two windows in one
// 512 GiB range (one pud table), a third in another (its own pud table).
constexpr unsigned long First = 0xffffc90000000000UL;
constexpr unsigned long Second = First + 4 * G1;
constexpr unsigned long Far = First + 512 * G1;

class LevelScenario : public testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_mem_init(4096), 0);
    ASSERT_EQ(refimpl_set_paging_levels(4), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
    Root = (pgd_t *)get_zeroed_page(GFP_KERNEL);
    ASSERT_NE(Root, nullptr);
  }

  void TearDown() override {
    if (Root)
      free_page((unsigned long)Root);
    refimpl_paging_teardown();
    refimpl_flush_kernel_pgtable_work();
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    if (refimpl_violation_count())
      refimpl_violations_dump();
    refimpl_mem_teardown();
  }

  // The window maps Va to Pfn, writable, and nothing else in its range.
  void expectMapped(unsigned long Va, unsigned long Pfn) {
    struct refimpl_translation T =
        refimpl_translate(Root, Va, REFIMPL_ACC_READ);
    ASSERT_TRUE(T.ok) << std::hex << Va << ": " << refimpl_fault_name(T.fault);
    EXPECT_EQ(T.pa, PFN_PHYS(Pfn) + (Va & (K4 - 1)));
    EXPECT_TRUE(T.writable);
  }

  void expectUnmapped(unsigned long Va) {
    EXPECT_FALSE(refimpl_translate(Root, Va, REFIMPL_ACC_READ).ok)
        << std::hex << Va;
  }

  pgd_t *Root = nullptr;
};

TEST_F(LevelScenario, WindowMapsAndTearsDown) {
  struct kmap_window W = {};
  ASSERT_EQ(kmap_window_init(&W, Root, First), 0);
  kmap_window_set(&W, First + 3 * K4, 77, PAGE_KERNEL);
  expectMapped(First + 3 * K4 + 5, 77);
  expectUnmapped(First + 4 * K4);
  // The tables are zeroed page tables of their levels.
  struct refimpl_alloc_info Info;
  for (void *Table : {(void *)W.pud_table, (void *)W.pmd, (void *)W.pte}) {
    ASSERT_TRUE(refimpl_alloc_info(Table, &Info));
    EXPECT_TRUE(Info.live);
    EXPECT_EQ(Info.order, 0u);
  }
  kmap_window_exit(&W);
  expectUnmapped(First + 3 * K4);
  EXPECT_TRUE(p4d_none(*p4d_offset(Root + pgd_index(First), First)));
}

// A second window under the same pud table takes no pud table of its own,
// and leaves the first's when it goes.
TEST_F(LevelScenario, WindowsShareAnUpperTable) {
  struct kmap_window A = {}, B = {}, C = {};
  ASSERT_EQ(kmap_window_init(&A, Root, First), 0);
  ASSERT_EQ(kmap_window_init(&B, Root, Second), 0);
  ASSERT_EQ(kmap_window_init(&C, Root, Far), 0);
  EXPECT_NE(A.pud_table, nullptr);
  EXPECT_EQ(B.pud_table, nullptr);
  EXPECT_NE(C.pud_table, nullptr);
  kmap_window_set(&A, First, 1, PAGE_KERNEL);
  kmap_window_set(&B, Second + K4, 2, PAGE_KERNEL);
  kmap_window_set(&C, Far + M2 - K4, 3, PAGE_KERNEL);
  expectMapped(First, 1);
  expectMapped(Second + K4, 2);
  expectMapped(Far + M2 - K4, 3);
  kmap_window_exit(&B);
  expectUnmapped(Second + K4);
  expectMapped(First, 1);
  kmap_window_exit(&C);
  kmap_window_exit(&A);
  expectUnmapped(First);
}

// The same range twice: -EBUSY, and nothing allocated stays.
TEST_F(LevelScenario, BusyRangeLeavesNothing) {
  struct kmap_window A = {}, B = {};
  ASSERT_EQ(kmap_window_init(&A, Root, First), 0);
  unsigned long Live = refimpl_live_allocations();
  EXPECT_EQ(kmap_window_init(&B, Root, First), -EBUSY);
  EXPECT_EQ(refimpl_live_allocations(), Live);
  kmap_window_exit(&A);
}

// Every allocation of init can fail: the tables made before it go back.
TEST_F(LevelScenario, FailedAllocationsUnwind) {
  for (unsigned long N = 1; N <= 3; N++) {
    struct kmap_window W = {};
    unsigned long Live = refimpl_live_allocations();
    refimpl_fail_nth_alloc(N);
    EXPECT_EQ(kmap_window_init(&W, Root, First), -ENOMEM) << "failing " << N;
    refimpl_fail_nth_alloc(0);
    refimpl_flush_kernel_pgtable_work();
    EXPECT_EQ(refimpl_live_allocations(), Live) << "failing " << N;
    EXPECT_TRUE(p4d_none(*p4d_offset(Root + pgd_index(First), First)));
  }
}

} // namespace
