//===- WholeRenamesTest.cpp -----------------------------------------------===//
//
// Renames made whole or not at all (rename-descriptor): a token edit inside
// another rule's conversion yields to it, and a refusal withdraws them all.
// FindingMergerTest covers the same through the whole merge.
//
//===----------------------------------------------------------------------===//

#include "analysis/WholeRenames.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using clang::tooling::Replacement;

namespace {

const char *File = "/k/arch/x86/mm/a.c";

Finding rename(unsigned Offset, llvm::StringRef Old = "pagetable_alloc") {
  Finding F;
  F.Rule = "rename-descriptor";
  F.Kind = FindingKind::Converted;
  F.FilePath = File;
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = "'" + Old.str() + "' (the descriptor allocator): call; renamed";
  F.Replacements.push_back(Replacement(
      File, Offset, Old.size(),
      Old == "pagetable_alloc" ? "ptdesc_alloc" : "ptdesc_alloc_noprof"));
  F.WholeRename = "pagetable_alloc";
  return F;
}

Finding conversion(unsigned Offset, unsigned Length, llvm::StringRef Text) {
  Finding F;
  F.Rule = "ptdesc-address";
  F.Kind = FindingKind::Converted;
  F.FilePath = File;
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = "replace with '" + Text.str() + "'";
  F.Replacements.push_back(Replacement(File, Offset, Length, Text));
  return F;
}

TEST(WholeRenames, MeetsOnlyAnotherRulesFindings) {
  Finding R = rename(10);
  Finding C = conversion(0, 40, "pgtable_alloc(GFP_KERNEL, 0)");
  EXPECT_TRUE(renameMeetsOther(R, C));
  EXPECT_TRUE(renameMeetsOther(C, R));
  EXPECT_FALSE(renameMeetsOther(R, rename(30)));
  EXPECT_FALSE(renameMeetsOther(C, conversion(50, 4, "x")));
}

TEST(WholeRenames, ATokenInsideAConversionGoesWithIt) {
  std::vector<Finding> Findings = {conversion(0, 40, "pgtable_alloc(g, 0)"),
                                   rename(10), rename(60)};
  applyWholeRenames(Findings);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Converted);
  EXPECT_TRUE(Findings[1].Replacements.empty());
  EXPECT_NE(Findings[1].Message.find(
                "the conversion [ptdesc-address] at a.c:1:1 rewrites this "
                "token"),
            std::string::npos);
  // Outside the conversion: renamed.
  EXPECT_EQ(Findings[2].Kind, FindingKind::Converted);
  ASSERT_EQ(Findings[2].Replacements.size(), 1u);
  EXPECT_EQ(Findings[2].Replacements[0].getReplacementText(), "ptdesc_alloc");
}

TEST(WholeRenames, AWithdrawnConversionLeavesItsTokenToTheRename) {
  Finding C = conversion(0, 40, "pgtable_alloc(g, 0)");
  C.Kind = FindingKind::Refused;
  C.Replacements.clear();
  std::vector<Finding> Findings = {C, rename(10)};
  applyWholeRenames(Findings);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[1].Replacements.size(), 1u);
}

TEST(WholeRenames, AConversionThatKeepsTheOldNameBlocksTheRename) {
  std::vector<Finding> Findings = {
      conversion(0, 40, "f(pagetable_alloc_noprof(g, 0))"), rename(10),
      rename(60)};
  applyWholeRenames(Findings);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Conflict);
  EXPECT_EQ(Findings[2].Kind, FindingKind::Refused);
  EXPECT_TRUE(Findings[2].Replacements.empty());
  // The conversion itself stays.
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
}

TEST(WholeRenames, ARefusedSiteWithdrawsEveryRename) {
  Finding Blocker = rename(10);
  Blocker.Kind = FindingKind::Refused;
  Blocker.Replacements.clear();
  Blocker.Message = "'pagetable_alloc' (the descriptor allocator): call; not "
                    "renamed: the new name 'ptdesc_alloc' is already used";
  std::vector<Finding> Findings = {Blocker, rename(30), rename(50),
                                   conversion(70, 5, "x")};
  applyWholeRenames(Findings);
  for (size_t I : {1, 2}) {
    EXPECT_EQ(Findings[I].Kind, FindingKind::Refused);
    EXPECT_TRUE(Findings[I].Replacements.empty());
    EXPECT_EQ(
        Findings[I].Message.rfind(
            "not converted: the rename of 'pagetable_alloc' is made "
            "whole or not at all, and is refused at a.c:2:1; it would do: ",
            0),
        0u)
        << Findings[I].Message;
  }
  // Other rules' conversions are not part of it.
  EXPECT_EQ(Findings[3].Kind, FindingKind::Converted);
}

TEST(WholeRenames, AReportWithoutTheGroupDoesNotBlock) {
  Finding Report = rename(10);
  Report.Kind = FindingKind::Refused;
  Report.Replacements.clear();
  Report.WholeRename.clear(); // e.g. a use in assembly
  std::vector<Finding> Findings = {Report, rename(30)};
  applyWholeRenames(Findings);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[1].Replacements.size(), 1u);
}

} // namespace
