// Unit tests of the x86-64 paging model: entry helpers, geometry and
// folding, populate/set/clear, the pgalloc allocators, lookup_address(), the
// reference mapper and the MMU's fault rules. Depth-dependent tests run at
// 4 and 5 levels.
#include "kernel.h"

#include <gtest/gtest.h>

namespace {

constexpr unsigned long kGiB = 1UL << 30;
constexpr unsigned long kMiB = 1UL << 20;
// Virtual addresses used by the tests (canonical at both depths).
constexpr unsigned long kKernelVa = 0xffff888000000000UL; // direct map base
constexpr unsigned long kUserVa = 0x00007f0000000000UL;

// ---- entry helpers (depth-independent) ----

TEST(PagingEntries, BitValues) {
  EXPECT_EQ(_PAGE_PRESENT, 0x1UL);
  EXPECT_EQ(_PAGE_RW, 0x2UL);
  EXPECT_EQ(_PAGE_USER, 0x4UL);
  EXPECT_EQ(_PAGE_PWT, 0x8UL);
  EXPECT_EQ(_PAGE_PCD, 0x10UL);
  EXPECT_EQ(_PAGE_ACCESSED, 0x20UL);
  EXPECT_EQ(_PAGE_DIRTY, 0x40UL);
  EXPECT_EQ(_PAGE_PSE, 0x80UL);
  EXPECT_EQ(_PAGE_GLOBAL, 0x100UL);
  EXPECT_EQ(_PAGE_PAT_LARGE, 0x1000UL);
  EXPECT_EQ(_PAGE_NX, 0x8000000000000000UL);
  EXPECT_EQ(_PAGE_TABLE, 0x67UL);
  EXPECT_EQ(_KERNPG_TABLE, 0x63UL);
  EXPECT_EQ(__PAGE_KERNEL, 0x8000000000000163UL);
  EXPECT_EQ(pgprot_val(PAGE_KERNEL), 0x8000000000000163UL);
  EXPECT_EQ(pgprot_val(PAGE_KERNEL_RO), 0x8000000000000121UL);
  EXPECT_EQ(pgprot_val(PAGE_KERNEL_EXEC), 0x163UL);
  EXPECT_EQ(pgprot_val(PAGE_KERNEL_LARGE), 0x80000000000001e3UL);
  EXPECT_EQ(pgprot_val(PAGE_KERNEL_LARGE_EXEC), 0x1e3UL);
  EXPECT_EQ(pgprot_val(PAGE_NONE), 0x120UL);
  EXPECT_EQ(PTE_PFN_MASK, 0x000ffffffffff000UL);
  EXPECT_EQ(PTE_FLAGS_MASK, 0xfff0000000000fffUL);
  EXPECT_EQ(pgprot_val(__pgprot(0x1234UL)), 0x1234UL);
}

TEST(PagingEntries, PteHelpers) {
  pte_t pte = pfn_pte(0x12345, PAGE_KERNEL);
  EXPECT_EQ(pte_val(pte), 0x12345000UL | 0x8000000000000163UL);
  EXPECT_EQ(pte_pfn(pte), 0x12345UL);
  EXPECT_EQ(pte_flags(pte), 0x8000000000000163UL);
  EXPECT_EQ(pgprot_val(pte_pgprot(pte)), 0x8000000000000163UL);
  EXPECT_TRUE(pte_present(pte));
  EXPECT_FALSE(pte_none(pte));
  EXPECT_TRUE(pte_write(pte));
  EXPECT_FALSE(pte_exec(pte));
  EXPECT_EQ(pte_val(__pte(0x42)), 0x42UL);

  EXPECT_TRUE(pte_none(__pte(0)));
  // Accessed/dirty alone (the Knights Landing erratum) still count as none.
  EXPECT_TRUE(pte_none(__pte(_PAGE_ACCESSED | _PAGE_DIRTY)));
  EXPECT_FALSE(pte_present(__pte(0x5000)));
}

TEST(PagingEntries, ProtNoneIsPresentWithInvertedPfn) {
  pte_t pte = pfn_pte(0x12345, PAGE_NONE);
  EXPECT_TRUE(pte_present(pte));
  EXPECT_FALSE(pte_val(pte) & _PAGE_PRESENT);
  // L1TF: the frame bits are stored inverted, pte_pfn() undoes it.
  EXPECT_NE(pte_val(pte) & PTE_PFN_MASK, 0x12345000UL);
  EXPECT_EQ(pte_pfn(pte), 0x12345UL);
  EXPECT_EQ(pte_flags(pte), 0x120UL);
}

TEST(PagingEntries, PmdHelpers) {
  pmd_t leaf = pfn_pmd(0x40200, PAGE_KERNEL_LARGE);
  EXPECT_EQ(pmd_val(leaf), 0x40200000UL | 0x80000000000001e3UL);
  EXPECT_TRUE(pmd_leaf(leaf));
  EXPECT_TRUE(pmd_large(leaf));
  EXPECT_TRUE(pmd_present(leaf));
  EXPECT_TRUE(pmd_bad(leaf));
  EXPECT_EQ(pmd_pfn(leaf), 0x40200UL);
  // A leaf's bit 12 is PAT, a flag, not a frame bit.
  pmd_t pat = __pmd(pmd_val(leaf) | _PAGE_PAT_LARGE);
  EXPECT_EQ(pmd_pfn(pat), 0x40200UL);
  EXPECT_EQ(pmd_flags(pat), 0x80000000000011e3UL);
  EXPECT_EQ(pgprot_val(pmd_pgprot(pat)), 0x80000000000011e3UL);
  // pfn_pmd() drops frame bits below 2 MiB.
  EXPECT_EQ(pmd_pfn(pfn_pmd(0x40201, PAGE_KERNEL_LARGE)), 0x40200UL);

  pmd_t table = __pmd(0x5000 | _KERNPG_TABLE);
  EXPECT_FALSE(pmd_leaf(table));
  EXPECT_FALSE(pmd_bad(table));
  EXPECT_FALSE(pmd_bad(__pmd(0x5000 | _PAGE_TABLE)));
  EXPECT_TRUE(pmd_bad(__pmd(0x5000 | _KERNPG_TABLE | _PAGE_NX)));
  EXPECT_EQ(pmd_pfn(table), 0x5UL);
  EXPECT_EQ(pmd_flags(table), 0x63UL);
  EXPECT_TRUE(pmd_none(__pmd(0)));
  EXPECT_FALSE(pmd_none(table));
  EXPECT_TRUE(pmd_present(__pmd(_PAGE_PSE))); // being split
  EXPECT_FALSE(pmd_present(__pmd(0x5000)));
}

TEST(PagingEntries, PudP4dPgdHelpers) {
  pud_t leaf = pfn_pud(0x40000, PAGE_KERNEL_LARGE);
  EXPECT_EQ(pud_val(leaf), 0x40000000UL | 0x80000000000001e3UL);
  EXPECT_TRUE(pud_leaf(leaf));
  EXPECT_TRUE(pud_large(leaf));
  EXPECT_TRUE(pud_bad(leaf));
  EXPECT_EQ(pud_pfn(leaf), 0x40000UL);
  EXPECT_EQ(pud_pfn(pfn_pud(0x40200, PAGE_KERNEL_LARGE)), 0x40000UL);
  EXPECT_EQ(pgprot_val(pud_pgprot(leaf)), 0x80000000000001e3UL);
  // Unlike pmd_leaf(), pud_leaf() needs the present bit.
  EXPECT_FALSE(pud_leaf(__pud(_PAGE_PSE | 0x40000000UL)));
  EXPECT_FALSE(pud_bad(__pud(0x5000 | _PAGE_TABLE)));
  EXPECT_TRUE(pud_none(__pud(_PAGE_ACCESSED)));
  EXPECT_TRUE(pud_present(__pud(0x5000 | _PAGE_TABLE)));
  EXPECT_FALSE(p4d_bad(__p4d(0x5000 | _PAGE_TABLE)));
  EXPECT_TRUE(p4d_bad(__p4d(0x5000 | _PAGE_TABLE | _PAGE_PSE)));
  EXPECT_EQ(p4d_pfn(__p4d(0x7000 | _PAGE_TABLE)), 0x7UL);
  EXPECT_EQ(p4d_val(__p4d(3)), 3UL);
  EXPECT_EQ(pgd_val(__pgd(5)), 5UL);
  EXPECT_EQ(pgd_flags(__pgd(0x8000000000007067UL)), 0x8000000000000067UL);
}

TEST(PagingEntries, PatBitMovesBetweenSizes) {
  EXPECT_EQ(protval_4k_2_large(_PAGE_PAT | _PAGE_RW),
            _PAGE_PAT_LARGE | _PAGE_RW);
  EXPECT_EQ(protval_large_2_4k(_PAGE_PAT_LARGE | _PAGE_RW),
            _PAGE_PAT | _PAGE_RW);
  EXPECT_EQ(pgprot_val(pgprot_4k_2_large(PAGE_KERNEL)), __PAGE_KERNEL);
}

// ---- fixture at both depths ----

class Paging : public testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_set_paging_levels(GetParam()), 0);
    ASSERT_EQ(refimpl_mem_init(512), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
  }

  void TearDown() override {
    refimpl_paging_teardown();
    // init_mm's pgalloc tables wait for the deferred free: run it, so
    // their frees are checked too.
    refimpl_flush_kernel_pgtable_work();
    EXPECT_EQ(init_mm.pgd, nullptr);
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    if (HasFailure())
      refimpl_violations_dump();
    refimpl_mem_teardown();
  }

  bool l5() const { return GetParam() == 5; }

  // The root entry (pgd, or folded p4d) of va in init_mm.
  unsigned long *rootEntry(unsigned long va) { return &pgd_offset_k(va)->pgd; }

  struct refimpl_translation xlate(unsigned long va, unsigned int access) {
    return refimpl_translate(init_mm.pgd, va, access);
  }
};

