// Scenario tests for the sample tree's arch/x86/mm: its mapping, unmapping,
// splitting, identity-map and ptdesc code runs against the reference model,
// at both paging depths, and every translation is compared with a flat
// oracle. Each test ends with no leaked page and no checker violation.
//
// The same suite is built from the migrated tree, so it is the behavioural
// proof that a migration preserved what the code does.

#include <cstring>
#include <map>
#include <random>

#include "kernel.h"

extern "C" {
#include "mm_internal.h"
}

namespace {

constexpr unsigned long K4 = 1UL << 12;
constexpr unsigned long M2 = 1UL << 21;
constexpr unsigned long G1 = 1UL << 30;

// A window that straddles a 512 GiB boundary, so the 4-level pgd and the
// 5-level p4d index both change inside it.
constexpr unsigned long WindowBase = 0xffffc90000000000UL - 4 * G1;
constexpr unsigned long WindowSize = 8 * G1;

// Non-overlapping intervals [start, end) mapped to consecutive frames.
class FlatOracle {
public:
  struct Mapping {
    unsigned long End;
    unsigned long Pfn;
    unsigned long Prot;
  };

  void map(unsigned long Start, unsigned long End, unsigned long Pfn,
           unsigned long Prot) {
    unmap(Start, End);
    Map[Start] = {End, Pfn, Prot};
  }

  void unmap(unsigned long Start, unsigned long End) {
    auto It = Map.lower_bound(Start);
    if (It != Map.begin() && std::prev(It)->second.End > Start)
      --It;
    while (It != Map.end() && It->first < End) {
      unsigned long S = It->first;
      Mapping M = It->second;
      It = Map.erase(It);
      if (S < Start)
        Map[S] = {Start, M.Pfn, M.Prot};
      if (M.End > End)
        Map[End] = {M.End, M.Pfn + (End - S) / K4, M.Prot};
    }
  }

  // The frame and protection va maps to, if any.
  bool lookup(unsigned long Va, unsigned long &Pfn, unsigned long &Prot) const {
    auto It = Map.upper_bound(Va);
    if (It == Map.begin())
      return false;
    --It;
    if (Va >= It->second.End)
      return false;
    Pfn = It->second.Pfn + (Va - It->first) / K4;
    Prot = It->second.Prot;
    return true;
  }

private:
  std::map<unsigned long, Mapping> Map;
};

class X86MmScenario : public testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_mem_init(16384), 0);
    ASSERT_EQ(refimpl_set_paging_levels(GetParam()), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
    Root = kernel_pgd_alloc();
    ASSERT_NE(Root, nullptr);
  }

  void TearDown() override {
    if (Root) {
      kernel_unmap_range(Root, WindowBase, WindowBase + WindowSize);
      kernel_free_tables(Root);
      kernel_pgd_free(Root);
    }
    refimpl_paging_teardown();
    refimpl_flush_kernel_pgtable_work();
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    if (refimpl_violation_count())
      refimpl_violations_dump();
    refimpl_mem_teardown();
  }

  // Expect the MMU to agree with the oracle at va.
  void expectTranslation(unsigned long Va, const char *Why) {
    unsigned long Pfn, Prot;
    struct refimpl_translation T =
        refimpl_translate(Root, Va, REFIMPL_ACC_READ);
    if (!Oracle.lookup(Va, Pfn, Prot)) {
      EXPECT_FALSE(T.ok) << Why << ": va " << std::hex << Va
                         << " should not be mapped";
      return;
    }
    ASSERT_TRUE(T.ok) << Why << ": va " << std::hex << Va
                      << " faults: " << refimpl_fault_name(T.fault);
    EXPECT_EQ(T.pa, PFN_PHYS(Pfn) + (Va & (K4 - 1)))
        << Why << ": va " << std::hex << Va;
    EXPECT_EQ(T.writable, (Prot & _PAGE_RW) != 0) << Why;
    EXPECT_EQ(T.nx, (Prot & _PAGE_NX) != 0) << Why;
    EXPECT_FALSE(T.user) << Why;
  }

  int map(unsigned long Start, unsigned long End, unsigned long Pfn,
          pgprot_t Prot, bool Large) {
    int Ret = kernel_map_range(Root, Start, End, Pfn, Prot, Large);
    if (!Ret)
      Oracle.map(Start, End, Pfn, pgprot_val(Prot));
    return Ret;
  }

  void unmap(unsigned long Start, unsigned long End) {
    kernel_unmap_range(Root, Start, End);
    Oracle.unmap(Start, End);
  }

  pgd_t *Root = nullptr;
  FlatOracle Oracle;
};

