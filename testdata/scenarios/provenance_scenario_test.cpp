// Scenario tests for the provenance tree (testdata/provenance-tree): shapes
// that keep a table's provenance out of one function's sight. kexec's
// transition tables in struct fields (kexec_transition.c),
// pmd_alloc_one()-style tables returned to another file (early_pmd.c,
// early_map.c), PTI-like tables held as unsigned long (shadow_pgtable.c),
// an allocator in a macro body (pte_table.c) and an arm64-style allocator
// passed as a function pointer (fnptr_map.c).
//
// Each test builds tables, translates through them with the model's MMU,
// tears them down and ends with no leak and no checker violation, at both
// paging depths. The suite is also built from the migrated copy of the
// tree: whatever the tool converts of these shapes must keep every test
// passing. A free through the other family of an order-0 table read out of
// an entry is not a violation (see reference-impl/README.md); such frees
// are printed. Roots, and the kernel mappings some shapes work on, come
// from the model's own mapper (tables from pgtable_alloc()).

#include "kernel.h"

extern "C" {
#include "mm_internal.h"
}

namespace {

constexpr unsigned long K4 = 1UL << 12;
constexpr unsigned long M2 = 1UL << 21;
constexpr unsigned long G1 = 1UL << 30;

// Kernel virtual addresses; 0xffffc90000000000 is a 512 GiB boundary.
constexpr unsigned long WindowBase = 0xffffc90000000000UL - 4 * G1;
// Where the kexec transition maps its control page (a kernel-text address).
constexpr unsigned long TransitionVa = 0xffffffff81234000UL;
// Where the private roots of the other shapes map (the direct map).
constexpr unsigned long DirectMapBase = 0xffff888000000000UL;

class ProvenanceScenario : public testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_mem_init(16384), 0);
    ASSERT_EQ(refimpl_set_paging_levels(GetParam()), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
    Root = privateRoot();
    ASSERT_NE(Root, nullptr);
    // Root and init_mm.pgd.
    Baseline = refimpl_live_allocations();
  }

  void TearDown() override {
    if (Root)
      refimpl_free_page_tables(Root);
    refimpl_paging_teardown();
    refimpl_flush_kernel_pgtable_work();
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    if (refimpl_violation_count())
      refimpl_violations_dump();
    // Not violations: what a partial migration of a table level leaves.
    RecordProperty("cross_family_entry_frees",
                   std::to_string(refimpl_cross_family_entry_frees()));
    refimpl_cross_family_entry_frees_dump();
    refimpl_mem_teardown();
  }

  bool fiveLevels() const { return GetParam() == 5; }

  // A root of its own for a shape that builds a whole tree; the shape
  // frees the tables below it, the test the root (pgtable_free()).
  static pgd_t *privateRoot() {
    pgd_t *Pgd = (pgd_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
    EXPECT_NE(Pgd, nullptr);
    return Pgd;
  }

  // A mapping in Root by the model's mapper.
  void mapKernel(unsigned long Va, unsigned long Pfn, unsigned long Size,
                 pgprot_t Prot, unsigned int Flags) {
    ASSERT_EQ(refimpl_map_range(Root, Va, PFN_PHYS(Pfn), Size, Prot, Flags), 0);
  }

  // The translation of va through root must be pa, with a leaf of level.
  static void expectMaps(pgd_t *Pgd, unsigned long Va, unsigned long Pa,
                         pg_level Level, unsigned int Access, const char *Why) {
    struct refimpl_translation T = refimpl_translate(Pgd, Va, Access);
    ASSERT_TRUE(T.ok) << Why << ": va " << std::hex << Va
                      << " faults: " << refimpl_fault_name(T.fault);
    EXPECT_EQ(T.pa, Pa) << Why << ": va " << std::hex << Va;
    EXPECT_EQ(T.level, Level) << Why << ": va " << std::hex << Va;
    EXPECT_FALSE(T.user) << Why;
  }

  // Live allocations once the deferred frees have run: a kernel table
  // (pud_alloc_one(&init_mm, ...)) freed by pud_free() waits for them.
  static unsigned long liveAfterDeferredFrees() {
    refimpl_flush_kernel_pgtable_work();
    return refimpl_live_allocations();
  }

  static void expectUnmapped(pgd_t *Pgd, unsigned long Va, const char *Why) {
    struct refimpl_translation T = refimpl_translate(Pgd, Va, REFIMPL_ACC_READ);
    EXPECT_FALSE(T.ok) << Why << ": va " << std::hex << Va
                       << " should not be mapped";
    EXPECT_EQ(T.fault, REFIMPL_FAULT_NOT_PRESENT) << Why;
  }

  // The pmd entry that maps va in root (its upper tables must exist).
  static pmd_t *pmdOf(pgd_t *Pgd, unsigned long Va) {
    return pmd_offset(pud_offset(p4d_offset(Pgd + pgd_index(Va), Va), Va), Va);
  }

  static pud_t *pudOf(pgd_t *Pgd, unsigned long Va) {
    return pud_offset(p4d_offset(Pgd + pgd_index(Va), Va), Va);
  }

  // A live, zeroed allocation starts at table.
  static void expectLiveTable(const void *Table, const char *Why) {
    ASSERT_NE(Table, nullptr) << Why;
    struct refimpl_alloc_info Info;
    ASSERT_TRUE(refimpl_alloc_info(Table, &Info)) << Why;
    EXPECT_TRUE(Info.live) << Why;
    EXPECT_TRUE(Info.zeroed) << Why;
    EXPECT_EQ(Info.order, 0u) << Why;
  }

  pgd_t *Root = nullptr;
  unsigned long Baseline = 0;
};