INSTANTIATE_TEST_SUITE_P(Depth, Paging, testing::Values(4, 5),
                         [](const testing::TestParamInfo<int> &info) {
                           return "L" + std::to_string(info.param);
                         });

TEST_P(Paging, Geometry) {
  EXPECT_EQ(pgtable_l5_enabled(), l5());
  EXPECT_EQ(refimpl_paging_levels(), GetParam());
  EXPECT_EQ(PGDIR_SHIFT, l5() ? 48 : 39);
  EXPECT_EQ(PGDIR_SIZE, l5() ? 1UL << 48 : 1UL << 39);
  EXPECT_EQ(PGDIR_MASK, l5() ? 0xffff000000000000UL : 0xffffff8000000000UL);
  EXPECT_EQ(PTRS_PER_P4D, l5() ? 512 : 1);
  EXPECT_EQ(PTRS_PER_PGD, 512);
  EXPECT_EQ(PTRS_PER_PUD, 512);
  EXPECT_EQ(PTRS_PER_PMD, 512);
  EXPECT_EQ(PTRS_PER_PTE, 512);
  EXPECT_EQ(P4D_SHIFT, 39);
  EXPECT_EQ(PUD_SHIFT, 30);
  EXPECT_EQ(PMD_SHIFT, 21);
  EXPECT_EQ(P4D_SIZE, 1UL << 39);
  EXPECT_EQ(PUD_SIZE, kGiB);
  EXPECT_EQ(PMD_SIZE, 2 * kMiB);
  EXPECT_EQ(PUD_MASK, 0xffffffffc0000000UL);
  EXPECT_EQ(PMD_MASK, 0xffffffffffe00000UL);
  EXPECT_EQ(P4D_MASK, 0xffffff8000000000UL);
  EXPECT_EQ(KERNEL_PGD_BOUNDARY, 273UL);
}