TEST_P(X86MmScenario, MapsAndUnmaps4KPages) {
  unsigned long Start = WindowBase + 3 * M2 - 5 * K4;
  ASSERT_EQ(map(Start, Start + 40 * K4, 0x1234, PAGE_KERNEL, false), 0);
  for (unsigned long Va = Start - K4; Va <= Start + 40 * K4; Va += K4)
    expectTranslation(Va, "after map");

  unmap(Start + 3 * K4, Start + 9 * K4);
  for (unsigned long Va = Start - K4; Va <= Start + 40 * K4; Va += K4)
    expectTranslation(Va, "after partial unmap");

  unsigned long InUse = refimpl_pages_in_use();
  unmap(Start, Start + 40 * K4);
  // Both pte tables the range used are empty now and were freed, and so is
  // the pmd table above them; the pud table stays until free_tables. (A
  // kernel table's free may be deferred: pte_free_kernel() of a
  // pte_alloc_one_kernel() table, under --target=level, queues it until
  // the deferred work runs.)
  refimpl_flush_kernel_pgtable_work();
  EXPECT_EQ(refimpl_pages_in_use(), InUse - 3);
  expectTranslation(Start, "after unmap");
}

TEST_P(X86MmScenario, UsesLargeLeavesWhenAligned) {
  unsigned long Start = WindowBase + G1;
  ASSERT_EQ(map(Start, Start + G1 + 2 * M2, 0x40000, PAGE_KERNEL_EXEC, true),
            0);
  struct refimpl_translation T =
      refimpl_translate(Root, Start + 5 * K4, REFIMPL_ACC_EXEC);
  ASSERT_TRUE(T.ok);
  EXPECT_EQ(T.level, PG_LEVEL_1G);
  T = refimpl_translate(Root, Start + G1 + M2 + K4, REFIMPL_ACC_READ);
  ASSERT_TRUE(T.ok);
  EXPECT_EQ(T.level, PG_LEVEL_2M);
  expectTranslation(Start + G1 - K4, "1G leaf end");
  expectTranslation(Start + G1 + 2 * M2, "past the range");
}

TEST_P(X86MmScenario, PartialUnmapSplitsLargeLeaves) {
  unsigned long Start = WindowBase + 2 * G1;
  ASSERT_EQ(map(Start, Start + G1, 0x80000, PAGE_KERNEL, true), 0);
  // A 4K hole in the middle of the 1 GiB leaf splits it twice.
  unmap(Start + 7 * M2 + 9 * K4, Start + 7 * M2 + 10 * K4);
  for (unsigned long Va = Start + 7 * M2 - K4; Va < Start + 8 * M2 + K4;
       Va += K4)
    expectTranslation(Va, "around the hole");
  for (unsigned long Va = Start; Va < Start + G1; Va += M2)
    expectTranslation(Va, "each 2M of the split leaf");
  struct refimpl_translation T =
      refimpl_translate(Root, Start + 7 * M2, REFIMPL_ACC_READ);
  EXPECT_EQ(T.level, PG_LEVEL_4K);
  T = refimpl_translate(Root, Start + 9 * M2, REFIMPL_ACC_READ);
  EXPECT_EQ(T.level, PG_LEVEL_2M);
}

TEST_P(X86MmScenario, SplitPreservesEveryTranslation) {
  unsigned long Start = WindowBase + 5 * G1;
  ASSERT_EQ(map(Start, Start + G1, 0xc0000, PAGE_KERNEL_RO, true), 0);
  pgd_t *Pgd = Root + pgd_index(Start);
  pud_t *Pud = pud_offset(p4d_offset(Pgd, Start), Start);
  ASSERT_TRUE(pud_leaf(*Pud));
  ASSERT_EQ(split_large_pud(Pud), 0);
  pmd_t *Pmd = pmd_offset(Pud, Start + 3 * M2);
  ASSERT_TRUE(pmd_leaf(*Pmd));
  ASSERT_EQ(split_large_pmd(Pmd), 0);
  // Every 4K page of the split 2 MiB leaf, and each 2 MiB leaf of the 1 GiB.
  for (unsigned long Va = Start + 3 * M2; Va < Start + 4 * M2; Va += K4)
    expectTranslation(Va, "split 2M leaf");
  for (unsigned long Va = Start; Va < Start + G1; Va += M2)
    expectTranslation(Va, "split 1G leaf");
}

