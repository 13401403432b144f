//===- FindingMergerTest.cpp ---------------------------------------------===//

#include "pgmigrate/FindingMerger.h"
#include "analysis/ProvenanceDecisions.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using clang::tooling::Replacement;

namespace {

Finding converted(llvm::StringRef File, unsigned Offset, unsigned Length,
                  llvm::StringRef Text, llvm::StringRef Rule = "ptdesc-free") {
  Finding F;
  F.Rule = Rule.str();
  F.Kind = FindingKind::Converted;
  F.FilePath = File.str();
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = "replace with '" + Text.str() + "'";
  F.Replacements.push_back(Replacement(File, Offset, Length, Text));
  F.SiteFile = File.str();
  F.SiteOffset = Offset;
  F.SiteLength = Length;
  return F;
}

// A refusal reported at Offset about the code [SiteOffset, +SiteLength).
Finding refused(llvm::StringRef File, unsigned Offset, llvm::StringRef Why,
                unsigned SiteOffset = ~0u, unsigned SiteLength = 0) {
  Finding F;
  F.Rule = "ptdesc-free";
  F.Kind = FindingKind::Refused;
  F.FilePath = File.str();
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = Why.str();
  F.SiteFile = File.str();
  F.SiteOffset = SiteOffset == ~0u ? Offset : SiteOffset;
  F.SiteLength = SiteLength;
  return F;
}

TEST(FindingMerger, IdenticalFindingsFromSeveralUnitsCountOnce) {
  FindingMerger Set;
  Set.add({converted("/h.h", 10, 5, "x"), refused("/h.h", 40, "macro")});
  Set.add({converted("/h.h", 10, 5, "x"), refused("/h.h", 40, "macro")});
  Set.add({converted("/h.h", 10, 5, "x")});
  FindingMerger::Result R = Set.merge();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(R.Findings[1].Kind, FindingKind::Refused);
  ASSERT_EQ(R.EditsByFile.size(), 1u);
  EXPECT_EQ(R.EditsByFile["/h.h"].size(), 1u);
}

TEST(FindingMerger, DifferentEditsAtOneSiteAreAConflictOthersStillApply) {
  FindingMerger Set;
  Set.add({converted("/h.h", 10, 5, "x"), converted("/h.h", 50, 5, "keep")});
  Set.add({converted("/h.h", 10, 5, "y")});
  FindingMerger::Result R = Set.merge();
  // Both sides read the same and are reported once.
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Conflict);
  EXPECT_TRUE(R.Findings[0].Replacements.empty());
  EXPECT_NE(R.Findings[0].Message.find("translation units disagree"),
            std::string::npos);
  EXPECT_NE(R.Findings[0].Message.find("'x'"), std::string::npos);
  EXPECT_NE(R.Findings[0].Message.find("'y'"), std::string::npos);
  EXPECT_EQ(R.Findings[1].Kind, FindingKind::Converted);
  ASSERT_EQ(R.EditsByFile["/h.h"].size(), 1u);
  EXPECT_EQ(R.EditsByFile["/h.h"].begin()->getReplacementText(), "keep");
}

TEST(FindingMerger, ConvertedInOneUnitRefusedInAnotherIsAConflict) {
  FindingMerger Set;
  Set.add({converted("/h.h", 10, 5, "x")});
  Set.add({refused("/h.h", 10, "split across a macro boundary")});
  FindingMerger::Result R = Set.merge();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Refused); // still reported
  EXPECT_EQ(R.Findings[1].Kind, FindingKind::Conflict);
  EXPECT_TRUE(R.EditsByFile.empty());
}