TEST_P(Paging, IndexArithmetic) {
  // Fields: pml5 0x1a5, pml4 0x0f3, pdpt 0x12c, pd 0x0a7, pt 0x1e2, off 0x123.
  unsigned long va = (0x1a5UL << 48) | (0x0f3UL << 39) | (0x12cUL << 30) |
                     (0x0a7UL << 21) | (0x1e2UL << 12) | 0x123;
  EXPECT_EQ(pgd_index(va), l5() ? 0x1a5UL : 0x0f3UL);
  EXPECT_EQ(p4d_index(va), l5() ? 0x0f3UL : 0UL);
  EXPECT_EQ(pud_index(va), 0x12cUL);
  EXPECT_EQ(pmd_index(va), 0x0a7UL);
  EXPECT_EQ(pte_index(va), 0x1e2UL);

  EXPECT_EQ(pgd_offset_k(va), init_mm.pgd + (l5() ? 0x1a5 : 0x0f3));
  EXPECT_EQ(pgd_offset(&init_mm, va), pgd_offset_k(va));

  EXPECT_EQ(pmd_addr_end(0x1ff000UL, 0x400000UL), 0x200000UL);
  EXPECT_EQ(pmd_addr_end(0x200000UL, 0x300000UL), 0x300000UL);
  EXPECT_EQ(pud_addr_end(0x1000UL, 0x80000000UL), 0x40000000UL);
  // end == 0 stands for the top of the address space.
  EXPECT_EQ(pmd_addr_end(0xffffffffffe00000UL, 0UL), 0UL);
  EXPECT_EQ(pgd_addr_end(0x1000UL, 1UL << 50), l5() ? 1UL << 48 : 1UL << 39);
  EXPECT_EQ(p4d_addr_end(0x1000UL, 1UL << 50), 1UL << 39);
}

TEST_P(Paging, PgdLevelIsFoldedWithFourLevels) {
  pgd_t *pgd = pgd_offset_k(kKernelVa);
  pud_t *pud = (pud_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pud, nullptr);

  if (!l5()) {
    p4d_t *p4d = p4d_offset(pgd, kKernelVa);
    EXPECT_EQ((void *)p4d, (void *)pgd);
    EXPECT_FALSE(pgd_none(*pgd)); // even though the entry is zero
    EXPECT_TRUE(pgd_present(*pgd));
    EXPECT_FALSE(pgd_bad(*pgd));
    EXPECT_TRUE(p4d_none(*p4d));
    pgd_populate(&init_mm, pgd, (p4d_t *)pud);
    EXPECT_EQ(pgd_val(*pgd), 0UL); // no-op
    p4d_populate(&init_mm, p4d, pud);
    EXPECT_EQ(pgd_val(*pgd), __pa(pud) | _PAGE_TABLE); // the pgd entry
    EXPECT_EQ(pud_offset(p4d, kKernelVa), pud + pud_index(kKernelVa));
    pgd_clear(pgd);
    EXPECT_EQ(pgd_val(*pgd), __pa(pud) | _PAGE_TABLE); // no-op
    p4d_clear(p4d);
    EXPECT_EQ(pgd_val(*pgd), 0UL);
  } else {
    EXPECT_TRUE(pgd_none(*pgd));
    EXPECT_FALSE(pgd_present(*pgd));
    pgd_populate(&init_mm, pgd, (p4d_t *)pud);
    EXPECT_EQ(pgd_val(*pgd), __pa(pud) | _PAGE_TABLE);
    EXPECT_FALSE(pgd_bad(*pgd));
    EXPECT_EQ(p4d_offset(pgd, kKernelVa), (p4d_t *)pud + p4d_index(kKernelVa));
    EXPECT_EQ(pgd_page_vaddr(*pgd), (unsigned long)pud);
    EXPECT_TRUE(pgd_bad(__pgd(pgd_val(*pgd) | _PAGE_NX)));
    pgd_clear(pgd);
    EXPECT_EQ(pgd_val(*pgd), 0UL);
  }
  pgtable_free(pud);
}

TEST_P(Paging, P4dFreeIsANoOpWithFourLevels) {
  p4d_t *p4d = p4d_alloc_one(&init_mm, kKernelVa);
  ASSERT_NE(p4d, nullptr);
  p4d_free(&init_mm, p4d);
  struct refimpl_alloc_info info;
  ASSERT_TRUE(refimpl_alloc_info(p4d, &info));
  EXPECT_EQ(info.live, !l5());
  if (info.live)
    free_page((unsigned long)p4d);
}