TEST_P(X86MmScenario, RandomMapUnmapMatchesOracle) {
  std::mt19937_64 Rng(20261126 + GetParam());
  const pgprot_t Prots[] = {PAGE_KERNEL, PAGE_KERNEL_RO, PAGE_KERNEL_EXEC};
  const unsigned long Grains[] = {K4, M2, G1};
  auto Pick = [&](unsigned long N) { return Rng() % N; };

  for (int Op = 0; Op < 1200; ++Op) {
    unsigned long Grain = Grains[Pick(Op % 50 == 0 ? 3 : 2)];
    unsigned long Units = 1 + Pick(Grain == K4 ? 64 : Grain == M2 ? 6 : 1);
    unsigned long Size = Units * Grain;
    unsigned long Start =
        WindowBase + Pick((WindowSize - Size) / Grain + 1) * Grain;
    unsigned long End = Start + Size;
    if (Pick(3) != 0) {
      unsigned long Pfn = Pick(1UL << 20) & ~((Grain >> 12) - 1);
      ASSERT_EQ(map(Start, End, Pfn, Prots[Pick(3)], Pick(2)), 0);
    } else {
      unmap(Start, End);
    }
    ASSERT_EQ(refimpl_violation_count(), 0UL) << "op " << Op;
    for (unsigned long Va : {Start, End - K4, Start - K4, End})
      expectTranslation(Va, "range edge");
    for (int I = 0; I < 8; ++I)
      expectTranslation(Start + Pick(Size / K4) * K4, "inside the range");
    for (int I = 0; I < 8; ++I)
      expectTranslation(WindowBase + Pick(WindowSize / K4) * K4, "window");
    if (HasFatalFailure())
      return;
  }
  for (unsigned long Va = WindowBase; Va < WindowBase + WindowSize; Va += M2)
    expectTranslation(Va + Pick(M2 / K4) * K4, "final sweep");
}

// Every allocation a map makes can fail; each failure is reported, and
// unmapping and freeing afterwards leaves nothing behind.
TEST_P(X86MmScenario, AllocationFailuresLeakNothing) {
  unsigned long Start = WindowBase + 4 * G1 - 3 * M2;
  unsigned long End = Start + 5 * M2;
  int Failures = 0;
  for (unsigned long N = 1;; ++N) {
    refimpl_fail_nth_alloc(N);
    int Ret = kernel_map_range(Root, Start, End, 0x100, PAGE_KERNEL, false);
    refimpl_fail_nth_alloc(0);
    kernel_unmap_range(Root, Start, End);
    kernel_free_tables(Root);
    ASSERT_EQ(refimpl_violation_count(), 0UL);
    if (!Ret)
      break;
    EXPECT_EQ(Ret, -ENOMEM);
    ++Failures;
    ASSERT_LT(N, 64UL);
  }
  // The range crosses a 512 GiB boundary: two pud and two pmd tables, one
  // pte table per 2 MiB, and with 5 levels one p4d table above both.
  EXPECT_EQ(Failures, GetParam() == 5 ? 10 : 9);
  // Only the root is left, once the deferred frees of kernel tables ran.
  refimpl_flush_kernel_pgtable_work();
  EXPECT_EQ(refimpl_live_allocations(), 2UL); // Root and init_mm.pgd
}

TEST_P(X86MmScenario, KexecIdentityMap) {
  unsigned long End = 3 * G1 + 5 * M2;
  pgd_t *Pgd = kexec_build_ident_map(0, End);
  ASSERT_NE(Pgd, nullptr);
  for (unsigned long Pa = 0; Pa < End; Pa += M2 / 2 + K4) {
    struct refimpl_translation T =
        refimpl_translate(Pgd, Pa, REFIMPL_ACC_EXEC | REFIMPL_ACC_WRITE);
    ASSERT_TRUE(T.ok) << std::hex << Pa << ": " << refimpl_fault_name(T.fault);
    EXPECT_EQ(T.pa, Pa);
    EXPECT_EQ(T.level, PG_LEVEL_2M);
  }
  EXPECT_FALSE(refimpl_translate(Pgd, End + M2, REFIMPL_ACC_READ).ok);
  kexec_free_ident_map(Pgd);
}

TEST_P(X86MmScenario, KexecIdentityMapFailuresLeakNothing) {
  unsigned long Built = 0;
  for (unsigned long N = 1; N < 32; ++N) {
    refimpl_fail_nth_alloc(N);
    pgd_t *Pgd = kexec_build_ident_map(0, 2 * G1);
    refimpl_fail_nth_alloc(0);
    ASSERT_EQ(refimpl_violation_count(), 0UL);
    if (Pgd) {
      kexec_free_ident_map(Pgd);
      Built = N;
      break;
    }
    EXPECT_EQ(refimpl_live_allocations(), 2UL);
  }
  // pgd, pud, two pmd tables (and a p4d with 5 levels) are allocated.
  EXPECT_EQ(Built, GetParam() == 5 ? 6UL : 5UL);
}

