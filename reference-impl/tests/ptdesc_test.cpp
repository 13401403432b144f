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
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_NONE);
  EXPECT_TRUE(pagetable_pte_ctor(pt));
  EXPECT_TRUE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_PTE);
  pagetable_pte_dtor(pt);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_NONE);
  pagetable_free(pt);
}

TEST_F(Ptdesc, PmdCtorDtorSetAndClearPageTable) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  pt->pmd_huge_pte = (pgtable_t)(uintptr_t)0xdead000;
  EXPECT_TRUE(pagetable_pmd_ctor(pt));
  EXPECT_TRUE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(pt->pmd_huge_pte, nullptr);
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_PMD);
  pagetable_pmd_dtor(pt);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_NONE);
  pagetable_free(pt);
}

// Linux 6.12: a pud table has no lock of its own (mm->page_table_lock).
TEST_F(Ptdesc, PudCtorDtorSetAndClearPageTableWithoutALock) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  pagetable_pud_ctor(pt);
  EXPECT_TRUE(PageTable(ptdesc_page(pt)));
  AllocInfo info = infoOf(ptdesc_address(pt));
  EXPECT_EQ(info.ctor_level, REFIMPL_PT_PUD);
  EXPECT_FALSE(info.ptlock);
  EXPECT_EQ(pt->ptl, nullptr);
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
  pagetable_pud_dtor(pt);
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_NONE);
  pagetable_free(pt);
}

// ALLOC_SPLIT_PTLOCKS: the pte and pmd constructors allocate the table's
// lock (in ptdesc->ptl, over page->private), the destructors free it.
TEST_F(Ptdesc, PteAndPmdCtorsAllocateTheSplitLockAndDtorsFreeIt) {
  struct {
    const char *name;
    bool (*ctor)(struct ptdesc *);
    void (*dtor)(struct ptdesc *);
  } const levels[] = {
      {"pte", pagetable_pte_ctor, pagetable_pte_dtor},
      {"pmd", pagetable_pmd_ctor, pagetable_pmd_dtor},
  };
  for (const auto &level : levels) {
    SCOPED_TRACE(level.name);
    struct ptdesc *a = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
    struct ptdesc *b = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->ptl, nullptr);
    ASSERT_TRUE(level.ctor(a));
    ASSERT_TRUE(level.ctor(b));
    EXPECT_NE(a->ptl, nullptr);
    EXPECT_NE(a->ptl, b->ptl) << "one lock per table";
    EXPECT_EQ(ptlock_ptr(a), a->ptl);
    EXPECT_EQ(a->ptl->locked, 0) << "spin_lock_init()";
    EXPECT_EQ((unsigned long)a->ptl, page_private(ptdesc_page(a)));
    EXPECT_TRUE(infoOf(ptdesc_address(a)).ptlock);
    EXPECT_EQ(refimpl_ptlocks_live(), 2UL);
    level.dtor(a);
    EXPECT_EQ(a->ptl, nullptr);
    EXPECT_FALSE(infoOf(ptdesc_address(a)).ptlock);
    EXPECT_EQ(refimpl_ptlocks_live(), 1UL);
    level.dtor(b);
    EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
    pagetable_free(a);
    pagetable_free(b);
  }
}

// The lock of a pte table a pmd entry links, and of a pmd table, as the
// kernel's pte_lockptr()/pmd_lockptr() find them.
TEST_F(Ptdesc, LockPointersFindTheTablesLocks) {
  struct ptdesc *pmd_pt = pagetable_alloc(GFP_PGTABLE_KERNEL | __GFP_ZERO, 0);
  struct ptdesc *pte_pt = pagetable_alloc(GFP_PGTABLE_KERNEL | __GFP_ZERO, 0);
  ASSERT_TRUE(pmd_pt && pte_pt);
  ASSERT_TRUE(pagetable_pmd_ctor(pmd_pt));
  ASSERT_TRUE(pagetable_pte_ctor(pte_pt));
  pmd_t *pmd = (pmd_t *)ptdesc_address(pmd_pt) + 17;
  pmd_populate(&init_mm, pmd, ptdesc_page(pte_pt));
  EXPECT_EQ(pmd_lockptr(&init_mm, pmd), pmd_pt->ptl);
  EXPECT_EQ(pte_lockptr(&init_mm, pmd), pte_pt->ptl);
  pmd_clear(pmd);
  pagetable_pte_dtor(pte_pt);
  pagetable_pmd_dtor(pmd_pt);
  pagetable_free(pte_pt);
  pagetable_free(pmd_pt);
}

