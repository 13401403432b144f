//===- ConstantConditionsTest.cpp -----------------------------------------===//

#include "analysis/ConstantConditions.h"
#include "ParsedCode.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Code = R"c(
#define PGD_SIZE 4096
#define PAGE_SIZE 4096
#define LEVELS 4
extern int runtime_levels;

static int pgdir_is_page_size(void)
{
	if (PGD_SIZE == PAGE_SIZE)
		return 1;
	if (LEVELS == 4)
		return runtime_levels;
	return 0;
}

static _Bool small_pgd(void)
{
	return !pgdir_is_page_size();
}

static int depends(int level)
{
	if (level > 3)
		return 1;
	return 0;
}

static int unknown(void)
{
	return runtime_levels;
}

int __attribute__((weak)) weak_one(void)
{
	return 1;
}

static int recursive(int n)
{
	return n ? recursive(n - 1) : 0;
}

void uses(void)
{
	if (pgdir_is_page_size() && runtime_levels) {}
	if (small_pgd() || runtime_levels) {}
	if (small_pgd() && runtime_levels) {}
	if (unknown()) {}
	if (depends(4)) {}
	if (weak_one()) {}
	if (recursive(3)) {}
	if (!small_pgd()) {}
}
)c";

std::optional<bool> truthOfIf(ParsedCode &AST, ConstantConditions &C,
                              unsigned Index) {
  auto Ifs =
      match(ifStmt(hasAncestor(functionDecl(hasName("uses")))).bind("if"),
            AST.context());
  const auto *If = Ifs[Index].getNodeAs<IfStmt>("if");
  return C.truth(If->getCond());
}

TEST(ConstantConditions, CallsOfFunctionsThatReturnOneConstant) {
  ParsedCode AST(Code);
  ConstantConditions C(AST.context());
  // pgdir_is_page_size(): the first return always runs, the rest never.
  EXPECT_EQ(truthOfIf(AST, C, 0), std::nullopt); // && runtime
  EXPECT_EQ(truthOfIf(AST, C, 1), std::nullopt); // false || runtime
  EXPECT_EQ(truthOfIf(AST, C, 2), false);        // false && ...
  EXPECT_EQ(truthOfIf(AST, C, 3), std::nullopt); // not a constant
  EXPECT_EQ(truthOfIf(AST, C, 4), std::nullopt); // depends on its argument
  EXPECT_EQ(truthOfIf(AST, C, 5), std::nullopt); // weak: may be replaced
  EXPECT_EQ(truthOfIf(AST, C, 6), std::nullopt); // recursive
  EXPECT_EQ(truthOfIf(AST, C, 7), true);
}

TEST(ConstantConditions, ReachableBlocksSkipDecidedBranches) {
  ParsedCode AST(Code);
  ConstantConditions C(AST.context());
  const auto *F = selectFirst<FunctionDecl>(
      "f",
      match(
          functionDecl(hasName("pgdir_is_page_size"), isDefinition()).bind("f"),
          AST.context()));
  ASSERT_TRUE(F);
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(F, F->getBody(), &AST.context(), CFG::BuildOptions());
  ASSERT_TRUE(Graph);
  llvm::BitVector Reached = C.reachable(*Graph);
  // Entry, the first condition, `return 1`, exit; not the second test, its
  // two returns.
  unsigned Returns = 0;
  for (const CFGBlock *Block : *Graph)
    if (Reached.test(Block->getBlockID()))
      for (const CFGElement &E : *Block)
        if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
          Returns += isa<ReturnStmt>(S->getStmt());
  EXPECT_EQ(Returns, 1u);
}

} // namespace