// In one unit the call is a macro invocation (refused, reported at the
// macro's definition); in another it is plain code (converted).
TEST(FindingMerger, RefusalWhoseExpansionCoversAConversionIsAConflict) {
  FindingMerger Set;
  Set.add({converted("/h.h", 100, 20, "pgtable_free(p)"),
           converted("/h.h", 200, 20, "pgtable_free(q)")});
  Set.add({refused("/h.h", 5, "inside macro 'X'", /*SiteOffset=*/90, 40)});
  FindingMerger::Result R = Set.merge();
  ASSERT_EQ(R.Findings.size(), 3u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(R.Findings[1].Kind, FindingKind::Conflict);
  EXPECT_EQ(R.Findings[1].Offset, 100u);
  EXPECT_NE(R.Findings[1].Message.find("inside macro 'X'"), std::string::npos);
  EXPECT_EQ(R.Findings[2].Kind, FindingKind::Converted);
  ASSERT_EQ(R.EditsByFile["/h.h"].size(), 1u);
  EXPECT_EQ(R.EditsByFile["/h.h"].begin()->getOffset(), 200u);
}

TEST(FindingMerger, DifferentRefusalsAtOneSiteAreNotAConflict) {
  FindingMerger Set;
  Set.add({refused("/h.h", 10, "macro 'A'")});
  Set.add({refused("/h.h", 10, "macro 'B'")});
  FindingMerger::Result R = Set.merge();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(R.Findings[1].Kind, FindingKind::Refused);
}

TEST(FindingMerger, OverlappingEditsOfDifferentSitesAreConflicts) {
  FindingMerger Set;
  Set.add({converted("/a.c", 10, 10, "outer")});
  Set.add({converted("/a.c", 14, 2, "inner")});
  // Two sites (28 and 29) whose edits insert at one offset.
  Finding Insert1 = converted("/a.c", 28, 0, "insert-1");
  Finding Insert2 = converted("/a.c", 29, 0, "insert-2");
  Insert1.Replacements = {Replacement("/a.c", 30, 0, "insert-1")};
  Insert2.Replacements = {Replacement("/a.c", 30, 0, "insert-2")};
  Set.add({Insert1});
  Set.add({Insert2});
  Set.add({converted("/a.c", 20, 3, "adjacent")}); // touches 'outer' only
  Set.add({converted("/b.c", 14, 2, "other file")});
  FindingMerger::Result R = Set.merge();
  unsigned Conflicts = 0;
  for (const Finding &F : R.Findings)
    Conflicts += F.Kind == FindingKind::Conflict;
  EXPECT_EQ(Conflicts, 4u);
  EXPECT_EQ(R.EditsByFile["/a.c"].size(), 1u);
  EXPECT_EQ(R.EditsByFile["/a.c"].begin()->getReplacementText(), "adjacent");
  EXPECT_EQ(R.EditsByFile["/b.c"].size(), 1u);
  for (const Finding &F : R.Findings)
    if (F.Kind == FindingKind::Conflict)
      EXPECT_TRUE(llvm::StringRef(F.Message).startswith("not converted: "));
}

TEST(FindingMerger, OutputIsSortedWhateverTheOrderOfUnits) {
  std::vector<std::vector<Finding>> Units = {
      {converted("/b.c", 5, 1, "b")},
      {converted("/a.c", 50, 1, "a2"), refused("/a.c", 20, "r")},
      {converted("/a.c", 5, 1, "a1")},
  };
  FindingMerger Forward, Backward;
  for (size_t I = 0; I < Units.size(); ++I) {
    Forward.add(Units[I]);
    Backward.add(Units[Units.size() - 1 - I]);
  }
  std::vector<Finding> F = Forward.merge().Findings;
  std::vector<Finding> B = Backward.merge().Findings;
  EXPECT_EQ(F, B);
  ASSERT_EQ(F.size(), 4u);
  EXPECT_EQ(F[0].Offset, 5u);
  EXPECT_EQ(F[0].FilePath, "/a.c");
  EXPECT_EQ(F[3].FilePath, "/b.c");
}

TEST(FindingMerger, ARefusalInAnotherUnitWithdrawsItsPairedEdits) {
  Finding Alloc = converted("/arch/x86/mm/a.c", 10, 5, "pgtable_alloc");
  Alloc.Rule = "zeroed-page";
  Alloc.Role = PairingRole::Allocation;
  Alloc.PairingKeys = {PairingKey::object(1, "the pte group", false)};
  Finding Free = refused("/arch/x86/mm/b.c", 40, "not converted: why");
  Free.Rule = "zeroed-page";
  Free.Role = PairingRole::Free;
  Free.PairingKeys = {PairingKey::object(1, "the pte group", false)};
  Finding Other = converted("/arch/x86/mm/a.c", 80, 5, "keep");
  FindingMerger Set;
  Set.add({Alloc, Other});
  Set.add({Free});
  FindingMerger::Result R = Set.merge();
  ASSERT_EQ(R.Findings.size(), 3u);
  EXPECT_EQ(R.Findings[0].Kind, FindingKind::Refused);
  EXPECT_NE(R.Findings[0].Message.find("with the free at arch/x86/mm/b.c:5"),
            std::string::npos)
      << R.Findings[0].Message;
  ASSERT_EQ(R.EditsByFile.size(), 1u);
  ASSERT_EQ(R.EditsByFile["/arch/x86/mm/a.c"].size(), 1u);
  EXPECT_EQ(R.EditsByFile["/arch/x86/mm/a.c"].begin()->getReplacementText(),
            "keep");
}

TEST(FindingMerger, AConflictWithdrawsItsPairedEdits) {
  // A header free converted in one unit and refused in another: a
  // conflict, which blocks the allocation it pairs with.
  Finding HeaderFree = converted("/arch/x86/h.h", 10, 5, "pgtable_free");
  HeaderFree.PairingKeys = {PairingKey::object(2, "the pmd group", false)};
  Finding HeaderRefused = refused("/arch/x86/h.h", 10, "not converted: no");
  HeaderRefused.SiteLength = 5;
  HeaderRefused.PairingKeys = {PairingKey::object(2, "the pmd group", false)};
  Finding Alloc = converted("/arch/x86/a.c", 30, 5, "pgtable_alloc");
  Alloc.PairingKeys = {PairingKey::object(2, "the pmd group", false)};
  FindingMerger Set;
  Set.add({HeaderFree, Alloc});
  Set.add({HeaderRefused});
  FindingMerger::Result R = Set.merge();
  EXPECT_TRUE(R.EditsByFile.empty());
  for (const Finding &F : R.Findings)
    EXPECT_NE(F.Kind, FindingKind::Converted) << F.Message;
}

TEST(FindingMerger, IdenticalFindingsUniteTheirPairingKeys) {
  // A header site seen by two units, each knowing a different key.
  Finding One = refused("/arch/x86/h.h", 10, "not converted: no");
  One.PairingKeys = {PairingKey::object(1, "the pte group", false)};
  Finding Two = One;
  Two.PairingKeys = {PairingKey::object(5, "the header group", false)};
  Finding Alloc = converted("/arch/x86/a.c", 30, 5, "pgtable_alloc");
  Alloc.PairingKeys = {PairingKey::object(5, "the header group", false)};
  FindingMerger Set;
  Set.add({One, Alloc});
  Set.add({Two});
  FindingMerger::Result R = Set.merge();
  EXPECT_TRUE(R.EditsByFile.empty());
}

TEST(FindingMerger, OneEditOfAMacroDefinitionStandsForEveryExpansion) {
  // Two expansions of one definition: the same finding, two sites.
  Finding First = converted("/arch/arm/mm/pgd.c", 30, 8, "pgtable_free(p)");
  First.ObjectSite = "/arch/arm/mm/pgd.c:400+30";
  Finding Second = First;
  Second.ObjectSite = "/arch/arm/mm/pgd.c:200+30";
  uniteRepeat(First, Second);
  EXPECT_EQ(First.MoreObjectSites,
            std::vector<std::string>{"/arch/arm/mm/pgd.c:200+30"});
  uniteRepeat(First, Second); // once each
  EXPECT_EQ(First.MoreObjectSites.size(), 1u);

  // The edit is made only when every expansion converts; a refused one
  // withdraws it, naming that expansion and its reason.
  ProvenanceResult Solved;
  SiteDecision &A = Solved.Sites[First.ObjectSite];
  A.Convert = true;
  A.Group = 1;
  A.Evidence = "pgd table";
  SiteDecision &B = Solved.Sites[Second.ObjectSite];
  B.Group = 2;
  B.Reason = "'pgd' is stored through a pointer";
  B.At = {"/arch/arm/mm/pgd.c", 21};
  std::vector<Finding> Findings{First};
  applyProvenance(Findings, Solved);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Findings[0].Message,
            "not converted: the expansion at arch/arm/mm/pgd.c:21 is not "
            "converted ('pgd' is stored through a pointer); it would replace "
            "with 'pgtable_free(p)'");
  EXPECT_EQ(Findings[0].PairingKeys.size(), 2u);

  B.Convert = true;
  B.Reason.clear();
  Findings = {First};
  applyProvenance(Findings, Solved);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
}

