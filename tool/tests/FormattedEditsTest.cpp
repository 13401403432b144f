//===- FormattedEditsTest.cpp ---------------------------------------------===//

#include "FormattedEdits.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

Finding converted(std::vector<Replacement> Edits) {
  Finding F;
  F.Kind = FindingKind::Converted;
  F.Replacements = std::move(Edits);
  return F;
}

Replacements set(std::vector<Replacement> Edits) {
  Replacements All;
  for (const Replacement &R : Edits)
    EXPECT_FALSE(bool(All.add(R)));
  return All;
}

TEST(FormattedEdits, AWidenedEditReplacesTheFindingsOwn) {
  std::vector<Finding> Findings = {
      converted({Replacement("/t/a.c", 10, 5, "pgtable_free(p)")}),
      converted({Replacement("/t/a.c", 100, 4, "x")})};
  attachFormattedEdits(Findings, "/t/a.c",
                       set({Replacement("/t/a.c", 8, 9, "\tpgtable_free(p)"),
                            Replacement("/t/a.c", 100, 4, "x")}));
  ASSERT_EQ(Findings[0].Replacements.size(), 1u);
  EXPECT_EQ(Findings[0].Replacements[0].getOffset(), 8u);
  EXPECT_EQ(Findings[0].Replacements[0].getReplacementText(),
            "\tpgtable_free(p)");
  ASSERT_EQ(Findings[1].Replacements.size(), 1u);
  EXPECT_EQ(Findings[1].Replacements[0].getOffset(), 100u);
}

TEST(FormattedEdits, AWhitespaceEditGoesToTheNearestFinding) {
  std::vector<Finding> Findings = {
      converted({Replacement("/t/a.c", 10, 5, "a")}),
      converted({Replacement("/t/a.c", 100, 5, "b")})};
  attachFormattedEdits(
      Findings, "/t/a.c",
      set({Replacement("/t/a.c", 10, 5, "a"), Replacement("/t/a.c", 90, 2, " "),
           Replacement("/t/a.c", 100, 5, "b")}));
  EXPECT_EQ(Findings[0].Replacements.size(), 1u);
  ASSERT_EQ(Findings[1].Replacements.size(), 2u);
  EXPECT_EQ(Findings[1].Replacements[0].getOffset(), 90u);
}

TEST(FormattedEdits, OtherFilesAndOtherKindsAreLeftAlone) {
  Finding Refused;
  Refused.Kind = FindingKind::Refused;
  std::vector<Finding> Findings = {
      converted({Replacement("/t/a.c", 10, 5, "a"),
                 Replacement("/t/b.h", 3, 1, "b")}),
      Refused};
  attachFormattedEdits(Findings, "/t/a.c",
                       set({Replacement("/t/a.c", 9, 7, " a ")}));
  ASSERT_EQ(Findings[0].Replacements.size(), 2u);
  EXPECT_EQ(Findings[0].Replacements[0].getFilePath(), "/t/b.h");
  EXPECT_EQ(Findings[0].Replacements[1].getReplacementText(), " a ");
  EXPECT_TRUE(Findings[1].Replacements.empty());
}

TEST(FormattedEdits, AFindingWithSeveralEditsInTheFileKeepsThemAll) {
  std::vector<Finding> Findings = {converted(
      {Replacement("/t/a.c", 10, 5, "a"), Replacement("/t/a.c", 50, 5, "b")})};
  attachFormattedEdits(Findings, "/t/a.c",
                       set({Replacement("/t/a.c", 10, 5, "a"),
                            Replacement("/t/a.c", 50, 5, "b")}));
  EXPECT_EQ(Findings[0].Replacements.size(), 2u);
}

TEST(FormattedEdits, EditsMergedIntoOneGoToTheFirstFinding) {
  std::vector<Finding> Findings = {
      converted({Replacement("/t/a.c", 10, 5, "a")}),
      converted({Replacement("/t/a.c", 15, 5, "b")})};
  attachFormattedEdits(Findings, "/t/a.c",
                       set({Replacement("/t/a.c", 10, 10, "ab")}));
  EXPECT_EQ(Findings[0].Replacements.size(), 1u);
  EXPECT_TRUE(Findings[1].Replacements.empty());
}

} // namespace
