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
  EXPECT_FALSE(suppressed("\tSITE; // NOLINT(pgtable-zeroed-page\n"));
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

} // namespace
