//===- UnitIndexTest.cpp --------------------------------------------------===//

#include "analysis/UnitIndex.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Source = R"c(
static int called(int x);
static int called(int x) { return x; }
static int pointed(int x) { return x + 1; }
static int unused(int x) { return x; }
int (*hook)(int) = pointed;

int f(int y)
{
	int r = called(y) + pointed(y);

	r += called(r);
	return (r);
}
)c";

TEST(UnitIndex, CallsOfAFunctionAnyRedeclaration) {
  ParsedCode Code(Source);
  UnitIndex Index(Code.context());
  const clang::FunctionDecl *Called = Code.function("called");
  ASSERT_TRUE(Called);
  llvm::ArrayRef<const clang::CallExpr *> Calls = Index.callsOf(Called);
  ASSERT_EQ(Calls.size(), 2u);
  EXPECT_TRUE(Code.sourceManager().isBeforeInTranslationUnit(
      Calls[0]->getBeginLoc(), Calls[1]->getBeginLoc()));
  // Through the first declaration too.
  EXPECT_EQ(Index.callsOf(Called->getPreviousDecl()).size(), 2u);
  EXPECT_EQ(Index.callsOf(Code.function("pointed")).size(), 1u);
  EXPECT_TRUE(Index.callsOf(Code.function("unused")).empty());
}

TEST(UnitIndex, AddressTakenWhenNamedOutsideACall) {
  ParsedCode Code(Source);
  UnitIndex Index(Code.context());
  EXPECT_TRUE(Index.addressTaken(Code.function("pointed")));
  EXPECT_FALSE(Index.addressTaken(Code.function("called")));
  EXPECT_FALSE(Index.addressTaken(Code.function("unused")));
}

TEST(UnitIndex, UsesOfAVariableInSourceOrder) {
  ParsedCode Code(Source);
  UnitIndex Index(Code.context());
  llvm::ArrayRef<const clang::DeclRefExpr *> Uses =
      Index.usesOf(Code.variable("r"));
  ASSERT_EQ(Uses.size(), 3u); // r +=, called(r), return (r)
  EXPECT_EQ(Uses[0], Code.reference("r", 0));
  EXPECT_EQ(Uses[2], Code.reference("r", 2));
  EXPECT_EQ(Index.usesOf(Code.variable("y")).size(), 2u);
}

TEST(UnitIndex, TheCacheRebuildsForAnotherUnit) {
  ParsedCode First(Source), Second(Source);
  UnitIndexCache Cache;
  const UnitIndex &A = Cache.get(First.context());
  EXPECT_EQ(&A.context(), &First.context());
  EXPECT_EQ(&Cache.get(First.context()), &A);
  EXPECT_EQ(&Cache.get(Second.context()).context(), &Second.context());
}

} // namespace