TEST(FindingMerger, AnEditOfAHeadersMacroIsNoUnitsAlone) {
  // The expansion is in a.c, the definition in a header: another unit may
  // expand the same definition, so no unit decides it alone.
  Finding InHeader = converted("/arch/x86/include/asm/t.h", 30, 8, "x");
  InHeader.ObjectSite = "/arch/x86/mm/a.c:400+30";
  Finding InFile = converted("/arch/x86/mm/a.c", 30, 8, "x");
  InFile.ObjectSite = "/arch/x86/mm/a.c:30";
  ProvenanceResult Solved;
  for (const Finding *F : {&InHeader, &InFile}) {
    SiteDecision &D = Solved.Sites[F->ObjectSite];
    D.Convert = true;
    D.Group = F == &InHeader ? 1 : 2;
    D.UnitLocal = true;
    D.At = {"/arch/x86/mm/a.c", 12};
  }
  std::vector<Finding> Findings{InHeader, InFile};
  applyProvenance(Findings, Solved);
  ASSERT_EQ(Findings[0].PairingKeys.size(), 1u);
  EXPECT_FALSE(Findings[0].PairingKeys[0].unitLocal());
  ASSERT_EQ(Findings[1].PairingKeys.size(), 1u);
  EXPECT_TRUE(Findings[1].PairingKeys[0].unitLocal());
}

} // namespace

