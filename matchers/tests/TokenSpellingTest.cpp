//===- TokenSpellingTest.cpp ----------------------------------------------===//
//
// spellToken() and spelledTogether() on a token written in the file, passed
// through a macro argument, and taken from a macro body.
//
//===----------------------------------------------------------------------===//

#include "support/TokenSpelling.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Source = R"c(#define ID(x) (x)
#define GETV v
int f(int v)
{
	int a = v;
	int b = ID(v + v);
	int c = GETV;
	return a + b + c;
}
)c";

TokenSpelling spell(ParsedCode &Code, unsigned Reference) {
  const clang::DeclRefExpr *Ref = Code.reference("v", Reference);
  EXPECT_TRUE(Ref);
  return spellToken(Ref->getLocation(), Code.sourceManager(), Code.langOpts());
}

TEST(TokenSpelling, ATokenWrittenInTheFile) {
  ParsedCode Code(Source);
  TokenSpelling T = spell(Code, 0);
  ASSERT_TRUE(T.FileLoc.isValid());
  EXPECT_EQ(Code.sourceManager().getSpellingLineNumber(T.FileLoc), 5u);
  EXPECT_TRUE(T.Arguments.empty());
  EXPECT_FALSE(T.inMacroBody());
}

TEST(TokenSpelling, ATokenInAMacroArgument) {
  ParsedCode Code(Source);
  TokenSpelling First = spell(Code, 1), Second = spell(Code, 2);
  ASSERT_TRUE(First.FileLoc.isValid());
  EXPECT_EQ(Code.sourceManager().getSpellingLineNumber(First.FileLoc), 6u);
  EXPECT_EQ(First.Arguments.size(), 1u);
  EXPECT_FALSE(First.inMacroBody());
  // Both are in the same argument, in order: editable together.
  EXPECT_TRUE(spelledTogether({First, Second}, Code.sourceManager()));
  EXPECT_FALSE(spelledTogether({Second, First}, Code.sourceManager()));
  // One in the argument, one outside it: not.
  EXPECT_FALSE(spelledTogether({spell(Code, 0), First}, Code.sourceManager()));
}

TEST(TokenSpelling, ATokenFromAMacroBody) {
  ParsedCode Code(Source);
  TokenSpelling T = spell(Code, 3);
  EXPECT_TRUE(T.FileLoc.isInvalid());
  EXPECT_TRUE(T.inMacroBody());
  EXPECT_EQ(T.BodyMacro, "GETV");
  ASSERT_TRUE(T.BodyLoc.isValid());
  EXPECT_EQ(Code.sourceManager().getSpellingLineNumber(T.BodyLoc), 2u);
  EXPECT_FALSE(spelledTogether({T}, Code.sourceManager()));
}

} // namespace