// ptlock_alloc() can fail: the constructor then fails and leaves no state,
// and the allocators' error paths free a clean page.
TEST_F(Ptdesc, CtorFailsWhenItsLockCannotBeAllocated) {
  struct ptdesc *pt = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(pt, nullptr);
  refimpl_fail_nth_ptlock_alloc(1);
  EXPECT_FALSE(pagetable_pte_ctor(pt));
  refimpl_fail_nth_ptlock_alloc(1);
  EXPECT_FALSE(pagetable_pmd_ctor(pt));
  EXPECT_FALSE(PageTable(ptdesc_page(pt)));
  EXPECT_EQ(infoOf(ptdesc_address(pt)).ctor_level, REFIMPL_PT_NONE);
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
  pagetable_free(pt);

  struct mm_struct mm = {};
  refimpl_fail_nth_ptlock_alloc(1);
  EXPECT_EQ(pte_alloc_one(&mm), nullptr);
  refimpl_fail_nth_ptlock_alloc(1);
  EXPECT_EQ(pmd_alloc_one(&mm, 0), nullptr);
  refimpl_fail_nth_ptlock_alloc(1);
  EXPECT_EQ(pmd_alloc_one(&init_mm, 0), nullptr);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL)
      << "the mark comes after the constructor";
  EXPECT_EQ(refimpl_violation_count(), 0UL);
  // Only the injected call fails, and page allocations do not count.
  refimpl_fail_nth_ptlock_alloc(2);
  pgtable_t pte = pte_alloc_one(&mm);
  EXPECT_NE(pte, nullptr);
  EXPECT_EQ(pmd_alloc_one(&mm, 0), nullptr);
  pte_free(&mm, pte);
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

// ---- the per-level allocators of <asm/pgalloc.h> ----

// One level's allocator and the free that matches it.
struct PgallocCase {
  const char *api;
  const char *free_api;
  enum refimpl_pt_level level;
  bool user_mm;     // allocated for a user mm, not &init_mm
  bool ctor;        // its constructor runs (not for kernel pte tables)
  bool ptlock;      // its constructor allocates a split lock
  bool kernel_mark; // its free is deferred
  std::function<void *(struct mm_struct *)> alloc;
  std::function<void(struct mm_struct *, void *)> free;
};

std::vector<PgallocCase> pgallocCases() {
  auto pteKernel = [](struct mm_struct *mm) -> void * {
    return pte_alloc_one_kernel(mm);
  };
  auto pteKernelFree = [](struct mm_struct *mm, void *p) {
    pte_free_kernel(mm, (pte_t *)p);
  };
  auto pte = [](struct mm_struct *mm) -> void * {
    pgtable_t page = pte_alloc_one(mm);
    return page ? page_address(page) : nullptr;
  };
  auto pteFree = [](struct mm_struct *mm, void *p) {
    pte_free(mm, virt_to_page(p));
  };
  auto pmd = [](struct mm_struct *mm) -> void * {
    return pmd_alloc_one(mm, 0);
  };
  auto pmdFree = [](struct mm_struct *mm, void *p) {
    pmd_free(mm, (pmd_t *)p);
  };
  auto pud = [](struct mm_struct *mm) -> void * {
    return pud_alloc_one(mm, 0);
  };
  auto pudFree = [](struct mm_struct *mm, void *p) {
    pud_free(mm, (pud_t *)p);
  };
  return {
      {"pte_alloc_one_kernel", "pte_free_kernel", REFIMPL_PT_PTE, false, false,
       false, true, pteKernel, pteKernelFree},
      {"pte_alloc_one_kernel", "pte_free_kernel", REFIMPL_PT_PTE, true, false,
       false, true, pteKernel, pteKernelFree},
      {"pte_alloc_one", "pte_free", REFIMPL_PT_PTE, false, true, true, false,
       pte, pteFree},
      {"pte_alloc_one", "pte_free", REFIMPL_PT_PTE, true, true, true, false,
       pte, pteFree},
      {"pmd_alloc_one", "pmd_free", REFIMPL_PT_PMD, false, true, true, true,
       pmd, pmdFree},
      {"pmd_alloc_one", "pmd_free", REFIMPL_PT_PMD, true, true, true, false,
       pmd, pmdFree},
      {"pud_alloc_one", "pud_free", REFIMPL_PT_PUD, false, true, false, true,
       pud, pudFree},
      {"pud_alloc_one", "pud_free", REFIMPL_PT_PUD, true, true, false, false,
       pud, pudFree},
  };
}