// Builds va -> pa through every level with the pgalloc allocators.
TEST_P(Paging, PopulateWalkAndFreeWithPgalloc) {
  const unsigned long va = kKernelVa + 3 * kGiB + 5 * 2 * kMiB + 7 * 4096;
  pgd_t *pgd = pgd_offset_k(va);
  p4d_t *p4d_table = nullptr;
  if (l5()) {
    p4d_table = p4d_alloc_one(&init_mm, va);
    ASSERT_NE(p4d_table, nullptr);
    pgd_populate(&init_mm, pgd, p4d_table);
    EXPECT_EQ(pgd_val(*pgd), __pa(p4d_table) | _PAGE_TABLE);
  }
  p4d_t *p4d = p4d_offset(pgd, va);
  pud_t *pud_table = pud_alloc_one(&init_mm, va);
  ASSERT_NE(pud_table, nullptr);
  p4d_populate(&init_mm, p4d, pud_table);
  EXPECT_EQ(p4d_val(*p4d), __pa(pud_table) | _PAGE_TABLE);
  EXPECT_EQ(p4d_pgtable(*p4d), pud_table);

  pud_t *pud = pud_offset(p4d, va);
  EXPECT_EQ(pud, pud_table + 3);
  pmd_t *pmd_table = pmd_alloc_one(&init_mm, va);
  ASSERT_NE(pmd_table, nullptr);
  pud_populate(&init_mm, pud, pmd_table);
  EXPECT_EQ(pud_val(*pud), __pa(pmd_table) | _PAGE_TABLE);
  EXPECT_EQ(pud_pgtable(*pud), pmd_table);
  EXPECT_EQ(pud_page(*pud), virt_to_page(pmd_table));

  pmd_t *pmd = pmd_offset(pud, va);
  EXPECT_EQ(pmd, pmd_table + 5);
  pte_t *pte_table = pte_alloc_one_kernel(&init_mm);
  ASSERT_NE(pte_table, nullptr);
  pmd_populate_kernel(&init_mm, pmd, pte_table);
  EXPECT_EQ(pmd_val(*pmd), __pa(pte_table) | _PAGE_TABLE);
  EXPECT_EQ(pmd_page_vaddr(*pmd), pte_table);
  EXPECT_EQ(pmd_page(*pmd), virt_to_page(pte_table));

  pte_t *pte = pte_offset_kernel(pmd, va);
  EXPECT_EQ(pte, pte_table + 7);
  set_pte(pte, pfn_pte(0x99999, PAGE_KERNEL));

  unsigned int level = PG_LEVEL_NUM;
  EXPECT_EQ(lookup_address(va, &level), pte);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  struct refimpl_translation t = xlate(va + 0x10, REFIMPL_ACC_WRITE);
  EXPECT_TRUE(t.ok);
  EXPECT_EQ(t.pa, 0x99999010UL);
  EXPECT_EQ(t.level, PG_LEVEL_4K);

  // The same pmd entry through pmd_populate() and a pgtable_t.
  pgtable_t user_pte = pte_alloc_one(&init_mm);
  ASSERT_NE(user_pte, nullptr);
  EXPECT_TRUE(PageTable(user_pte));
  pmd_t *pmd2 = pmd + 1;
  pmd_populate(&init_mm, pmd2, user_pte);
  EXPECT_EQ(pmd_val(*pmd2),
            (page_to_pfn(user_pte) << PAGE_SHIFT) | _PAGE_TABLE);
  EXPECT_EQ(pmd_page(*pmd2), user_pte);

  // Tear down by hand, with the frees that match each allocator.
  pte_clear(&init_mm, va, pte);
  EXPECT_TRUE(pte_none(*pte));
  pmd_clear(pmd2);
  pte_free(&init_mm, user_pte);
  pmd_clear(pmd);
  EXPECT_TRUE(pmd_none(*pmd));
  pte_free_kernel(&init_mm, pte_table);
  pud_clear(pud);
  EXPECT_TRUE(pud_none(*pud));
  pmd_free(&init_mm, pmd_table);
  p4d_clear(p4d);
  EXPECT_TRUE(p4d_none(*p4d));
  pud_free(&init_mm, pud_table);
  if (l5()) {
    pgd_clear(pgd);
    EXPECT_TRUE(pgd_none(*pgd));
    p4d_free(&init_mm, p4d_table);
  }
  // The pte, pmd and pud tables of init_mm are kernel tables: their frees
  // wait for the deferred work.
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 3UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 3UL);
  EXPECT_EQ(refimpl_live_allocations(), 1UL); // the root
}

TEST_P(Paging, TeardownFreesPgallocTablesWithTheirOwnFamily) {
  const unsigned long va = kUserVa;
  pgd_t *pgd = pgd_offset_k(va);
  if (l5()) {
    p4d_t *p4d = p4d_alloc_one(&init_mm, va);
    ASSERT_NE(p4d, nullptr);
    pgd_populate(&init_mm, pgd, p4d);
  }
  p4d_t *p4d = p4d_offset(pgd, va);
  pud_t *pud = pud_alloc_one(&init_mm, va);
  ASSERT_NE(pud, nullptr);
  p4d_populate(&init_mm, p4d, pud);
  pmd_t *pmd = pmd_alloc_one(&init_mm, va);
  ASSERT_NE(pmd, nullptr);
  pud_populate(&init_mm, pud_offset(p4d, va), pmd);
  pmd_populate(&init_mm, pmd_offset(pud_offset(p4d, va), va),
               pte_alloc_one(&init_mm));
  pmd_populate_kernel(&init_mm, pmd_offset(pud_offset(p4d, va), va) + 1,
                      pte_alloc_one_kernel(&init_mm));
  EXPECT_EQ(refimpl_live_allocations(), l5() ? 6UL : 5UL);
  // TearDown() checks that teardown frees them all without a violation
  // (a get_zeroed_page() p4d freed as a ptdesc would be a family mismatch).
}

TEST_P(Paging, AllocatorsGiveZeroedTablesAndRecordTheirApi) {
  struct Case {
    void *table;
    const char *api;
    enum refimpl_alloc_family family;
    bool page_table;
  };
  pgtable_t pte_page = pte_alloc_one(&init_mm);
  ASSERT_NE(pte_page, nullptr);
  Case cases[] = {
      {pte_alloc_one_kernel(&init_mm), "pagetable_alloc", REFIMPL_FAMILY_PTDESC,
       false},
      {page_address(pte_page), "pagetable_alloc", REFIMPL_FAMILY_PTDESC, true},
      {pmd_alloc_one(&init_mm, 0), "pagetable_alloc", REFIMPL_FAMILY_PTDESC,
       true},
      {pud_alloc_one(&init_mm, 0), "pagetable_alloc", REFIMPL_FAMILY_PTDESC,
       true},
      {p4d_alloc_one(&init_mm, 0), "get_zeroed_page", REFIMPL_FAMILY_PAGE,
       false},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.api);
    ASSERT_NE(c.table, nullptr);
    EXPECT_EQ((unsigned long)c.table % PAGE_SIZE, 0UL);
    const unsigned long *entry = (const unsigned long *)c.table;
    for (int i = 0; i < 512; i++)
      ASSERT_EQ(entry[i], 0UL) << "entry " << i;
    struct refimpl_alloc_info info;
    ASSERT_TRUE(refimpl_alloc_info(c.table, &info));
    EXPECT_TRUE(info.live);
    EXPECT_STREQ(info.api, c.api);
    EXPECT_EQ(info.family, c.family);
    EXPECT_EQ(info.order, 0U);
    EXPECT_STREQ(info.file, __FILE__); // alloc_hooks() saw this call site
    EXPECT_EQ(PageTable(virt_to_page(c.table)), c.page_table);
  }
  pte_free_kernel(&init_mm, (pte_t *)cases[0].table);
  pte_free(&init_mm, pte_page);
  pmd_free(&init_mm, (pmd_t *)cases[2].table);
  pud_free(&init_mm, (pud_t *)cases[3].table);
  if (l5())
    p4d_free(&init_mm, (p4d_t *)cases[4].table);
  else
    free_page((unsigned long)cases[4].table);
}

