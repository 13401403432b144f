//===- AstNavigation.cpp --------------------------------------------------===//

#include "analysis/AstNavigation.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace pgmigrate {

const Stmt *parentStmt(const Stmt *S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(*S);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *F = Node.get<FunctionDecl>())
      return F;
  }
}

const Expr *climbParensAndCasts(const Expr *E, ASTContext &Context) {
  while (const Stmt *Parent = parentStmt(E, Context)) {
    if (!isa<ParenExpr>(Parent) && !isa<CastExpr>(Parent))
      break;
    E = cast<Expr>(Parent);
  }
  return E;
}

std::optional<Write> writeAt(const DeclRefExpr *Ref, ASTContext &Context) {
  const Expr *E = Ref;
  while (const Stmt *Parent = parentStmt(E, Context)) {
    if (!isa<ParenExpr>(Parent))
      break;
    E = cast<Expr>(Parent);
  }
  const Stmt *Parent = parentStmt(E, Context);
  if (const auto *Op = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Op->isAssignmentOp() && Op->getLHS() == E)
      return Write{Ref, Op->getOpcode() == BO_Assign ? Op->getRHS() : nullptr};
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast_or_null<UnaryOperator>(Parent))
    if (Op->isIncrementDecrementOp() || Op->getOpcode() == UO_AddrOf)
      return Write{Ref, nullptr};
  return std::nullopt;
}

bool isNull(const Expr *E, ASTContext &Context) {
  return E->IgnoreParenCasts()->isNullPointerConstant(
             Context, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

llvm::StringRef calleeName(const CallExpr *Call) {
  if (const FunctionDecl *F = Call->getDirectCallee())
    if (F->getIdentifier())
      return F->getName();
  return "";
}

std::optional<uint64_t> constantValue(const Expr *E, ASTContext &Context) {
  Expr::EvalResult Value;
  if (!E->isValueDependent() && E->EvaluateAsInt(Value, Context))
    return Value.Val.getInt().getZExtValue();
  return std::nullopt;
}

} // namespace pgmigrate
