//===- NolintDirectivesTest.cpp -------------------------------------------===//

#include "NolintDirectives.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace pgmigrate::tidy;

namespace {

const char Check[] = "pgtable-zeroed-page";

// Whether the site at the first "SITE" of Code is suppressed for Check.
bool suppressed(llvm::StringRef Code, llvm::StringRef CheckName = Check) {
  SourceManagerForFile Sources("t.c", Code);
  SourceManager &SM = Sources.get();
  size_t At = Code.find("SITE");
  EXPECT_NE(At, llvm::StringRef::npos);
  SourceLocation Loc =
      SM.getLocForStartOfFile(SM.getMainFileID()).getLocWithOffset(At);
  return isSuppressedByNolint(SM, Loc, CheckName);
}

TEST(NolintDirectivesTest, NolintOnTheLine) {
  EXPECT_FALSE(suppressed("a;\n\tSITE;\nb;\n"));
  EXPECT_TRUE(suppressed("\tSITE; // NOLINT\n"));
  EXPECT_TRUE(suppressed("\tSITE; // NOLINT(pgtable-zeroed-page)\n"));
  EXPECT_TRUE(suppressed("\tSITE; // NOLINT(bugprone-*, pgtable-*)\n"));
  EXPECT_FALSE(suppressed("\tSITE; // NOLINT(pgtable-ptdesc-free)\n"));
  // As clang-tidy reads it: a list without ")" is no list, so every check.
  EXPECT_TRUE(suppressed("\tSITE; // NOLINT(pgtable-ptdesc-free\n"));
  EXPECT_TRUE(suppressed("x; /* NOLINT */ SITE;\n"));
  // Only on its own line.
  EXPECT_FALSE(suppressed("a; // NOLINT\n\tSITE;\n"));
  EXPECT_FALSE(suppressed("\tSITE;\nb; // NOLINT\n"));
}

TEST(NolintDirectivesTest, NolintNextLine) {
  EXPECT_TRUE(suppressed("// NOLINTNEXTLINE\n\tSITE;\n"));
  EXPECT_TRUE(suppressed("// NOLINTNEXTLINE(pgtable-*)\n\tSITE;\n"));
  EXPECT_FALSE(suppressed("// NOLINTNEXTLINE(misc-*)\n\tSITE;\n"));
  EXPECT_FALSE(suppressed("// NOLINTNEXTLINE\n\n\tSITE;\n"));
  // NOLINTNEXTLINE is not a NOLINT for its own line.
  EXPECT_FALSE(suppressed("\tSITE; // NOLINTNEXTLINE\n"));
  EXPECT_TRUE(suppressed("SITE; // NOLINT\n", "pgtable-name-conflicts"));
}

TEST(NolintDirectivesTest, NolintBlocks) {
  EXPECT_TRUE(suppressed("// NOLINTBEGIN\na;\n\tSITE;\n// NOLINTEND\n"));
  EXPECT_TRUE(suppressed("// NOLINTBEGIN(pgtable-zeroed-page)\n\tSITE;\n// "
                         "NOLINTEND(pgtable-zeroed-page)\n"));
  EXPECT_FALSE(suppressed("// NOLINTBEGIN(pgtable-ptdesc-free)\n\tSITE;\n"
                          "// NOLINTEND(pgtable-ptdesc-free)\n"));
  EXPECT_FALSE(suppressed("// NOLINTBEGIN\na;\n// NOLINTEND\n\tSITE;\n"));
}

TEST(NolintDirectivesTest, UnmatchedBlocksSuppressNothing) {
  EXPECT_FALSE(suppressed("// NOLINTBEGIN\na;\n\tSITE;\n"));
  EXPECT_FALSE(suppressed("\tSITE;\n// NOLINTEND\n"));
}

TEST(NolintDirectivesTest, InAMacroTheExpansionsAreAskedToo) {
  // A site spelled in a macro's body, expanded under a NOLINT.
  SourceManagerForFile Sources("t.c", "#define M SITE\nM; // NOLINT\n");
  SourceManager &SM = Sources.get();
  SourceLocation File = SM.getLocForStartOfFile(SM.getMainFileID());
  SourceLocation Spelling = File.getLocWithOffset(10);
  SourceLocation Expansion = File.getLocWithOffset(15);
  SourceLocation Macro = SM.createExpansionLoc(
      Spelling, Expansion, Expansion.getLocWithOffset(1), 1);
  EXPECT_FALSE(isSuppressedByNolint(SM, Spelling, Check));
  EXPECT_TRUE(isSuppressedByNolint(SM, Macro, Check));
}

} // namespace
