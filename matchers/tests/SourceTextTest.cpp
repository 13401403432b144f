//===- SourceTextTest.cpp -------------------------------------------------===//

#include "support/SourceText.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Source = R"c(#define TWICE(x) ((x) + (x))
int f(int value)
{
	int a = TWICE(value);
	int b = f( value +
		   1 );
	return a + b;
}
)c";

TEST(SourceText, LineAndOffsetWhereExpanded) {
  ParsedCode Code(Source);
  const clang::DeclRefExpr *InMacro = Code.reference("value", 0);
  ASSERT_TRUE(InMacro);
  const clang::SourceManager &SM = Code.sourceManager();
  EXPECT_EQ(lineOf(InMacro->getLocation(), SM), 4u);
  // The offset of the macro invocation "TWICE" on line 4.
  EXPECT_EQ(offsetOf(InMacro->getLocation(), SM),
            llvm::StringRef(Source).find("TWICE(value)"));
}

TEST(SourceText, TextOfAnExpressionOnOneLine) {
  ParsedCode Code(Source);
  const clang::VarDecl *B = Code.variable("b");
  ASSERT_TRUE(B);
  EXPECT_EQ(textOf(B->getInit(), Code.sourceManager(), Code.langOpts()),
            "f(value + 1)");
  // From a macro body: the invocation that produced it.
  const clang::VarDecl *A = Code.variable("a");
  EXPECT_EQ(textOf(A->getInit(), Code.sourceManager(), Code.langOpts()),
            "TWICE(value)");
}

TEST(SourceText, FileTextBetweenTwoTokensAsWritten) {
  ParsedCode Code(Source);
  const auto *Call =
      llvm::dyn_cast<clang::CallExpr>(Code.variable("b")->getInit());
  ASSERT_TRUE(Call);
  EXPECT_EQ(fileText(Call->getBeginLoc(), Call->getRParenLoc(),
                     Code.sourceManager(), Code.langOpts()),
            "f( value +\n\t\t   1 )");
  // Out of order, or a macro location: nothing.
  EXPECT_EQ(fileText(Call->getRParenLoc(), Call->getBeginLoc(),
                     Code.sourceManager(), Code.langOpts()),
            "");
  EXPECT_EQ(fileText(Code.reference("value", 0)->getLocation(),
                     Call->getRParenLoc(), Code.sourceManager(),
                     Code.langOpts()),
            "");
}

TEST(SourceText, OneLine) {
  EXPECT_EQ(oneLine("a |\n\t\tb"), "a | b");
  EXPECT_EQ(oneLine("f( x,\n   y )"), "f(x, y)");
  EXPECT_EQ(oneLine("  lead  and trail  "), "lead and trail");
  EXPECT_EQ(oneLine(""), "");
}

} // namespace