// ---- (a) kexec: tables kept in image->arch, freed through the fields ----

TEST_P(ProvenanceScenario, KexecTransitionMapsTheControlPage) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  struct kimage Image = {};
  Image.control_page = 0x5000;
  ASSERT_EQ(kimage_init_transition(&Image, Pgd, TransitionVa), 0);

  expectMaps(Pgd, TransitionVa + 0x10, Image.control_page + 0x10, PG_LEVEL_4K,
             REFIMPL_ACC_EXEC | REFIMPL_ACC_WRITE, "control");
  expectUnmapped(Pgd, TransitionVa + K4, "next page");
  expectUnmapped(Pgd, TransitionVa - K4, "previous page");
  // One table per level; with 4 levels the pgd entry is the p4d entry.
  if (fiveLevels())
    expectLiveTable(Image.arch.p4d, "p4d");
  else
    EXPECT_EQ(Image.arch.p4d, nullptr);
  expectLiveTable(Image.arch.pud, "pud");
  expectLiveTable(Image.arch.pmd, "pmd");
  expectLiveTable(Image.arch.pte, "pte");
  EXPECT_EQ(refimpl_live_allocations(), Baseline + (fiveLevels() ? 5 : 4));

  kimage_free_transition(&Image);
  EXPECT_EQ(Image.arch.pud, nullptr);
  EXPECT_EQ(Image.arch.pte, nullptr);
  EXPECT_EQ(refimpl_live_allocations(), Baseline + 1);
  pgtable_free(Pgd);
}

// A second image whose walk finds the upper levels present allocates only
// what is missing; its other fields stay NULL and its free skips them.
TEST_P(ProvenanceScenario, KexecTransitionSharesPresentLevels) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  struct kimage First = {}, Second = {}, Third = {};
  First.control_page = 0x5000;
  Second.control_page = 0x9000;
  Third.control_page = 0xa000;
  ASSERT_EQ(kimage_init_transition(&First, Pgd, TransitionVa), 0);
  // Another 2 MiB of the same pmd table: a pte table of its own.
  ASSERT_EQ(kimage_init_transition(&Second, Pgd, TransitionVa + 2 * M2), 0);
  // The next page of First's pte table: nothing to allocate.
  ASSERT_EQ(kimage_init_transition(&Third, Pgd, TransitionVa + K4), 0);
  EXPECT_EQ(Second.arch.p4d, nullptr);
  EXPECT_EQ(Second.arch.pud, nullptr);
  EXPECT_EQ(Second.arch.pmd, nullptr);
  expectLiveTable(Second.arch.pte, "second pte");
  EXPECT_EQ(Third.arch.pte, nullptr);

  unsigned int Exec = REFIMPL_ACC_EXEC;
  expectMaps(Pgd, TransitionVa, First.control_page, PG_LEVEL_4K, Exec, "1st");
  expectMaps(Pgd, TransitionVa + 2 * M2 + 8, Second.control_page + 8,
             PG_LEVEL_4K, Exec, "2nd");
  expectMaps(Pgd, TransitionVa + K4, Third.control_page, PG_LEVEL_4K, Exec,
             "3rd");

  kimage_free_transition(&Third);
  kimage_free_transition(&Second);
  expectMaps(Pgd, TransitionVa, First.control_page, PG_LEVEL_4K, Exec,
             "1st after the others are freed");
  kimage_free_transition(&First);
  EXPECT_EQ(refimpl_live_allocations(), Baseline + 1);
  pgtable_free(Pgd);
}

