//===- GfpFlags.cpp -------------------------------------------------------===//

#include "support/GfpFlags.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>

using namespace clang;

namespace pgmigrate {

namespace {

// One step from a macro location toward where its token was written: for
// a macro argument, where the argument is written; for a macro body, the
// invocation of the macro.
SourceLocation towardWritten(SourceLocation Loc, const SourceManager &SM) {
  if (SM.isMacroArgExpansion(Loc))
    return SM.getImmediateSpellingLoc(Loc);
  return SM.getImmediateExpansionRange(Loc).getBegin();
}

bool comesFromBody(SourceLocation Loc, FileID Body, const SourceManager &SM) {
  for (; Loc.isMacroID(); Loc = towardWritten(Loc, SM))
    if (SM.getFileID(Loc) == Body)
      return true;
  return false;
}

// True when E is, as a whole, the expansion of the macro Name (wherever
// that expansion then went: macro arguments pass it on).
bool isExpansionOf(const Expr *E, llvm::StringRef Name, const SourceManager &SM,
                   const LangOptions &LO) {
  for (SourceLocation Loc = E->getBeginLoc(); Loc.isMacroID();
       Loc = towardWritten(Loc, SM)) {
    if (SM.isMacroArgExpansion(Loc) ||
        Lexer::getImmediateMacroName(Loc, SM, LO) != Name)
      continue;
    // The first token of the body, and the last one from the same body.
    FileID Body = SM.getFileID(Loc);
    if (SM.getFileOffset(Loc) != 0)
      return false;
    SourceLocation End = E->getEndLoc();
    if (!comesFromBody(End, Body, SM))
      return false;
    for (; SM.getFileID(End) != Body; End = towardWritten(End, SM))
      ;
    unsigned Length = SM.getFileIDSize(Body);
    return SM.getFileOffset(End) +
               Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, LO) ==
           Length;
  }
  return false;
}

// The value of the flag: of the first subexpression of E that is its
// macro's expansion.
std::optional<llvm::APSInt> flagValue(const Expr *E, llvm::StringRef Flag,
                                      ASTContext &Context) {
  if (!E)
    return std::nullopt;
  if (isExpansionOf(E, Flag, Context.getSourceManager(),
                    Context.getLangOpts())) {
    Expr::EvalResult Value;
    if (!E->isValueDependent() && E->EvaluateAsInt(Value, Context))
      return Value.Val.getInt();
    return std::nullopt;
  }
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      if (std::optional<llvm::APSInt> V = flagValue(ChildExpr, Flag, Context))
        return V;
  return std::nullopt;
}

FlagState combine(FlagState A, FlagState B) {
  return A == B ? A : FlagState::Unknown;
}

// Writes of a local variable in its function other than its initializer.
class WriteCollector : public RecursiveASTVisitor<WriteCollector> {
public:
  explicit WriteCollector(const VarDecl *Var) : Var(Var) {}
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp() && refersToVar(Op->getLHS()))
      Writes.push_back(Op);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if ((Op->isIncrementDecrementOp() || Op->getOpcode() == UO_AddrOf) &&
        refersToVar(Op->getSubExpr()))
      Other = true;
    return true;
  }
  bool refersToVar(const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == Var;
  }
  const VarDecl *Var;
  std::vector<const BinaryOperator *> Writes;
  bool Other = false;
};

FlagState flagIn(const Expr *E, llvm::StringRef Flag,
                 const FunctionDecl *Function, ASTContext &Context,
                 unsigned Depth);

FlagState constantFlag(const Expr *E, llvm::StringRef Flag, ASTContext &Context,
                       bool &IsConstant) {
  IsConstant = false;
  Expr::EvalResult Value;
  if (E->isValueDependent() || !E->EvaluateAsInt(Value, Context))
    return FlagState::Unknown;
  IsConstant = true;
  std::optional<llvm::APSInt> Bit = flagValue(E, Flag, Context);
  if (!Bit)
    return FlagState::Absent; // the flag is not part of the expression
  llvm::APSInt V = Value.Val.getInt();
  llvm::APSInt B = *Bit;
  unsigned Width = std::max(V.getBitWidth(), B.getBitWidth());
  V = V.extOrTrunc(Width);
  B = B.extOrTrunc(Width);
  return (V & B) != 0 ? FlagState::Present : FlagState::Absent;
}

