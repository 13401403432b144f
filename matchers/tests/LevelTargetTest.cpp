//===- LevelTargetTest.cpp ------------------------------------------------===//
//
// The findings' half of --target=level: whether a converted site has a
// per-level form, and that form. (The solve's half is in ProvenanceTest.)
//
//===----------------------------------------------------------------------===//

#include "analysis/LevelTarget.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

Finding allocation(std::string Gfp, std::string Type = "pmd_t *",
                   std::string Address = "addr") {
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = FindingKind::Converted;
  F.FilePath = "/k/arch/x86/mm/a.c";
  F.Line = 12;
  F.Role = PairingRole::Allocation;
  std::string Call = "pgtable_alloc(" + Gfp + ", 0)";
  F.Message = "replace '(pmd_t *)get_zeroed_page(" + Gfp + ")' with '" + Call +
              "' (pmd table)";
  F.Replacements.emplace_back("/k/arch/x86/mm/a.c", 100, 30, Call);
  F.Level.Call = Call;
  F.Level.Gfp = Gfp;
  F.Level.Type = Type;
  F.Level.Address = Address;
  F.Level.NoAddress = Address.empty() ? "no install shows it" : "";
  return F;
}

Finding freeOf(std::string Freed, std::string Type) {
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = FindingKind::Converted;
  F.FilePath = "/k/arch/x86/mm/a.c";
  F.Line = 20;
  F.Role = PairingRole::Free;
  std::string Call = "pgtable_free(" + Freed + ")";
  F.Message =
      "replace 'free_page((unsigned long)" + Freed + ")' with '" + Call + "'";
  F.Replacements.emplace_back("/k/arch/x86/mm/a.c", 200, 29, Call);
  F.GuardedReplacements.emplace_back("/k/arch/x86/mm/a.c", 200, 29,
                                     "if (" + Freed + ")\n\t" + Call);
  F.GuardedMessage = "replace ... with 'if (" + Freed + ") " + Call + "'";
  F.Level.Call = Call;
  F.Level.Freed = Freed;
  F.Level.Type = Type;
  return F;
}

TEST(LevelTarget, GfpMasksTheConstructorKeeps) {
  EXPECT_EQ(levelFormProblem(allocation("GFP_KERNEL"), "pmd"), "");
  EXPECT_EQ(levelFormProblem(allocation("GFP_KERNEL | __GFP_ZERO"), "pmd"), "");
  EXPECT_EQ(levelFormProblem(allocation("__GFP_ZERO|GFP_KERNEL"), "pmd"), "");
  EXPECT_EQ(levelFormProblem(allocation("GFP_PGTABLE_KERNEL"), "pmd"), "");
  EXPECT_EQ(levelFormProblem(allocation("GFP_ATOMIC"), "pmd"),
            "its gfp mask 'GFP_ATOMIC' is not GFP_KERNEL: pmd_alloc_one() "
            "allocates with GFP_PGTABLE_KERNEL (GFP_KERNEL | __GFP_ZERO), "
            "which may sleep and keeps no other flag");
  EXPECT_EQ(levelFormProblem(allocation("GFP_KERNEL_ACCOUNT"), "pmd"),
            "its gfp mask 'GFP_KERNEL_ACCOUNT' accounts the page to a memory "
            "cgroup, which pmd_alloc_one(&init_mm, ...) does not (it "
            "allocates with GFP_PGTABLE_KERNEL)");
  EXPECT_NE(levelFormProblem(allocation("gfp"), "pmd"), "");
  EXPECT_NE(levelFormProblem(allocation("GFP_KERNEL | __GFP_NOWARN"), "pmd"),
            "");
}

TEST(LevelTarget, TheAddressIsNeededAbovePte) {
  Finding F = allocation("GFP_KERNEL", "pte_t *", "");
  EXPECT_EQ(levelFormProblem(F, "pte"), "");
  F.Level.Type = "pmd_t *";
  EXPECT_EQ(levelFormProblem(F, "pmd"),
            "pmd_alloc_one() takes the address the table maps, and no "
            "install shows it");
}

TEST(LevelTarget, TypesAndAvailability) {
  EXPECT_EQ(levelFormProblem(allocation("GFP_KERNEL", "void *"), "pmd"), "");
  EXPECT_EQ(levelFormProblem(allocation("GFP_KERNEL", "pud_t *"), "pmd"),
            "its value is used as 'pud_t *', not a pmd_t pointer");
  EXPECT_EQ(levelFormProblem(freeOf("p", "unsigned char *"), "pte"),
            "it frees a 'unsigned char *', not a pte_t pointer");
  EXPECT_EQ(levelFormProblem(freeOf("p", ""), "pte"),
            "the type of 'p' is not known");
  Finding F = allocation("GFP_KERNEL");
  F.Level.Unavailable["pmd"] = "pmd_alloc_one() is not a function here";
  EXPECT_EQ(levelFormProblem(F, "pmd"),
            "pmd_alloc_one() is not a function here");
  EXPECT_EQ(levelFormProblem(F, "pte"),
            "its value is used as 'pmd_t *', not a pte_t pointer");
  // An edit that does not spell the call cannot take the level form.
  F.Level.Unavailable.clear();
  F.Replacements[0] = clang::tooling::Replacement("/k/arch/x86/mm/a.c", 100, 30,
                                                  "something else");
  EXPECT_EQ(levelFormProblem(F, "pmd"),
            "its edits do not spell the new API's call 'pgtable_alloc("
            "GFP_KERNEL, 0)' the per-level form replaces");
  F.Level = {};
  EXPECT_EQ(levelFormProblem(F, "pmd"),
            "the rule has no per-level form of this site");
}

TEST(LevelTarget, TheFormReplacesTheCallInEveryEdit) {
  Finding A = allocation("GFP_KERNEL | __GFP_ZERO");
  applyLevelForm(A, "pmd");
  EXPECT_EQ(A.Replacements[0].getReplacementText(),
            "pmd_alloc_one(&init_mm, addr)");
  EXPECT_EQ(A.Message, "replace '(pmd_t *)get_zeroed_page(GFP_KERNEL | "
                       "__GFP_ZERO)' with 'pmd_alloc_one(&init_mm, addr)' "
                       "(pmd table)");
  EXPECT_EQ(A.Level.Applied, "pmd");

  Finding Pte = allocation("GFP_KERNEL", "pte_t *", "");
  Pte.Replacements[0] = clang::tooling::Replacement(
      "/k/arch/x86/mm/a.c", 100, 30, "pgtable_alloc_noprof(GFP_KERNEL, 0)");
  Pte.Level.Call = "pgtable_alloc_noprof(GFP_KERNEL, 0)";
  applyLevelForm(Pte, "pte");
  EXPECT_EQ(Pte.Replacements[0].getReplacementText(),
            "pte_alloc_one_kernel_noprof(&init_mm)");

  Finding F = freeOf("win->pmd", "pmd_t *");
  applyLevelForm(F, "pmd");
  EXPECT_EQ(F.Replacements[0].getReplacementText(),
            "pmd_free(&init_mm, win->pmd)");
  EXPECT_EQ(F.GuardedReplacements[0].getReplacementText(),
            "if (win->pmd)\n\tpmd_free(&init_mm, win->pmd)");
  EXPECT_EQ(F.Message, "replace 'free_page((unsigned long)win->pmd)' with "
                       "'pmd_free(&init_mm, win->pmd)'");
}

} // namespace