// Every allocation can fail; the image's cleanup frees what was allocated.
TEST_P(ProvenanceScenario, KexecTransitionFailuresLeakNothing) {
  int Failures = 0;
  for (unsigned long N = 1;; ++N) {
    pgd_t *Pgd = privateRoot();
    ASSERT_NE(Pgd, nullptr);
    struct kimage Image = {};
    Image.control_page = 0x5000;
    refimpl_fail_nth_alloc(N);
    int Ret = kimage_init_transition(&Image, Pgd, TransitionVa);
    refimpl_fail_nth_alloc(0);
    if (!Ret)
      expectMaps(Pgd, TransitionVa, 0x5000, PG_LEVEL_4K, REFIMPL_ACC_EXEC,
                 "built");
    kimage_free_transition(&Image);
    pgtable_free(Pgd);
    ASSERT_EQ(refimpl_violation_count(), 0UL) << "failing allocation " << N;
    EXPECT_EQ(refimpl_live_allocations(), Baseline);
    if (!Ret)
      break;
    EXPECT_EQ(Ret, -ENOMEM);
    ++Failures;
    ASSERT_LT(N, 16UL);
  }
  EXPECT_EQ(Failures, fiveLevels() ? 4 : 3);
}

// ---- (b) pmd_alloc_one()-style tables returned to early_map.c ----

// Crosses a 1 GiB boundary: two pmd tables under one pud table.
constexpr unsigned long EarlyStart = DirectMapBase + 3 * G1 - 2 * M2;
constexpr unsigned long EarlyEnd = EarlyStart + 6 * M2;
constexpr unsigned long EarlyPhys = 0x40000000UL;

TEST_P(ProvenanceScenario, AllocOneTablesMap2MLeaves) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  ASSERT_EQ(early_map_2m(Pgd, EarlyStart, EarlyEnd, EarlyPhys, PAGE_KERNEL), 0);
  for (unsigned long Va = EarlyStart; Va < EarlyEnd; Va += M2 / 2 + K4)
    expectMaps(Pgd, Va, EarlyPhys + (Va - EarlyStart), PG_LEVEL_2M,
               REFIMPL_ACC_WRITE, "2M leaf");
  expectUnmapped(Pgd, EarlyStart - K4, "below");
  expectUnmapped(Pgd, EarlyEnd, "above");
  // The root, a pud table, two pmd tables (and a p4d table with 5 levels).
  EXPECT_EQ(refimpl_live_allocations(), Baseline + (fiveLevels() ? 5 : 4));
  expectLiveTable(pud_pgtable(*pudOf(Pgd, EarlyStart)), "first pmd table");

  early_unmap(Pgd, EarlyStart, EarlyEnd);
  expectUnmapped(Pgd, EarlyStart, "after the unmap");
  EXPECT_EQ(liveAfterDeferredFrees(), Baseline + 1);
  pgtable_free(Pgd);
}