TEST_P(Paging, AllocatorsReturnNullOnFailure) {
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pte_alloc_one_kernel(&init_mm), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pte_alloc_one(&init_mm), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pmd_alloc_one(&init_mm, 0), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pud_alloc_one(&init_mm, 0), nullptr);
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(p4d_alloc_one(&init_mm, 0), nullptr);
  struct mm_struct mm = {};
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(pgd_alloc(&mm), nullptr);
  EXPECT_EQ(mm.pgd, nullptr);
}

TEST_P(Paging, PgdAllocSharesTheKernelHalf) {
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa, 0, PMD_SIZE, PAGE_KERNEL,
                              REFIMPL_MAP_LARGE),
            0);
  struct mm_struct mm = {};
  pgd_t *pgd = pgd_alloc(&mm);
  ASSERT_NE(pgd, nullptr);
  EXPECT_EQ(mm.pgd, pgd);
  struct refimpl_alloc_info info;
  ASSERT_TRUE(refimpl_alloc_info(pgd, &info));
  EXPECT_STREQ(info.api, "__get_free_pages");
  unsigned long k = pgd_index(kKernelVa);
  EXPECT_NE(pgd_val(init_mm.pgd[k]), 0UL);
  for (unsigned long i = 0; i < PTRS_PER_PGD; i++)
    EXPECT_EQ(pgd_val(pgd[i]),
              i >= KERNEL_PGD_BOUNDARY ? pgd_val(init_mm.pgd[i]) : 0UL)
        << i;
  // The user mm translates the kernel mapping through the shared tables.
  struct refimpl_translation t = refimpl_translate(pgd, kKernelVa + 8, 0);
  EXPECT_TRUE(t.ok);
  EXPECT_EQ(t.pa, 8UL);
  pgd_free(&mm, pgd);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kKernelVa, PMD_SIZE), 0);
}

// ---- lookup_address ----

TEST_P(Paging, LookupAddressReportsTheLeafLevel) {
  const unsigned long base = kKernelVa;
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, base, 4 * kGiB, kGiB, PAGE_KERNEL,
                              REFIMPL_MAP_LARGE),
            0);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, base + kGiB, 8 * kGiB, PMD_SIZE,
                              PAGE_KERNEL, REFIMPL_MAP_LARGE),
            0);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, base + kGiB + PMD_SIZE, 0x123000,
                              4096, PAGE_KERNEL, REFIMPL_MAP_LARGE),
            0);
  unsigned int level;
  pte_t *p = lookup_address(base + 12345, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_1G);
  EXPECT_TRUE(pud_leaf(*(pud_t *)p));
  EXPECT_EQ(pud_pfn(*(pud_t *)p), (4 * kGiB) >> PAGE_SHIFT);

  p = lookup_address(base + kGiB + 4096, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  EXPECT_EQ(pmd_pfn(*(pmd_t *)p), (8 * kGiB) >> PAGE_SHIFT);

  p = lookup_address(base + kGiB + PMD_SIZE + 99, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  EXPECT_EQ(pte_pfn(*p), 0x123UL);

  // A hole in an existing pte table: the (none) pte itself.
  p = lookup_address(base + kGiB + PMD_SIZE + 4096, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  EXPECT_TRUE(pte_none(*p));

  // Same pmd table, none pmd: NULL at the lowest level reached.
  EXPECT_EQ(lookup_address(base + kGiB + 8 * PMD_SIZE, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_1G);
  EXPECT_EQ(lookup_address(base + 5 * kGiB, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_512G);
  // Nothing mapped in this root entry at all.
  EXPECT_EQ(lookup_address(kUserVa, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_NONE);

  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, base, 2 * kGiB), 0);
}

// ---- the reference mapper ----

TEST_P(Paging, MapperChoosesLeafSizes) {
  unsigned int level;
  // 2 MiB aligned VA and PA, 1 GiB aligned VA but not PA: 2 MiB leaves.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa, 2 * kMiB, kGiB,
                              PAGE_KERNEL, REFIMPL_MAP_LARGE),
            0);
  ASSERT_NE(lookup_address(kKernelVa, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  // Large leaves not allowed: 4K.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + kGiB, 2 * kMiB, 2 * kMiB,
                              PAGE_KERNEL, 0),
            0);
  ASSERT_NE(lookup_address(kKernelVa + kGiB, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  // Only 2 MiB allowed for a 1 GiB aligned range.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + 2 * kGiB, 2 * kGiB, kGiB,
                              PAGE_KERNEL, REFIMPL_MAP_2M),
            0);
  ASSERT_NE(lookup_address(kKernelVa + 2 * kGiB, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  // A 1 GiB leaf carries the 4K PAT bit at bit 12.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + 3 * kGiB, 3 * kGiB, kGiB,
                              __pgprot(__PAGE_KERNEL | _PAGE_PAT),
                              REFIMPL_MAP_LARGE),
            0);
  pte_t *p = lookup_address(kKernelVa + 3 * kGiB, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_1G);
  EXPECT_EQ(pte_val(*p),
            3 * kGiB | __PAGE_KERNEL | _PAGE_PSE | _PAGE_PAT_LARGE);
  // Non-present protections never make large leaves.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + 4 * kGiB, 0, PMD_SIZE,
                              PAGE_NONE, REFIMPL_MAP_LARGE),
            0);
  ASSERT_NE(lookup_address(kKernelVa + 4 * kGiB, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);

  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kKernelVa, 5 * kGiB), 0);
  EXPECT_EQ(refimpl_live_allocations(), 1UL); // every table freed but root
}

