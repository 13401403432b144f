// A hand-broken migration must fail: broken/kexec_half_migrated.c is the
// sample tree's kexec_transition.c with its allocations on pgtable_alloc()
// and one free (the pmd table's, through image->arch.pmd) left on
// free_page(). The kexec transition scenario run on it must end with
// exactly one checker violation, the family mismatch of that free: the
// order-0 cross-family tolerance for tables read out of an entry must not
// hide a free through a struct field.

#include "kernel.h"

extern "C" {
#include "mm_internal.h"
}

namespace {

constexpr unsigned long TransitionVa = 0xffffffff81234000UL;
constexpr unsigned long ControlPage = 0x5000;

class HalfMigratedKexec : public testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_mem_init(4096), 0);
    ASSERT_EQ(refimpl_set_paging_levels(GetParam()), 0);
  }

  void TearDown() override {
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    refimpl_mem_teardown();
  }
};

TEST_P(HalfMigratedKexec, FreePageLeftOnOneTableIsAFamilyMismatch) {
  pgd_t *Pgd = (pgd_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(Pgd, nullptr);
  struct kimage Image = {};
  Image.control_page = ControlPage;
  ASSERT_EQ(kimage_init_transition(&Image, Pgd, TransitionVa), 0);

  struct refimpl_translation T =
      refimpl_translate(Pgd, TransitionVa + 8, REFIMPL_ACC_EXEC);
  ASSERT_TRUE(T.ok) << refimpl_fault_name(T.fault);
  EXPECT_EQ(T.pa, ControlPage + 8);

  pmd_t *Pmd = Image.arch.pmd;
  ASSERT_NE(Pmd, nullptr);
  struct refimpl_alloc_info Info;
  ASSERT_TRUE(refimpl_alloc_info(Pmd, &Info));
  EXPECT_EQ(Info.family, REFIMPL_FAMILY_PTDESC);
  // The premise: the free's pointer comes from the field, and nothing read
  // the table out of its entry (the MMU's walk does not count).
  EXPECT_EQ(Info.read_from_entry_by, nullptr);
  ASSERT_EQ(refimpl_violation_count(), 0UL);

  kimage_free_transition(&Image);

  ASSERT_EQ(refimpl_violation_count(), 1UL);
  const struct refimpl_violation *V = refimpl_violation_at(0);
  EXPECT_EQ(V->kind, REFIMPL_V_FAMILY_MISMATCH)
      << refimpl_violation_kind_name(V->kind) << ": " << V->message;
  EXPECT_EQ(V->pfn, __pa(Pmd) >> PAGE_SHIFT);
  ASSERT_NE(V->alloc_api, nullptr);
  EXPECT_STREQ(V->alloc_api, "pgtable_alloc");
  ASSERT_NE(V->free_api, nullptr);
  EXPECT_STREQ(V->free_api, "free_pages");
  EXPECT_EQ(V->alloc_order, 0u);
  EXPECT_EQ(V->free_order, 0u);
  ASSERT_NE(V->alloc_file, nullptr);
  EXPECT_NE(std::string(V->alloc_file).find("kexec_half_migrated.c"),
            std::string::npos)
      << V->alloc_file;
  EXPECT_EQ(refimpl_cross_family_entry_frees(), 0u);
  refimpl_violations_clear();

  // The mismatched free still released the table, once: nothing leaks.
  pgtable_free(Pgd);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
  EXPECT_EQ(refimpl_violation_count(), 0UL);
}

// The checker marks allocations, not pointers: once an accessor has read
// the pmd table out of its pud entry, its order-0 cross-family free is
// recorded apart, not as a violation, although this one goes through the
// field. This pins that limit (reference-impl/README.md): a scenario that
// must catch a field-held free does not read the table through pud_pgtable()
// and friends.
TEST_P(HalfMigratedKexec, TableAlsoReadOutOfItsEntryIsRecordedApart) {
  pgd_t *Pgd = (pgd_t *)pgtable_alloc(GFP_PGTABLE_KERNEL, 0);
  ASSERT_NE(Pgd, nullptr);
  struct kimage Image = {};
  Image.control_page = ControlPage;
  ASSERT_EQ(kimage_init_transition(&Image, Pgd, TransitionVa), 0);

  pud_t *Pud = pud_offset(
      p4d_offset(Pgd + pgd_index(TransitionVa), TransitionVa), TransitionVa);
  ASSERT_EQ(pud_pgtable(*Pud), Image.arch.pmd);
  kimage_free_transition(&Image);

  EXPECT_EQ(refimpl_violation_count(), 0UL);
  if (refimpl_violation_count())
    refimpl_violations_dump();
  ASSERT_EQ(refimpl_cross_family_entry_frees(), 1u);
  const struct refimpl_entry_free *F = refimpl_cross_family_entry_free_at(0);
  EXPECT_STREQ(F->alloc_api, "pgtable_alloc");
  EXPECT_STREQ(F->free_api, "free_pages");
  EXPECT_STREQ(F->read_by, "pud_pgtable");
  pgtable_free(Pgd);
  EXPECT_EQ(refimpl_live_allocations(), 0UL);
}

INSTANTIATE_TEST_SUITE_P(PagingDepth, HalfMigratedKexec, testing::Values(4, 5),
                         [](const testing::TestParamInfo<int> &Info) {
                           return std::to_string(Info.param) + "Level";
                         });

} // namespace