// The callers' other use of the free hook: a table allocated for a pud
// entry that another path populated first, or that is a 1 GiB leaf.
TEST_P(ProvenanceScenario, AllocOneSpareTableIsFreed) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  ASSERT_EQ(early_map_2m(Pgd, EarlyStart, EarlyEnd, EarlyPhys, PAGE_KERNEL), 0);
  unsigned long Live = refimpl_live_allocations();
  pud_t *Pud = pudOf(Pgd, EarlyStart);
  pmd_t *Table = pud_pgtable(*Pud);
  EXPECT_EQ(early_pmd_alloc(Pud), 0);
  EXPECT_EQ(pud_pgtable(*Pud), Table) << "the populated entry's table stays";
  EXPECT_EQ(refimpl_live_allocations(), Live);
  expectMaps(Pgd, EarlyStart, EarlyPhys, PG_LEVEL_2M, REFIMPL_ACC_READ,
             "after the lost race");

  // A 1 GiB leaf in another entry of the same pud table.
  unsigned long Leaf = (EarlyStart & PUD_MASK) + 3 * G1;
  set_pud(pudOf(Pgd, Leaf),
          pfn_pud(PHYS_PFN(2 * G1), __pgprot(__PAGE_KERNEL | _PAGE_PSE)));
  EXPECT_EQ(early_map_2m(Pgd, Leaf, Leaf + 2 * M2, 0, PAGE_KERNEL), -EEXIST);
  EXPECT_EQ(refimpl_live_allocations(), Live);
  expectMaps(Pgd, Leaf + M2 + K4, 2 * G1 + M2 + K4, PG_LEVEL_1G,
             REFIMPL_ACC_READ, "the 1G leaf stays");

  early_unmap(Pgd, Leaf, Leaf + G1);
  early_unmap(Pgd, EarlyStart, EarlyEnd);
  EXPECT_EQ(liveAfterDeferredFrees(), Baseline + 1);
  pgtable_free(Pgd);
}

TEST_P(ProvenanceScenario, AllocOneFailuresLeakNothing) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  int Failures = 0;
  for (unsigned long N = 1;; ++N) {
    refimpl_fail_nth_alloc(N);
    int Ret = early_map_2m(Pgd, EarlyStart, EarlyEnd, EarlyPhys, PAGE_KERNEL);
    refimpl_fail_nth_alloc(0);
    if (!Ret)
      expectMaps(Pgd, EarlyEnd - K4, EarlyPhys + 6 * M2 - K4, PG_LEVEL_2M,
                 REFIMPL_ACC_READ, "built");
    early_unmap(Pgd, EarlyStart, EarlyEnd);
    ASSERT_EQ(refimpl_violation_count(), 0UL) << "failing allocation " << N;
    EXPECT_EQ(liveAfterDeferredFrees(), Baseline + 1);
    if (!Ret)
      break;
    EXPECT_EQ(Ret, -ENOMEM);
    ++Failures;
    ASSERT_LT(N, 16UL);
  }
  EXPECT_EQ(Failures, fiveLevels() ? 4 : 3);
  pgtable_free(Pgd);
}

// ---- (c) PTI-like shadow root: tables held as unsigned long ----

// Crosses the window's 512 GiB boundary: two pud tables in the shadow.
constexpr unsigned long ShadowStart = WindowBase + 4 * G1 - 3 * M2;
constexpr unsigned long ShadowEnd = ShadowStart + 6 * M2;

class ShadowScenario : public ProvenanceScenario {
protected:
  // The kernel maps 2 MiB leaves, 4K pages and a hole in the range.
  void mapKernelRange() {
    mapKernel(ShadowStart, 0x10000, 2 * M2, PAGE_KERNEL, REFIMPL_MAP_2M);
    mapKernel(ShadowStart + 3 * M2 + 5 * K4, 0x20005, M2 + 2 * K4,
              PAGE_KERNEL_RO, 0);
    mapKernel(ShadowEnd - M2, 0x30000, M2, PAGE_KERNEL_EXEC, 0);
  }

  void expectSameTranslations(pgd_t *Shadow) {
    for (unsigned long Va = ShadowStart - M2; Va < ShadowEnd + M2;
         Va += 37 * K4) {
      struct refimpl_translation K =
          refimpl_translate(Root, Va, REFIMPL_ACC_READ);
      struct refimpl_translation S =
          refimpl_translate(Shadow, Va, REFIMPL_ACC_READ);
      ASSERT_EQ(S.ok, K.ok) << std::hex << Va;
      if (!K.ok)
        continue;
      EXPECT_EQ(S.pa, K.pa) << std::hex << Va;
      EXPECT_EQ(S.level, K.level) << std::hex << Va;
      EXPECT_EQ(S.writable, K.writable) << std::hex << Va;
      EXPECT_EQ(S.nx, K.nx) << std::hex << Va;
    }
  }
};

