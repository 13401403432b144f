//===- NullGuard.cpp ------------------------------------------------------===//

#include "analysis/NullGuard.h"
#include "analysis/AstNavigation.h"
#include "support/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace pgmigrate {

namespace {

// An expression's text without blanks, for comparing two mentions of it.
std::string spelled(const Expr *E, ASTContext &Context) {
  std::string Text = textOf(E->IgnoreParenCasts(), Context.getSourceManager(),
                            Context.getLangOpts());
  llvm::erase_if(Text, [](char C) { return llvm::isSpace(C); });
  return Text;
}

// Cond holds exactly when the value V (its text) is not NULL; or, with
// Negated, exactly when it is NULL.
bool testsValue(const Expr *Cond, const std::string &V, bool Negated,
                ASTContext &Context) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    if (Not->getOpcode() == UO_LNot)
      return testsValue(Not->getSubExpr(), V, !Negated, Context);
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond)) {
    bool Eq = Op->getOpcode() == BO_EQ, Ne = Op->getOpcode() == BO_NE;
    if (!Eq && !Ne)
      return false;
    const Expr *Other = nullptr;
    if (isNull(Op->getRHS(), Context))
      Other = Op->getLHS();
    else if (isNull(Op->getLHS(), Context))
      Other = Op->getRHS();
    // v == NULL holds when v is NULL; v != NULL when it is not.
    return Other && spelled(Other, Context) == V && (Eq ? Negated : !Negated);
  }
  return !Negated && spelled(Cond, Context) == V;
}

// The statement leaves the enclosing block for good.
bool jumpsAway(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<GotoStmt>(S) || isa<BreakStmt>(S) ||
      isa<ContinueStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && jumpsAway(Block->body_back());
  return false;
}

// A plain variable's name: only an assignment to it changes it (a variable
// whose address is taken is not followed per write anyway). Anything else
// (a field, an element, a dereference) may also change in a call.
bool isPlainName(llvm::StringRef V) {
  return !V.empty() &&
         llvm::all_of(V, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

// S may change the value whose text is V: an assignment, ++ or -- of it
// (or of what it is reached through, such as t for t->pmd), or, for a value
// that is not a plain variable, any call or any assignment.
bool mayChange(const Stmt *S, const std::string &V, ASTContext &Context) {
  if (!S)
    return false;
  bool Plain = isPlainName(V);
  if (!Plain && isa<CallExpr>(S))
    return true;
  const Expr *Target = nullptr;
  if (const auto *Op = dyn_cast<BinaryOperator>(S))
    if (Op->isAssignmentOp())
      Target = Op->getLHS();
  if (const auto *Op = dyn_cast<UnaryOperator>(S))
    if (Op->isIncrementDecrementOp())
      Target = Op->getSubExpr();
  if (Target) {
    if (!Plain)
      return true;
    if (spelled(Target, Context) == V)
      return true;
  }
  for (const Stmt *Child : S->children())
    if (mayChange(Child, V, Context))
      return true;
  return false;
}

} // namespace

bool guardedAgainstNull(const Stmt *At, const Expr *Value,
                        ASTContext &Context) {
  std::string V = spelled(Value, Context);
  if (V.empty())
    return false;
  // Up from At to the nearest guard; a change of the value on the way (in
  // the statements of a block before At, or anywhere in a loop around At,
  // which runs again after) means an outer guard no longer holds.
  const Stmt *Child = At;
  while (const Stmt *Parent = parentStmt(Child, Context)) {
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (Child == If->getThen() &&
          testsValue(If->getCond(), V, /*Negated=*/false, Context))
        return true;
      if (Child == If->getElse() &&
          testsValue(If->getCond(), V, /*Negated=*/true, Context))
        return true;
    }
    if (isa<ForStmt>(Parent) || isa<WhileStmt>(Parent) || isa<DoStmt>(Parent))
      if (mayChange(Parent, V, Context))
        return false;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      // Earlier statements of the block, nearest first.
      bool Before = false;
      for (auto It = Block->body_rbegin(); It != Block->body_rend(); ++It) {
        if (*It == Child) {
          Before = true;
          continue;
        }
        if (!Before)
          continue;
        const auto *If = dyn_cast<IfStmt>(*It);
        if (If && !If->getElse() && jumpsAway(If->getThen()) &&
            testsValue(If->getCond(), V, /*Negated=*/true, Context))
          return true;
        if (mayChange(*It, V, Context))
          return false;
      }
    }
    Child = Parent;
  }
  return false;
}

} // namespace pgmigrate