TEST_P(Paging, UnmapInsideALeafSplitsIt) {
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa, 0, kGiB, PAGE_KERNEL,
                              REFIMPL_MAP_LARGE),
            0);
  const unsigned long hole = kKernelVa + 300 * PMD_SIZE + 17 * 4096;
  ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, hole, 4096), 0);
  unsigned int level;
  EXPECT_NE(lookup_address(kKernelVa, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  EXPECT_NE(lookup_address(hole + 4096, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  EXPECT_EQ(xlate(hole, 0).fault, REFIMPL_FAULT_NOT_PRESENT);
  EXPECT_EQ(xlate(hole, 0).fault_level, REFIMPL_PT_PTE);
  EXPECT_EQ(xlate(hole + 4096, 0).pa, 300 * PMD_SIZE + 18 * 4096);
  EXPECT_EQ(xlate(hole - 1, 0).pa, 300 * PMD_SIZE + 17 * 4096 - 1);
  EXPECT_EQ(xlate(kKernelVa + kGiB - 1, 0).pa, kGiB - 1);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kKernelVa, kGiB), 0);
  EXPECT_EQ(refimpl_live_allocations(), 1UL);
}

TEST_P(Paging, SplitLeafKeepsProtections) {
  pgprot_t prot = __pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED |
                           _PAGE_PAT | _PAGE_NX);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 2 * kGiB, kGiB, prot,
                              REFIMPL_MAP_LARGE),
            0);
  ASSERT_EQ(refimpl_split_leaf(init_mm.pgd, kUserVa + 5), 0);
  unsigned int level;
  pte_t *p = lookup_address(kUserVa + 3 * PMD_SIZE, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  EXPECT_EQ(pmd_val(*(pmd_t *)p), (2 * kGiB + 3 * PMD_SIZE) |
                                      protval_4k_2_large(pgprot_val(prot)) |
                                      _PAGE_PSE);
  ASSERT_EQ(refimpl_split_leaf(init_mm.pgd, kUserVa + 3 * PMD_SIZE + 4096), 0);
  p = lookup_address(kUserVa + 3 * PMD_SIZE + 5 * 4096, &level);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_4K);
  EXPECT_EQ(pte_val(*p),
            (2 * kGiB + 3 * PMD_SIZE + 5 * 4096) | pgprot_val(prot));
  // Nothing left to split there.
  EXPECT_EQ(refimpl_split_leaf(init_mm.pgd, kUserVa + 3 * PMD_SIZE), -EINVAL);
  EXPECT_EQ(refimpl_split_leaf(init_mm.pgd, kKernelVa), -EINVAL);
  // Allocation failure leaves the leaf intact.
  refimpl_fail_nth_alloc(1);
  EXPECT_EQ(refimpl_split_leaf(init_mm.pgd, kUserVa), -ENOMEM);
  ASSERT_NE(lookup_address(kUserVa, &level), nullptr);
  EXPECT_EQ(level, (unsigned)PG_LEVEL_2M);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, kGiB), 0);
  EXPECT_EQ(refimpl_live_allocations(), 1UL);
}

TEST_P(Paging, MapperRejectsBadRangesAndSurvivesAllocFailure) {
  EXPECT_EQ(
      refimpl_map_range(init_mm.pgd, kUserVa + 1, 0, 4096, PAGE_KERNEL, 0),
      -EINVAL);
  EXPECT_EQ(
      refimpl_map_range(init_mm.pgd, kUserVa, 0x800, 4096, PAGE_KERNEL, 0),
      -EINVAL);
  EXPECT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0, 0, PAGE_KERNEL, 0),
            -EINVAL);
  // Across the canonical hole.
  const unsigned long top = l5() ? 0x00ffffff00000000UL : 0x00007fff00000000UL;
  EXPECT_EQ(refimpl_map_range(init_mm.pgd, top, 0, 1UL << 34, PAGE_KERNEL, 0),
            -EINVAL);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, 0x0100000000000000UL, 4096),
            -EINVAL);

  // Fail each allocation of a fresh mapping in turn.
  for (unsigned long n = 1;; n++) {
    refimpl_fail_nth_alloc(n);
    int err = refimpl_map_range(init_mm.pgd, kUserVa, 0, 4096, PAGE_KERNEL, 0);
    refimpl_fail_nth_alloc(0);
    ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, 4096), 0);
    EXPECT_EQ(refimpl_live_allocations(), 1UL) << n;
    if (err == 0)
      break;
    EXPECT_EQ(err, -ENOMEM);
    ASSERT_LT(n, 10UL);
  }
}

TEST_P(Paging, MappingTheTopPageOfTheAddressSpace) {
  const unsigned long va = 0xfffffffffffff000UL;
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, va, 0x5000, 4096, PAGE_KERNEL, 0),
            0);
  EXPECT_EQ(xlate(va + 0xfff, 0).pa, 0x5fffUL);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, va, 4096), 0);
  EXPECT_EQ(refimpl_live_allocations(), 1UL);
}

// ---- the MMU ----

TEST_P(Paging, TranslateLeavesOfEachSize) {
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa, 64 * kGiB, kGiB,
                              PAGE_KERNEL, REFIMPL_MAP_LARGE),
            0);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + kGiB, 70 * kGiB,
                              PMD_SIZE, PAGE_KERNEL_EXEC, REFIMPL_MAP_LARGE),
            0);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa + kGiB + PMD_SIZE, 0x7000,
                              4096, PAGE_KERNEL_RO, 0),
            0);
  struct refimpl_translation t = xlate(kKernelVa + 0x3456789, REFIMPL_ACC_READ);
  EXPECT_TRUE(t.ok);
  EXPECT_EQ(t.level, PG_LEVEL_1G);
  EXPECT_EQ(t.pa, 64 * kGiB + 0x3456789);
  EXPECT_TRUE(t.writable);
  EXPECT_FALSE(t.user);
  EXPECT_TRUE(t.nx);
  EXPECT_EQ(t.leaf, 64 * kGiB | __PAGE_KERNEL_LARGE);

  t = xlate(kKernelVa + kGiB + 0x1abcde, REFIMPL_ACC_EXEC);
  EXPECT_TRUE(t.ok);
  EXPECT_EQ(t.level, PG_LEVEL_2M);
  EXPECT_EQ(t.pa, 70 * kGiB + 0x1abcde);
  EXPECT_FALSE(t.nx);

  t = xlate(kKernelVa + kGiB + PMD_SIZE + 0xabc, REFIMPL_ACC_READ);
  EXPECT_TRUE(t.ok);
  EXPECT_EQ(t.level, PG_LEVEL_4K);
  EXPECT_EQ(t.pa, 0x7abcUL);
  EXPECT_FALSE(t.writable);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kKernelVa, 2 * kGiB), 0);
}