TEST_P(X86MmScenario, PtdescTables) {
  pmd_t *Pmd = kernel_pmd_alloc_table();
  ASSERT_NE(Pmd, nullptr);
  EXPECT_TRUE(PageTable(virt_to_page(Pmd)))
      << "the pmd table's ptdesc was not constructed";
  for (int I = 0; I < PTRS_PER_PMD; ++I)
    EXPECT_TRUE(pmd_none(Pmd[I]));
  kernel_pmd_free_table(Pmd);

  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(kernel_pmd_alloc_table(), nullptr);

  // A table an IOMMU may cache stays allocated until the deferred work runs.
  pte_t *Pte = kernel_pte_alloc_iommu_visible();
  ASSERT_NE(Pte, nullptr);
  kernel_pte_free_iommu_visible(Pte);
  struct refimpl_alloc_info Info;
  ASSERT_TRUE(refimpl_alloc_info(Pte, &Info));
  EXPECT_TRUE(Info.live);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 1UL)
      << "the free of a kernel page table an IOMMU may cache is not deferred";
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 1UL);
  ASSERT_TRUE(refimpl_alloc_info(Pte, &Info));
  EXPECT_FALSE(Info.live);
}

// The pgd pair of page-table isolation is one order-1 allocation: the user
// pgd in its second page is zeroed, maps on its own, and goes with the
// kernel pgd's free.
TEST_P(X86MmScenario, PtiPgdPairIsOneOrder1Allocation) {
  pgd_t *Kernel = kernel_pti_pgd_alloc();
  ASSERT_NE(Kernel, nullptr);
  struct refimpl_alloc_info Info;
  ASSERT_TRUE(refimpl_alloc_info(Kernel, &Info));
  EXPECT_EQ(Info.order, 1u) << "the pgd pair is not one order-1 allocation";
  pgd_t *User = kernel_pti_user_pgd(Kernel);
  ASSERT_TRUE(refimpl_alloc_info(User, &Info));
  ASSERT_TRUE(Info.live) << "the user pgd is not allocated";
  for (int I = 0; I < PTRS_PER_PGD; ++I)
    ASSERT_TRUE(!pgd_val(User[I]) && !pgd_val(Kernel[I])) << "entry " << I;

  unsigned long Start = WindowBase + 7 * G1;
  ASSERT_EQ(
      kernel_map_range(User, Start, Start + 3 * K4, 0x500, PAGE_KERNEL, false),
      0);
  struct refimpl_translation T =
      refimpl_translate(User, Start + K4, REFIMPL_ACC_READ);
  ASSERT_TRUE(T.ok) << refimpl_fault_name(T.fault);
  EXPECT_EQ(T.pa, PFN_PHYS(0x501UL));
  EXPECT_FALSE(refimpl_translate(Kernel, Start + K4, REFIMPL_ACC_READ).ok);

  kernel_unmap_range(User, Start, Start + 3 * K4);
  kernel_free_tables(User);
  kernel_pti_pgd_free(Kernel);
  ASSERT_TRUE(refimpl_alloc_info(User, &Info));
  EXPECT_FALSE(Info.live);
}

TEST_P(X86MmScenario, SnapshotRestoresEntries) {
  unsigned long Start = WindowBase + 6 * G1;
  ASSERT_EQ(map(Start, Start + 4 * M2, 0x200, PAGE_KERNEL, true), 0);
  pud_t *Pud = pud_offset(p4d_offset(Root + pgd_index(Start), Start), Start);
  pmd_t *Table = (pmd_t *)pud_pgtable(*Pud);
  pmd_t *Saved = pmd_table_snapshot(Table);
  ASSERT_NE(Saved, nullptr);
  pmd_clear(&Table[pmd_index(Start)]);
  EXPECT_FALSE(refimpl_translate(Root, Start, REFIMPL_ACC_READ).ok);
  pmd_table_restore(Table, Saved);
  expectTranslation(Start, "restored");
}

INSTANTIATE_TEST_SUITE_P(PagingDepth, X86MmScenario, testing::Values(4, 5),
                         [](const testing::TestParamInfo<int> &Info) {
                           return std::to_string(Info.param) + "Level";
                         });

} // namespace
