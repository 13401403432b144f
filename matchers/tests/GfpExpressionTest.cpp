//===- GfpExpressionTest.cpp ----------------------------------------------===//

#include "support/GfpExpression.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

std::string drop(llvm::StringRef Expr) {
  std::optional<std::string> Result = dropGfpFlag(Expr, "__GFP_ZERO");
  return Result ? *Result : "<unchanged>";
}

TEST(GfpExpression, DropsTheFlagFromAnOrChain) {
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO"), "GFP_KERNEL");
  EXPECT_EQ(drop("__GFP_ZERO | GFP_KERNEL"), "GFP_KERNEL");
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN"),
            "GFP_KERNEL | __GFP_NOWARN");
  EXPECT_EQ(drop("GFP_KERNEL|__GFP_ZERO"), "GFP_KERNEL");
  EXPECT_EQ(drop("gfp | __GFP_ZERO | __GFP_ZERO"), "gfp");
}

TEST(GfpExpression, KeepsTheLayoutOfWhatStays) {
  EXPECT_EQ(drop("GFP_KERNEL |\n\t\t__GFP_NOWARN | __GFP_ZERO"),
            "GFP_KERNEL |\n\t\t__GFP_NOWARN");
  EXPECT_EQ(drop("(gfp & ~__GFP_HIGHMEM) | __GFP_ZERO"),
            "(gfp & ~__GFP_HIGHMEM)");
}

TEST(GfpExpression, LooksInsideParentheses) {
  EXPECT_EQ(drop("(GFP_KERNEL | __GFP_ZERO)"), "GFP_KERNEL");
  EXPECT_EQ(drop("(GFP_KERNEL | __GFP_NOWARN | __GFP_ZERO)"),
            "(GFP_KERNEL | __GFP_NOWARN)");
  EXPECT_EQ(drop("GFP_KERNEL | (__GFP_ZERO)"), "GFP_KERNEL");
  EXPECT_EQ(drop("GFP_KERNEL | (__GFP_NOWARN | __GFP_ZERO)"),
            "GFP_KERNEL | __GFP_NOWARN");
}

TEST(GfpExpression, LeavesWhatIsNotPlainlyAnOr) {
  EXPECT_EQ(drop("GFP_KERNEL"), "<unchanged>");
  EXPECT_EQ(drop("GFP_PGTABLE_KERNEL"), "<unchanged>");
  EXPECT_EQ(drop("__GFP_ZERO"), "<unchanged>"); // nothing would be left
  EXPECT_EQ(drop("zero ? GFP_KERNEL | __GFP_ZERO : GFP_KERNEL"), "<unchanged>");
  EXPECT_EQ(drop("a || __GFP_ZERO"), "<unchanged>");
  EXPECT_EQ(drop("f(GFP_KERNEL, __GFP_ZERO)"), "<unchanged>");
  EXPECT_EQ(drop("gfp = GFP_KERNEL | __GFP_ZERO"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL & __GFP_ZERO"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO_EXTRA"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL /* | __GFP_ZERO */"), "<unchanged>");
  EXPECT_EQ(drop("(GFP_KERNEL | __GFP_ZERO"), "<unchanged>");
}

TEST(GfpExpression, LeavesCommentsAndLiterals) {
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO // zeroed"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO | f(\"|\")"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL | __GFP_ZERO | 'a'"), "<unchanged>");
}

TEST(GfpExpression, BracketsMustNest) {
  EXPECT_EQ(drop("a[i | 1] | __GFP_ZERO"), "a[i | 1]");
  EXPECT_EQ(drop("(GFP_KERNEL] | __GFP_ZERO"), "<unchanged>");
  EXPECT_EQ(drop("GFP_KERNEL) | (__GFP_ZERO"), "<unchanged>");
}

TEST(GfpExpression, ComparisonsBindTighterThanOr) {
  // "a == b | __GFP_ZERO" is "(a == b) | __GFP_ZERO": still an OR chain.
  EXPECT_EQ(drop("a == b | __GFP_ZERO"), "a == b");
}

} // namespace