TEST_P(Paging, TranslateNotPresentNamesTheLevel) {
  EXPECT_EQ(xlate(kUserVa, 0).fault, REFIMPL_FAULT_NOT_PRESENT);
  EXPECT_EQ(xlate(kUserVa, 0).fault_level, REFIMPL_PT_PGD);
  EXPECT_FALSE(xlate(kUserVa, 0).ok);
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0, 4096, PAGE_SHARED, 0),
            0);
  ASSERT_TRUE(xlate(kUserVa, REFIMPL_ACC_USER | REFIMPL_ACC_WRITE).ok);
  // Neighbours that share every table down to a given level.
  struct {
    unsigned long va;
    enum refimpl_pt_level level;
  } cases[] = {
      {kUserVa + 4096, REFIMPL_PT_PTE},
      {kUserVa + PMD_SIZE, REFIMPL_PT_PMD},
      {kUserVa + PUD_SIZE, REFIMPL_PT_PUD},
      {kUserVa + P4D_SIZE, l5() ? REFIMPL_PT_P4D : REFIMPL_PT_PGD},
      {kUserVa - (1UL << 45), l5() ? REFIMPL_PT_P4D : REFIMPL_PT_PGD},
  };
  for (const auto &c : cases) {
    struct refimpl_translation t = xlate(c.va, REFIMPL_ACC_READ);
    EXPECT_EQ(t.fault, REFIMPL_FAULT_NOT_PRESENT) << std::hex << c.va;
    EXPECT_EQ(t.fault_level, c.level) << std::hex << c.va;
  }
  if (l5()) { // a 5-level-only address: pgd entry 1
    EXPECT_EQ(xlate(1UL << 48, 0).fault_level, REFIMPL_PT_PGD);
  }
  // PROT_NONE: present to the kernel, not to the MMU.
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0, 4096, PAGE_NONE, 0), 0);
  EXPECT_EQ(xlate(kUserVa, 0).fault, REFIMPL_FAULT_NOT_PRESENT);
  EXPECT_EQ(xlate(kUserVa, 0).fault_level, REFIMPL_PT_PTE);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, 4096), 0);
}

TEST_P(Paging, TranslateNonCanonical) {
  struct {
    unsigned long va;
    bool canonical4, canonical5;
  } cases[] = {
      {0x0000000000000000UL, true, true},
      {0x00007fffffffffffUL, true, true},
      {0x0000800000000000UL, false, true},
      {0xffff7fffffffffffUL, false, true},
      {0xffff800000000000UL, true, true},
      {0x00ffffffffffffffUL, false, true},
      {0x0100000000000000UL, false, false},
      {0xfeffffffffffffffUL, false, false},
      {0xff00000000000000UL, false, true},
      {0xffffffffffffffffUL, true, true},
      {0x8000000000000000UL, false, false},
  };
  for (const auto &c : cases) {
    bool canonical = l5() ? c.canonical5 : c.canonical4;
    EXPECT_EQ(refimpl_va_canonical(c.va), canonical) << std::hex << c.va;
    struct refimpl_translation t = xlate(c.va, 0);
    EXPECT_EQ(t.fault == REFIMPL_FAULT_NON_CANONICAL, !canonical)
        << std::hex << c.va;
  }
  EXPECT_STREQ(refimpl_fault_name(REFIMPL_FAULT_NON_CANONICAL),
               "non-canonical");
}

TEST_P(Paging, TranslateReservedBits) {
  // PSE in the root entry.
  unsigned long *root = rootEntry(kUserVa);
  pud_t *table = (pud_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(table, nullptr);
  *root = __pa(table) | _PAGE_TABLE | _PAGE_PSE;
  struct refimpl_translation t = xlate(kUserVa, 0);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_RESERVED);
  EXPECT_EQ(t.fault_level, REFIMPL_PT_PGD);
  *root = 0;
  pgtable_free(table);

  if (l5()) { // PSE in a p4d entry
    ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0, 4096, PAGE_SHARED, 0),
              0);
    p4d_t *p4d = p4d_offset(pgd_offset_k(kUserVa), kUserVa);
    p4d_t saved = *p4d;
    set_p4d(p4d, __p4d(p4d_val(saved) | _PAGE_PSE));
    t = xlate(kUserVa, 0);
    EXPECT_EQ(t.fault, REFIMPL_FAULT_RESERVED);
    EXPECT_EQ(t.fault_level, REFIMPL_PT_P4D);
    set_p4d(p4d, saved);
    EXPECT_TRUE(xlate(kUserVa, 0).ok);
    ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, 4096), 0);
  }

  // Address bits below a large leaf's frame (bit 12 is PAT, not reserved).
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kKernelVa, 0, kGiB + PMD_SIZE,
                              PAGE_KERNEL, REFIMPL_MAP_LARGE),
            0);
  unsigned int level;
  pte_t *gib = lookup_address(kKernelVa, &level);
  ASSERT_EQ(level, (unsigned)PG_LEVEL_1G);
  pte_t *mib = lookup_address(kKernelVa + kGiB, &level);
  ASSERT_EQ(level, (unsigned)PG_LEVEL_2M);
  set_pte(gib, __pte(pte_val(*gib) | (1UL << 29)));
  set_pte(mib, __pte(pte_val(*mib) | (1UL << 13)));
  t = xlate(kKernelVa, 0);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_RESERVED);
  EXPECT_EQ(t.fault_level, REFIMPL_PT_PUD);
  t = xlate(kKernelVa + kGiB, 0);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_RESERVED);
  EXPECT_EQ(t.fault_level, REFIMPL_PT_PMD);
  set_pte(gib, __pte((pte_val(*gib) & ~(1UL << 29)) | _PAGE_PAT_LARGE));
  set_pte(mib, __pte((pte_val(*mib) & ~(1UL << 13)) | _PAGE_PAT_LARGE));
  EXPECT_TRUE(xlate(kKernelVa, 0).ok);
  EXPECT_TRUE(xlate(kKernelVa + kGiB, 0).ok);
  ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, kKernelVa, kGiB + PMD_SIZE), 0);
}

