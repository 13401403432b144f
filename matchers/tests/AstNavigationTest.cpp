//===- AstNavigationTest.cpp ----------------------------------------------===//

#include "analysis/AstNavigation.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Source = R"c(#define NULL ((void *)0)
long f(int *p)
{
	int v = 0;
	long w;

	v = 1;
	v++;
	p = &v;
	w = (long)(v);
	v += 2;
	return w + (p == NULL) + (p == 0);
}
)c";

TEST(AstNavigation, EnclosingFunctionAndParent) {
  ParsedCode Code(Source);
  const clang::DeclRefExpr *V = Code.reference("v", 0);
  ASSERT_TRUE(V);
  EXPECT_EQ(enclosingFunction(V, Code.context()), Code.function("f"));
  const auto *Assign = llvm::dyn_cast_or_null<clang::BinaryOperator>(
      parentStmt(V, Code.context()));
  ASSERT_TRUE(Assign);
  EXPECT_EQ(Assign->getLHS(), V);
  // A body's statement has no parent statement.
  EXPECT_EQ(parentStmt(Code.function("f")->getBody(), Code.context()), nullptr);
}

TEST(AstNavigation, ClimbParensAndCasts) {
  ParsedCode Code(Source);
  const clang::DeclRefExpr *V = Code.reference("v", 3); // (long)(v)
  ASSERT_TRUE(V);
  const clang::Expr *Top = climbParensAndCasts(V, Code.context());
  EXPECT_TRUE(llvm::isa<clang::CStyleCastExpr>(Top));
  EXPECT_TRUE(
      llvm::isa<clang::BinaryOperator>(parentStmt(Top, Code.context())));
}

TEST(AstNavigation, WritesOfAVariable) {
  ParsedCode Code(Source);
  clang::ASTContext &Context = Code.context();
  std::optional<Write> Assign = writeAt(Code.reference("v", 0), Context);
  ASSERT_TRUE(Assign);
  ASSERT_TRUE(Assign->Value);
  EXPECT_TRUE(llvm::isa<clang::IntegerLiteral>(Assign->Value));
  std::optional<Write> Increment = writeAt(Code.reference("v", 1), Context);
  ASSERT_TRUE(Increment);
  EXPECT_EQ(Increment->Value, nullptr);
  std::optional<Write> Address = writeAt(Code.reference("v", 2), Context);
  ASSERT_TRUE(Address);
  EXPECT_EQ(Address->Value, nullptr);
  EXPECT_FALSE(writeAt(Code.reference("v", 3), Context)); // a read
  std::optional<Write> Compound = writeAt(Code.reference("v", 4), Context);
  ASSERT_TRUE(Compound);
  EXPECT_EQ(Compound->Value, nullptr);
}

TEST(AstNavigation, NullPointerConstants) {
  ParsedCode Code(Source);
  clang::ASTContext &Context = Code.context();
  const auto *Ret = llvm::cast<clang::ReturnStmt>(
      llvm::cast<clang::CompoundStmt>(Code.function("f")->getBody())
          ->body_back());
  // w + (p == NULL) + (p == 0)
  const auto *Sum =
      llvm::cast<clang::BinaryOperator>(Ret->getRetValue()->IgnoreImpCasts());
  const auto *Left = llvm::cast<clang::BinaryOperator>(Sum->getLHS());
  const auto *WithNull =
      llvm::cast<clang::BinaryOperator>(Left->getRHS()->IgnoreParenImpCasts());
  const auto *WithZero =
      llvm::cast<clang::BinaryOperator>(Sum->getRHS()->IgnoreParenImpCasts());
  EXPECT_TRUE(isNull(WithNull->getRHS(), Context));
  EXPECT_TRUE(isNull(WithZero->getRHS(), Context));
  EXPECT_FALSE(isNull(WithNull->getLHS(), Context));
}

} // namespace

namespace {

TEST(AstNavigation, CalleeNameOfDirectAndIndirectCalls) {
  ParsedCode Code(R"c(void take(int x);
void run(void (*fn)(int))
{
	take(1);
	fn(2);
}
)c");
  const clang::CallExpr *Direct = Code.call("take");
  ASSERT_TRUE(Direct);
  EXPECT_EQ(calleeName(Direct), "take");
  using namespace clang::ast_matchers;
  const clang::CallExpr *Indirect = Code.first<clang::CallExpr>(
      callExpr(unless(callee(functionDecl()))).bind("n"));
  ASSERT_TRUE(Indirect);
  EXPECT_EQ(calleeName(Indirect), "");
}

} // namespace
