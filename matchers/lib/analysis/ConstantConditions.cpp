//===- ConstantConditions.cpp ---------------------------------------------===//

#include "analysis/ConstantConditions.h"
#include "clang/AST/Attr.h"
#include <vector>

using namespace clang;

namespace pgmigrate {

std::optional<llvm::APSInt> ConstantConditions::value(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Context) && !Result.HasSideEffects)
    return Result.Val.getInt();
  if (const auto *Op = dyn_cast<UnaryOperator>(E))
    if (Op->getOpcode() == UO_LNot)
      if (std::optional<bool> Sub = truth(Op->getSubExpr()))
        return llvm::APSInt::get(!*Sub);
  if (const auto *Op = dyn_cast<BinaryOperator>(E))
    if (Op->getOpcode() == BO_LAnd || Op->getOpcode() == BO_LOr)
      if (std::optional<bool> Whole = truth(Op))
        return llvm::APSInt::get(*Whole);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return returnValue(Callee);
  return std::nullopt;
}

std::optional<bool> ConstantConditions::truth(const Expr *Cond) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond)) {
    bool And = Op->getOpcode() == BO_LAnd;
    if (And || Op->getOpcode() == BO_LOr) {
      // a && b: false as soon as one side is; a || b: true likewise.
      std::optional<bool> L = truth(Op->getLHS());
      if (L && *L != And)
        return L;
      std::optional<bool> R = truth(Op->getRHS());
      if (R && *R != And)
        return R;
      if (L && R)
        return And;
      return std::nullopt;
    }
  }
  std::optional<llvm::APSInt> V = value(Cond);
  if (!V)
    return std::nullopt;
  return V->getBoolValue();
}

// The statements that branch on their condition, with the true edge first:
// the others (switch, asm goto, indirect goto) are followed whole.
static bool isTwoWayBranch(const Stmt *Terminator) {
  if (!Terminator)
    return false;
  if (const auto *Op = dyn_cast<BinaryOperator>(Terminator))
    return Op->isLogicalOp();
  return isa<IfStmt, ConditionalOperator, WhileStmt, ForStmt, DoStmt>(
      Terminator);
}

llvm::BitVector ConstantConditions::reachable(const CFG &Graph) {
  llvm::BitVector Reached(Graph.getNumBlockIDs());
  std::vector<const CFGBlock *> Work{&Graph.getEntry()};
  Reached.set(Graph.getEntry().getBlockID());
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    std::optional<bool> Taken;
    if (Block->succ_size() == 2 && isTwoWayBranch(Block->getTerminatorStmt()))
      if (const auto *Cond =
              dyn_cast_or_null<Expr>(Block->getTerminatorCondition()))
        Taken = truth(Cond);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      bool Pruned = Taken && (Index == 0) != *Taken;
      ++Index;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next || Pruned || Reached.test(Next->getBlockID()))
        continue;
      Reached.set(Next->getBlockID());
      Work.push_back(Next);
    }
  }
  return Reached;
}

std::optional<llvm::APSInt>
ConstantConditions::returnValue(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !Definition)
    return std::nullopt;
  auto [It, New] = Returns.try_emplace(Definition, std::nullopt);
  if (!New)
    return It->second;
  std::optional<llvm::APSInt> Value = computeReturnValue(Definition);
  Returns[Definition] = Value;
  return Value;
}

std::optional<llvm::APSInt>
ConstantConditions::computeReturnValue(const FunctionDecl *F) {
  QualType Result = F->getReturnType();
  if (F->isWeak() || !(Result->isIntegerType() || Result->isBooleanType()))
    return std::nullopt;
  CFG::BuildOptions Options;
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(F, F->getBody(), &Context, Options);
  if (!Graph)
    return std::nullopt;
  llvm::BitVector Reached = reachable(*Graph);
  std::optional<llvm::APSInt> Common;
  for (const CFGBlock *Block : *Graph) {
    if (!Reached.test(Block->getBlockID()))
      continue;
    for (const CFGElement &E : *Block) {
      std::optional<CFGStmt> S = E.getAs<CFGStmt>();
      const auto *Return = S ? dyn_cast<ReturnStmt>(S->getStmt()) : nullptr;
      if (!Return)
        continue;
      const Expr *Returned = Return->getRetValue();
      std::optional<llvm::APSInt> V = Returned ? value(Returned) : std::nullopt;
      if (!V)
        return std::nullopt;
      // Compared as the function's type returns them (true and 1 agree).
      llvm::APSInt Converted = V->extOrTrunc(Context.getIntWidth(Result));
      Converted.setIsSigned(Result->isSignedIntegerType());
      if (Common && Converted != *Common)
        return std::nullopt;
      Common = Converted;
    }
  }
  return Common;
}

} // namespace pgmigrate