TEST_P(ShadowScenario, IntegerHeldShadowMatchesTheKernel) {
  mapKernelRange();
  unsigned long KernelTables = refimpl_live_allocations();
  pgd_t *Shadow = privateRoot();
  ASSERT_NE(Shadow, nullptr);
  ASSERT_EQ(shadow_clone_pmds(Shadow, Root, ShadowStart, ShadowEnd), 0);
  expectSameTranslations(Shadow);
  // Two pud and two pmd tables (and a p4d table with 5 levels); the pte
  // tables are the kernel's.
  EXPECT_EQ(refimpl_live_allocations(),
            KernelTables + 1 + (fiveLevels() ? 5 : 4));
  expectMaps(Shadow, ShadowStart + 3 * M2 + 5 * K4, PFN_PHYS(0x20005),
             PG_LEVEL_4K, REFIMPL_ACC_READ, "shared pte table");

  shadow_free_tables(Shadow);
  pgtable_free(Shadow);
  EXPECT_EQ(refimpl_live_allocations(), KernelTables);
  // The kernel's tables, shared with the shadow, are still in place.
  expectMaps(Root, ShadowEnd - K4, PFN_PHYS(0x30000) + M2 - K4, PG_LEVEL_4K,
             REFIMPL_ACC_EXEC, "kernel after the shadow is gone");
}

// With 5 levels the second failure is the pud table under a fresh p4d
// table: the p4d table is freed on that error path (free_page() of the
// unsigned long; in the migrated tree pgtable_free() of the retyped local),
// not left installed.
TEST_P(ShadowScenario, IntegerHeldShadowFailuresLeakNothing) {
  mapKernelRange();
  unsigned long KernelTables = refimpl_live_allocations();
  int Failures = 0;
  for (unsigned long N = 1;; ++N) {
    pgd_t *Shadow = privateRoot();
    ASSERT_NE(Shadow, nullptr);
    refimpl_fail_nth_alloc(N);
    int Ret = shadow_clone_pmds(Shadow, Root, ShadowStart, ShadowEnd);
    refimpl_fail_nth_alloc(0);
    if (!Ret)
      expectSameTranslations(Shadow);
    if (fiveLevels() && N == 2) {
      EXPECT_TRUE(pgd_none(Shadow[pgd_index(ShadowStart)]))
          << "the p4d table of the failed walk is not left installed";
      EXPECT_EQ(refimpl_live_allocations(), KernelTables + 1);
    }
    shadow_free_tables(Shadow);
    pgtable_free(Shadow);
    ASSERT_EQ(refimpl_violation_count(), 0UL) << "failing allocation " << N;
    EXPECT_EQ(refimpl_live_allocations(), KernelTables);
    if (!Ret)
      break;
    EXPECT_EQ(Ret, -ENOMEM);
    ++Failures;
    ASSERT_LT(N, 16UL);
  }
  EXPECT_EQ(Failures, fiveLevels() ? 5 : 4);
}

// ---- (d) pte tables from a macro body ----

TEST_P(ProvenanceScenario, MacroTablesMapAndSplit) {
  unsigned long Base = WindowBase + 6 * G1;
  // A 4K page further on gives the 1 GiB its pud entry and pmd table.
  mapKernel(Base + 10 * M2, 0x300, K4, PAGE_KERNEL, 0);
  unsigned long Live = refimpl_live_allocations();

  pmd_t *Pmd = pmdOf(Root, Base);
  ASSERT_TRUE(pmd_none(*Pmd));
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pte_table_map(Pmd, Base, Base + K4, 0x700, PAGE_KERNEL), -ENOMEM);
  EXPECT_TRUE(pmd_none(*Pmd));
  ASSERT_EQ(
      pte_table_map(Pmd, Base + 3 * K4, Base + 9 * K4, 0x777, PAGE_KERNEL_RO),
      0);
  // A second range in the same table allocates nothing.
  ASSERT_EQ(
      pte_table_map(Pmd, Base + 20 * K4, Base + 21 * K4, 0x900, PAGE_KERNEL),
      0);
  EXPECT_EQ(refimpl_live_allocations(), Live + 1);
  for (unsigned long I = 3; I < 9; ++I)
    expectMaps(Root, Base + I * K4 + 5, PFN_PHYS(0x777 + I - 3) + 5,
               PG_LEVEL_4K, REFIMPL_ACC_READ, "mapped 4K");
  expectMaps(Root, Base + 20 * K4, PFN_PHYS(0x900), PG_LEVEL_4K,
             REFIMPL_ACC_WRITE, "second range");
  expectUnmapped(Root, Base + 2 * K4, "before");
  expectUnmapped(Root, Base + 9 * K4, "after");

  // The second user of the macro: splitting a 2 MiB leaf.
  unsigned long Leaf = Base + 4 * M2;
  mapKernel(Leaf, 0x40000, M2, PAGE_KERNEL_EXEC, REFIMPL_MAP_2M);
  pmd_t *LeafPmd = pmdOf(Root, Leaf);
  ASSERT_TRUE(pmd_leaf(*LeafPmd));
  ASSERT_EQ(pte_table_split(LeafPmd), 0);
  for (unsigned long Va = Leaf; Va < Leaf + M2; Va += K4)
    expectMaps(Root, Va, PFN_PHYS(0x40000) + (Va - Leaf), PG_LEVEL_4K,
               REFIMPL_ACC_EXEC, "split 2M leaf");
  EXPECT_EQ(refimpl_live_allocations(), Live + 2);

  pte_table_release(Pmd);
  pte_table_release(LeafPmd);
  expectUnmapped(Root, Base + 3 * K4, "released");
  expectUnmapped(Root, Leaf, "released leaf");
  EXPECT_EQ(refimpl_live_allocations(), Live);
}