TEST_P(Paging, TranslateBadTable) {
  // The root entry points beyond simulated memory.
  unsigned long *root = rootEntry(kUserVa);
  *root = (1UL << 40) | _PAGE_TABLE;
  struct refimpl_translation t = xlate(kUserVa, 0);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_BAD_TABLE);
  EXPECT_EQ(t.fault_level, l5() ? REFIMPL_PT_P4D : REFIMPL_PT_PUD);
  *root = 0;
  // A root outside memory.
  t = refimpl_translate(nullptr, kUserVa, 0);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_BAD_TABLE);
  EXPECT_EQ(t.fault_level, REFIMPL_PT_PGD);
  // No table read outside memory was reported to the checker.
  EXPECT_EQ(refimpl_violation_count(), 0UL);
}

// Sets the given bits in the entries of va's walk: leaf last.
class PagingPermissions : public Paging {
protected:
  void SetUp() override {
    Paging::SetUp();
    ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0x42000, 4096,
                                PAGE_SHARED_EXEC, 0),
              0);
  }
  void TearDown() override {
    EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, 4096), 0);
    Paging::TearDown();
  }
  pud_t *pud() {
    return pud_offset(p4d_offset(pgd_offset_k(kUserVa), kUserVa), kUserVa);
  }
  pmd_t *pmd() { return pmd_offset(pud(), kUserVa); }
  pte_t *pte() { return pte_offset_kernel(pmd(), kUserVa); }
};

INSTANTIATE_TEST_SUITE_P(Depth, PagingPermissions, testing::Values(4, 5),
                         [](const testing::TestParamInfo<int> &info) {
                           return "L" + std::to_string(info.param);
                         });

TEST_P(PagingPermissions, LeafAllowsEverything) {
  struct refimpl_translation t =
      xlate(kUserVa, REFIMPL_ACC_USER | REFIMPL_ACC_WRITE | REFIMPL_ACC_EXEC);
  EXPECT_TRUE(t.ok);
  EXPECT_TRUE(t.writable);
  EXPECT_TRUE(t.user);
  EXPECT_FALSE(t.nx);
  EXPECT_EQ(t.pa, 0x42000UL);
}

TEST_P(PagingPermissions, ReadOnlyTableEntryMakesThePageReadOnly) {
  set_pud(pud(), __pud(pud_val(*pud()) & ~_PAGE_RW));
  struct refimpl_translation t = xlate(kUserVa, REFIMPL_ACC_WRITE);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_WRITE);
  EXPECT_FALSE(t.writable);
  // CR0.WP: the supervisor may not write either.
  EXPECT_EQ(xlate(kUserVa, REFIMPL_ACC_WRITE | REFIMPL_ACC_USER).fault,
            REFIMPL_FAULT_WRITE);
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_READ | REFIMPL_ACC_USER).ok);
  set_pud(pud(), __pud(pud_val(*pud()) | _PAGE_RW));
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_WRITE).ok);
}

TEST_P(PagingPermissions, ReadOnlyLeafFaultsOnWrite) {
  set_pte(pte(), __pte(pte_val(*pte()) & ~_PAGE_RW));
  EXPECT_EQ(xlate(kUserVa, REFIMPL_ACC_WRITE).fault, REFIMPL_FAULT_WRITE);
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_READ).ok);
}

TEST_P(PagingPermissions, SupervisorTableEntryHidesThePageFromUsers) {
  set_pmd(pmd(), __pmd(pmd_val(*pmd()) & ~_PAGE_USER));
  struct refimpl_translation t = xlate(kUserVa, REFIMPL_ACC_USER);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_USER);
  EXPECT_FALSE(t.user);
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_READ).ok); // no SMAP either way
}

TEST_P(PagingPermissions, NxAnywhereForbidsExecution) {
  unsigned long *root = rootEntry(kUserVa);
  *root |= _PAGE_NX;
  struct refimpl_translation t = xlate(kUserVa, REFIMPL_ACC_EXEC);
  EXPECT_EQ(t.fault, REFIMPL_FAULT_EXEC);
  EXPECT_TRUE(t.nx);
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_WRITE | REFIMPL_ACC_USER).ok);
  *root &= ~_PAGE_NX;
  EXPECT_TRUE(xlate(kUserVa, REFIMPL_ACC_EXEC | REFIMPL_ACC_USER).ok);
  set_pte(pte(), __pte(pte_val(*pte()) | _PAGE_NX));
  EXPECT_EQ(xlate(kUserVa, REFIMPL_ACC_EXEC).fault, REFIMPL_FAULT_EXEC);
}

// ---- the checker sees walks through freed tables ----

TEST_P(Paging, WalkThroughAFreedTableIsAViolation) {
  ASSERT_EQ(refimpl_map_range(init_mm.pgd, kUserVa, 0, 4096, PAGE_SHARED, 0),
            0);
  pmd_t *pmd = pmd_offset(
      pud_offset(p4d_offset(pgd_offset_k(kUserVa), kUserVa), kUserVa), kUserVa);
  pte_t *pte_table = pmd_page_vaddr(*pmd);
  ASSERT_EQ(refimpl_violation_count(), 0UL);
  pgtable_free(pte_table); // the bug: the pmd still points at it

  pte_offset_kernel(pmd, kUserVa);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_WALK_FREED_TABLE), 1UL);
  xlate(kUserVa, 0);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_WALK_FREED_TABLE), 2UL);
  unsigned int level;
  lookup_address(kUserVa, &level);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_WALK_FREED_TABLE), 3UL);
  EXPECT_EQ(refimpl_violation_at(0)->pfn, __pa(pte_table) >> PAGE_SHIFT);

  refimpl_violations_clear();
  pmd_clear(pmd);
  EXPECT_EQ(refimpl_unmap_range(init_mm.pgd, kUserVa, PMD_SIZE), 0);
}

TEST_P(Paging, WalkThroughAFreedRootIsAViolation) {
  pgd_t *root = init_mm.pgd;
  refimpl_paging_teardown();
  pgd_offset_pgd(root, kUserVa);
  EXPECT_EQ(refimpl_violation_count_kind(REFIMPL_V_WALK_FREED_TABLE), 1UL);
  refimpl_violations_clear();
}

} // namespace