// What AND-ing with Mask does to the flag: Present when it keeps it, Absent
// when it clears it. A constant that does not mention the flag keeps it
// when it is a complement (~__GFP_ACCOUNT).
FlagState maskKeeps(const Expr *Mask, llvm::StringRef Flag,
                    ASTContext &Context) {
  Expr::EvalResult Value;
  if (Mask->isValueDependent() || !Mask->EvaluateAsInt(Value, Context))
    return FlagState::Unknown;
  if (flagValue(Mask, Flag, Context)) {
    bool IsConstant;
    return constantFlag(Mask, Flag, Context, IsConstant);
  }
  const auto *Not = dyn_cast<UnaryOperator>(Mask->IgnoreParenCasts());
  if (Not && Not->getOpcode() == UO_Not)
    return FlagState::Present;
  return FlagState::Unknown;
}

FlagState variableFlag(const VarDecl *Var, llvm::StringRef Flag,
                       const FunctionDecl *Function, ASTContext &Context,
                       unsigned Depth) {
  if (!Var->hasLocalStorage() || !Function || !Function->hasBody())
    return FlagState::Unknown;
  WriteCollector Writes(Var);
  Writes.TraverseStmt(Function->getBody());
  if (Writes.Other)
    return FlagState::Unknown;
  // A variable declared without a value (x86 efi_64.c: `gfp_t gfp_mask;`
  // then `gfp_mask = GFP_KERNEL | __GFP_ZERO;`) starts with its first
  // assignment; &= or |= before any is a read of nothing.
  std::optional<FlagState> State;
  if (Var->getInit())
    State = flagIn(Var->getInit(), Flag, Function, Context, Depth + 1);
  for (const BinaryOperator *Write : Writes.Writes) {
    FlagState RHS = flagIn(Write->getRHS(), Flag, Function, Context, Depth + 1);
    if (!State) {
      if (Write->getOpcode() != BO_Assign)
        return FlagState::Unknown;
      State = RHS;
      continue;
    }
    switch (Write->getOpcode()) {
    case BO_Assign:
      State = combine(*State, RHS);
      break;
    case BO_AndAssign:
      // Clearing bits never adds the flag; it may be clearing it.
      if (*State == FlagState::Present &&
          maskKeeps(Write->getRHS(), Flag, Context) != FlagState::Present)
        State = FlagState::Unknown;
      break;
    case BO_OrAssign:
      if (RHS != FlagState::Absent && *State != FlagState::Present)
        State = FlagState::Unknown;
      break;
    default:
      State = FlagState::Unknown;
    }
  }
  return State.value_or(FlagState::Unknown);
}

FlagState flagIn(const Expr *E, llvm::StringRef Flag,
                 const FunctionDecl *Function, ASTContext &Context,
                 unsigned Depth) {
  if (!E || Depth > 8)
    return FlagState::Unknown;
  bool IsConstant;
  FlagState State = constantFlag(E, Flag, Context, IsConstant);
  if (IsConstant)
    return State;
  const Expr *Bare = E->IgnoreParenCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Bare)) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return variableFlag(Var, Flag, Function, Context, Depth);
    return FlagState::Unknown;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(Bare)) {
    FlagState L = flagIn(Op->getLHS(), Flag, Function, Context, Depth + 1);
    FlagState R = flagIn(Op->getRHS(), Flag, Function, Context, Depth + 1);
    switch (Op->getOpcode()) {
    case BO_Or:
      if (L == FlagState::Present || R == FlagState::Present)
        return FlagState::Present;
      if (L == FlagState::Absent && R == FlagState::Absent)
        return FlagState::Absent;
      return FlagState::Unknown;
    case BO_And: {
      FlagState LM = maskKeeps(Op->getLHS(), Flag, Context);
      FlagState RM = maskKeeps(Op->getRHS(), Flag, Context);
      if (LM == FlagState::Absent || RM == FlagState::Absent ||
          (LM == FlagState::Unknown && L == FlagState::Absent) ||
          (RM == FlagState::Unknown && R == FlagState::Absent))
        return FlagState::Absent;
      if (RM == FlagState::Present)
        return L;
      if (LM == FlagState::Present)
        return R;
      return FlagState::Unknown;
    }
    default:
      return FlagState::Unknown;
    }
  }
  return FlagState::Unknown;
}

} // namespace

FlagState gfpFlag(const Expr *E, llvm::StringRef Flag,
                  const FunctionDecl *Function, ASTContext &Context) {
  return flagIn(E, Flag, Function, Context, 0);
}

} // namespace pgmigrate