// ---- (e) an allocator passed as a function pointer ----

// 40 pages across a 2 MiB boundary: two pte tables.
constexpr unsigned long FnStart = DirectMapBase + 5 * G1 + M2 - 20 * K4;
constexpr unsigned long FnSize = 40 * K4;
constexpr unsigned long FnPhys = 0x1234000UL;

TEST_P(ProvenanceScenario, FunctionPointerAllocatorMaps) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  ASSERT_EQ(create_kernel_mapping(Pgd, FnStart, FnPhys, FnSize, PAGE_KERNEL),
            0);
  for (unsigned long Off = 0; Off < FnSize; Off += K4)
    expectMaps(Pgd, FnStart + Off + 7, FnPhys + Off + 7, PG_LEVEL_4K,
               REFIMPL_ACC_WRITE, "4K page");
  expectUnmapped(Pgd, FnStart - K4, "below");
  expectUnmapped(Pgd, FnStart + FnSize, "above");
  // A pud, a pmd and two pte tables (and a p4d table with 5 levels).
  EXPECT_EQ(refimpl_live_allocations(), Baseline + 1 + (fiveLevels() ? 5 : 4));
  expectLiveTable(pmd_page_vaddr(*pmdOf(Pgd, FnStart)), "pte table");

  free_mapping_tables(Pgd);
  expectUnmapped(Pgd, FnStart, "after the free");
  EXPECT_EQ(refimpl_live_allocations(), Baseline + 1);
  pgtable_free(Pgd);
}

TEST_P(ProvenanceScenario, FunctionPointerAllocatorFailuresLeakNothing) {
  pgd_t *Pgd = privateRoot();
  ASSERT_NE(Pgd, nullptr);
  int Failures = 0;
  for (unsigned long N = 1;; ++N) {
    refimpl_fail_nth_alloc(N);
    int Ret =
        create_kernel_mapping(Pgd, FnStart, FnPhys, FnSize, PAGE_KERNEL_RO);
    refimpl_fail_nth_alloc(0);
    if (!Ret)
      expectMaps(Pgd, FnStart + FnSize - K4, FnPhys + FnSize - K4, PG_LEVEL_4K,
                 REFIMPL_ACC_READ, "built");
    free_mapping_tables(Pgd);
    ASSERT_EQ(refimpl_violation_count(), 0UL) << "failing allocation " << N;
    EXPECT_EQ(refimpl_live_allocations(), Baseline + 1);
    if (!Ret)
      break;
    EXPECT_EQ(Ret, -ENOMEM);
    ++Failures;
    ASSERT_LT(N, 16UL);
  }
  EXPECT_EQ(Failures, fiveLevels() ? 5 : 4);
  pgtable_free(Pgd);
}

std::string depthName(const testing::TestParamInfo<int> &Info) {
  return std::to_string(Info.param) + "Level";
}

INSTANTIATE_TEST_SUITE_P(PagingDepth, ProvenanceScenario, testing::Values(4, 5),
                         depthName);
INSTANTIATE_TEST_SUITE_P(PagingDepth, ShadowScenario, testing::Values(4, 5),
                         depthName);

} // namespace