// Each level's allocator and free: the constructor's state is set while
// the table lives and gone once it is freed, with no violation, no lock
// and nothing live left after the deferred work.
TEST_F(Ptdesc, EachLevelsAllocatorAndFreeAreClean) {
  struct mm_struct user_mm = {};
  for (const PgallocCase &c : pgallocCases()) {
    SCOPED_TRACE(std::string(c.api) +
                 (c.user_mm ? " (user mm)" : " (init_mm)"));
    struct mm_struct *mm = c.user_mm ? &user_mm : &init_mm;
    void *table = c.alloc(mm);
    ASSERT_NE(table, nullptr);
    struct ptdesc *pt = virt_to_ptdesc(table);
    AllocInfo info = infoOf(table);
    EXPECT_STREQ(info.api, "pagetable_alloc");
    EXPECT_STREQ(info.table_api, c.api);
    EXPECT_STREQ(info.table_free, c.free_api);
    EXPECT_EQ(info.table_level, c.level);
    EXPECT_EQ(info.ctor_level, c.ctor ? c.level : REFIMPL_PT_NONE);
    EXPECT_EQ(PageTable(ptdesc_page(pt)), c.ctor);
    EXPECT_EQ(info.ptlock, c.ptlock);
    EXPECT_EQ(pt->ptl != nullptr, c.ptlock);
    EXPECT_EQ(refimpl_ptlocks_live(), c.ptlock ? 1UL : 0UL);
    EXPECT_EQ(ptdesc_test_kernel(pt), c.kernel_mark);
    EXPECT_TRUE(allBytes(table, PAGE_SIZE, 0));

    c.free(mm, table);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    EXPECT_EQ(refimpl_ptlocks_live(), 0UL) << "the destructor frees the lock";
    EXPECT_EQ(refimpl_kernel_pgtable_pending(), c.kernel_mark ? 1UL : 0UL);
    EXPECT_EQ(infoOf(table).live, c.kernel_mark);
    if (c.kernel_mark) {
      EXPECT_FALSE(PageTable(ptdesc_page(pt)))
          << "the destructor ran before the table was queued";
      EXPECT_EQ(infoOf(table).ctor_level, REFIMPL_PT_NONE);
    }
    EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), c.kernel_mark ? 1UL : 0UL);
    EXPECT_FALSE(infoOf(table).live);
    EXPECT_EQ(refimpl_live_allocations(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
  }
}

// The kernel-table mark of the async kernel page-table free: init_mm's
// tables stay allocated, walkable and unpoisoned until the work runs.
TEST_F(Ptdesc, KernelTablesOfEachLevelAreDeferredUntilTheWorkRuns) {
  pte_t *pte = pte_alloc_one_kernel(&init_mm);
  pmd_t *pmd = pmd_alloc_one(&init_mm, 0);
  pud_t *pud = pud_alloc_one(&init_mm, 0);
  ASSERT_TRUE(pte && pmd && pud);
  memset(pte, 0x11, PAGE_SIZE);
  pte_free_kernel(&init_mm, pte);
  pmd_free(&init_mm, pmd);
  pud_free(&init_mm, pud);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 3UL);
  EXPECT_EQ(refimpl_live_allocations(), 3UL);
  EXPECT_TRUE(allBytes(pte, PAGE_SIZE, 0x11)) << "not freed yet";
  refimpl_note_table_read(pmd, "iommu");
  EXPECT_EQ(refimpl_check_leaks(), 0UL) << "queued tables are not leaks";
  EXPECT_EQ(refimpl_ptlocks_live(), 0UL);
  EXPECT_EQ(refimpl_flush_kernel_pgtable_work(), 3UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_TRUE(allBytes(pte, PAGE_SIZE, REFIMPL_POISON_FREE));
  EXPECT_EQ(refimpl_violation_count(), 0UL);
}

// A user mm's pmd and pud tables are not marked, nor is any pte table
// pte_alloc_one() makes: their frees happen at once.
TEST_F(Ptdesc, UserTablesAreFreedAtOnce) {
  struct mm_struct mm = {};
  pmd_t *pmd = pmd_alloc_one(&mm, 0);
  pud_t *pud = pud_alloc_one(&mm, 0);
  pgtable_t pte = pte_alloc_one(&init_mm);
  ASSERT_TRUE(pmd && pud && pte);
  EXPECT_FALSE(ptdesc_test_kernel(virt_to_ptdesc(pmd)));
  pmd_free(&mm, pmd);
  EXPECT_FALSE(infoOf(pmd).live);
  EXPECT_TRUE(allBytes(pmd, PAGE_SIZE, REFIMPL_POISON_FREE));
  pud_free(&mm, pud);
  EXPECT_FALSE(infoOf(pud).live);
  pte_free(&init_mm, pte);
  EXPECT_FALSE(infoOf(page_address(pte)).live);
  EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
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