namespace {

// rename-descriptor's token edit inside ptdesc-address's conversion: not an
// overlap and not a disagreement; the rename yields to the conversion.
TEST(FindingMerger, ARenameInsideAConversionYieldsToIt) {
  Finding Conversion =
      converted("/arch/x86/mm/a.c", 10, 30, "pgtable_alloc(GFP_KERNEL, 0)",
                "ptdesc-address");
  Finding Rename = converted("/arch/x86/mm/a.c", 20, 15, "ptdesc_alloc",
                             "rename-descriptor");
  Rename.WholeRename = "pagetable_alloc";
  Finding Elsewhere = converted("/arch/x86/mm/a.c", 60, 15, "ptdesc_alloc",
                                "rename-descriptor");
  Elsewhere.WholeRename = "pagetable_alloc";
  FindingMerger Merger;
  Merger.add({Conversion, Rename, Elsewhere});
  FindingMerger::Result Merged = Merger.merge();
  ASSERT_EQ(Merged.Findings.size(), 3u);
  for (const Finding &F : Merged.Findings)
    EXPECT_EQ(F.Kind, FindingKind::Converted) << F.Message;
  const clang::tooling::Replacements &Edits =
      Merged.EditsByFile["/arch/x86/mm/a.c"];
  ASSERT_EQ(Edits.size(), 2u);
  EXPECT_EQ(Edits.begin()->getReplacementText(),
            "pgtable_alloc(GFP_KERNEL, 0)");
  EXPECT_EQ(std::next(Edits.begin())->getOffset(), 60u);
}

// A refused rename site in another file withdraws the whole rename.
TEST(FindingMerger, ARefusedRenameSiteWithdrawsTheRename) {
  Finding Rename = converted("/arch/x86/mm/a.c", 20, 15, "ptdesc_alloc",
                             "rename-descriptor");
  Rename.WholeRename = "pagetable_alloc";
  Finding Taken = refused("/arch/sparc/mm/b.c", 5, "not renamed: taken");
  Taken.Rule = "rename-descriptor";
  Taken.WholeRename = "pagetable_alloc";
  FindingMerger Merger;
  Merger.add({Rename, Taken});
  FindingMerger::Result Merged = Merger.merge();
  EXPECT_TRUE(Merged.EditsByFile.empty());
  for (const Finding &F : Merged.Findings)
    EXPECT_EQ(F.Kind, FindingKind::Refused) << F.Message;
}

} // namespace
