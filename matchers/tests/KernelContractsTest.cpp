//===- KernelContractsTest.cpp --------------------------------------------===//

#include "pgmigrate/Provenance.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

TEST(KernelContracts, TheKernelHooksAreRead) {
  const KernelContracts &C = KernelContracts::kernel();
  ASSERT_EQ(C.Hooks.size(), 5u);
  EXPECT_EQ(C.Hooks[0].Level, "pte");
  EXPECT_EQ(C.Hooks[0].Alloc, "pte_alloc_one_kernel");
  EXPECT_EQ(C.Hooks[0].Free, "pte_free_kernel");
  EXPECT_EQ(C.Hooks[0].FreeIndex, 1u);
  EXPECT_EQ(C.Hooks[4].Level, "pgd");
  EXPECT_EQ(C.Hooks[4].Alloc, "pgd_alloc");
  ASSERT_EQ(C.RootFields.size(), 1u);
  EXPECT_EQ(C.RootFields[0].Record, "mm_struct");
  EXPECT_EQ(C.RootFields[0].Field, "pgd");
  EXPECT_EQ(C.RootFields[0].Level, "pgd");
  EXPECT_TRUE(C.isReader("__phys_addr"));
  EXPECT_TRUE(C.isReader("memset"));
  EXPECT_FALSE(C.isReader("kfree"));
  // The other allocators, by plain name (their _noprof forms too).
  EXPECT_TRUE(C.isOtherAllocator("kmem_cache_alloc_noprof"));
  EXPECT_TRUE(C.isOtherAllocator("memblock_alloc"));
  EXPECT_FALSE(C.isOtherAllocator("get_zeroed_page_noprof"));
  EXPECT_TRUE(C.isOtherFree("kmem_cache_free"));
  EXPECT_FALSE(C.isOtherFree("free_pages"));
  // The same object each time.
  EXPECT_EQ(&C, &KernelContracts::kernel());
}

TEST(KernelContracts, PlainNameDropsTheFileAndNoprof) {
  EXPECT_EQ(KernelContracts::plainName("p4d_alloc_one"), "p4d_alloc_one");
  EXPECT_EQ(KernelContracts::plainName("p4d_alloc_one_noprof"),
            "p4d_alloc_one");
  EXPECT_EQ(KernelContracts::plainName(
                "/k/arch/x86/include/asm/pgalloc.h#p4d_alloc_one_noprof"),
            "p4d_alloc_one");
  EXPECT_EQ(KernelContracts::plainName("/k/a#b.c#f"), "f");
  EXPECT_EQ(KernelContracts::plainName("_noprof_free"), "_noprof_free");
}

TEST(KernelContracts, HooksMatchByPlainName) {
  const KernelContracts &C = KernelContracts::kernel();
  const KernelContracts::TableHooks *H =
      C.hooksAllocating("/k/arch/x86/include/asm/pgalloc.h#p4d_alloc_one");
  ASSERT_TRUE(H);
  EXPECT_EQ(H->Level, "p4d");
  EXPECT_EQ(C.hooksAllocating("pmd_alloc_one_noprof"),
            C.hooksAllocating("pmd_alloc_one"));
  EXPECT_EQ(C.hooksAllocating("pmd_free"), nullptr);
  ASSERT_TRUE(C.hooksFreeing("pte_free_kernel"));
  EXPECT_EQ(C.hooksFreeing("pte_free_kernel")->Level, "pte");
  EXPECT_EQ(C.hooksFreeing("pte_free"), nullptr);
  EXPECT_TRUE(C.isReader("/k/arch/x86/mm/physaddr.c#__phys_addr"));
  EXPECT_TRUE(C.rootField("mm_struct", "pgd"));
  EXPECT_FALSE(C.rootField("mm_struct", "pgd_lock"));
}

} // namespace
