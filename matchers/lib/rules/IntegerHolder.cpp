//===- IntegerHolder.cpp --------------------------------------------------===//

#include "rules/IntegerHolder.h"
#include "analysis/AstNavigation.h"
#include "analysis/FactsVisitor.h"
#include "support/FindingBuilder.h"
#include "support/SourceText.h"
#include "support/TokenSpelling.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace pgmigrate {

bool isIntegerHolderType(const VarDecl *Var, const ASTContext &Context) {
  QualType T = Var->getType().getCanonicalType();
  return T->isIntegerType() && !T->isBooleanType() &&
         Context.getTypeSize(T) ==
             Context.getTargetInfo().getPointerWidth(LangAS::Default);
}

namespace {

// Every reference to Var in Body, typeof() and sizeof() included (there a
// use has no statement parent and is refused), in source order.
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  explicit ReferenceCollector(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var)
      Refs.push_back(Ref);
    return true;
  }
  const VarDecl *Var;
  std::vector<const DeclRefExpr *> Refs;
};

// The allocator call whose result Value is, through parentheses, implicit
// casts and alloc_hooks()' statement expressions (whose value is their
// local _res, initialized with the call); null for anything else.
const CallExpr *allocationIn(const Expr *Value) {
  const Expr *E = Value;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return isAllocatorCall(Call) ? Call : nullptr;
    if (const auto *Statement = dyn_cast<StmtExpr>(E)) {
      const CompoundStmt *Body = Statement->getSubStmt();
      const auto *Last =
          Body->body_empty() ? nullptr : dyn_cast<Expr>(Body->body_back());
      if (!Last)
        return nullptr;
      E = Last;
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Local = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Local || !Local->hasLocalStorage() || !Local->getInit() ||
        !Local->getLocation().isMacroID() || !Ref->getBeginLoc().isMacroID())
      return nullptr;
    E = Local->getInit();
  }
  return nullptr;
}

// The names of the macros whose bodies cast their argument to unsigned
// long before taking its physical address: every arch's __pa(x) is
// __phys_addr((unsigned long)(x)) or the like.
bool isPhysAddrMacroCast(const CStyleCastExpr *Cast, const SourceManager &SM,
                         const LangOptions &LO) {
  SourceLocation Loc = Cast->getBeginLoc();
  // Out of the arguments of macros __pa() is written in (__pmd(__pa(x))).
  while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
    Loc = SM.getImmediateSpellingLoc(Loc);
  if (!Loc.isMacroID())
    return false;
  llvm::StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
  return Macro == "__pa" || Macro == "__pa_nodebug";
}

class HolderAnalysis {
public:
  HolderAnalysis(IntegerHolder &H, ASTContext &Context)
      : H(H), Context(Context), SM(Context.getSourceManager()),
        LO(Context.getLangOpts()) {}

  void run();

private:
  std::string at(const Stmt *S) const {
    return " at line " + std::to_string(lineOf(S->getBeginLoc(), SM));
  }
  std::string text(const Expr *E) const { return textOf(E, SM, LO); }
  void refuse(std::string Reason) {
    if (H.Refusal.empty())
      H.Refusal = std::move(Reason);
  }
  void given(const Expr *Value, const Stmt *Where);
  /// Value, a null pointer constant, is a plain 0 that becomes NULL.
  void nullLiteral(const Expr *Value) {
    if (isa<IntegerLiteral>(Value->IgnoreParenImpCasts()))
      ZeroLiterals.push_back(Value->IgnoreParenImpCasts());
  }
  void write(const DeclRefExpr *Ref, const Write &W);
  /// The use of the value of E (a read of the variable, or an assignment
  /// to it); Assigned: E is an assignment, whose value may be unused.
  void use(const Expr *E, bool Assigned);
  void useInCall(const Expr *E, const CallExpr *Call);
  void chooseType();
  void makeEdits();

  IntegerHolder &H;
  /// The plain 0s it is given or compared with: NULL for a pointer, in
  /// kernel style (sparse warns about a plain integer as NULL pointer).
  std::vector<const Expr *> ZeroLiterals;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LO;
};

// A value the variable is given: the allocation (once) or 0.
void HolderAnalysis::given(const Expr *Value, const Stmt *Where) {
  if (isNull(Value, Context)) {
    nullLiteral(Value);
    return;
  }
  const CallExpr *Allocation = allocationIn(Value);
  if (!Allocation) {
    refuse("it is given '" + text(Value) + "'" + at(Where));
    return;
  }
  if (H.Allocation && H.Allocation != Allocation) {
    refuse("it is given a second allocation" + at(Where));
    return;
  }
  H.Allocation = Allocation;
}

void HolderAnalysis::write(const DeclRefExpr *Ref, const Write &W) {
  const Stmt *Parent = parentStmt(Ref, Context);
  while (isa_and_nonnull<ParenExpr>(Parent))
    Parent = parentStmt(Parent, Context);
  if (!W.Value) {
    const auto *Op = dyn_cast_or_null<UnaryOperator>(Parent);
    refuse(Op && Op->getOpcode() == UO_AddrOf
               ? "its address is taken" + at(Ref)
               : "it is changed in place" + at(Ref));
    return;
  }
  given(W.Value, Ref);
  if (Parent)
    use(cast<Expr>(Parent), /*Assigned=*/true);
}

void HolderAnalysis::use(const Expr *E, bool Assigned) {
  const Stmt *Parent = parentStmt(E, Context);
  while (Parent && (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent))) {
    E = cast<Expr>(Parent);
    Parent = parentStmt(E, Context);
  }
  std::string Where = at(E);
  if (!Parent) {
    DynTypedNodeList Parents = Context.getParents(*E);
    const auto *Other = Parents.empty() ? nullptr : Parents[0].get<VarDecl>();
    refuse(Other ? "it is copied to '" + Other->getNameAsString() + "'" + Where
                 : "it is used outside a statement (typeof())" + Where);
    return;
  }
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(Parent)) {
    QualType To = Cast->getType();
    if (To->isPointerType() && !To->isFunctionPointerType()) {
      H.Casts.push_back(Cast);
      return;
    }
    if (To->isIntegerType() && isPhysAddrMacroCast(Cast, SM, LO))
      return;
    refuse("it is cast to '" + To.getAsString() + "'" + Where);
    return;
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(Parent)) {
    if (Op->getOpcode() == UO_LNot)
      return;
    refuse("it is used in '" + text(Op) + "'" + Where);
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(Parent)) {
    switch (Op->getOpcode()) {
    case BO_LAnd:
    case BO_LOr:
      return;
    case BO_EQ:
    case BO_NE:
      if (isNull(Op->getLHS() == E ? Op->getRHS() : Op->getLHS(), Context)) {
        nullLiteral(Op->getLHS() == E ? Op->getRHS() : Op->getLHS());
        return;
      }
      [[fallthrough]];
    case BO_LT:
    case BO_GT:
    case BO_LE:
    case BO_GE:
      refuse("it is compared in '" + text(Op) + "'" + Where);
      return;
    case BO_Assign:
      if (Op->getRHS() == E) {
        refuse("it is stored in '" + text(Op->getLHS()) + "'" + Where);
        return;
      }
      break;
    case BO_Comma:
      if (Op->getLHS() == E && Assigned)
        return;
      break;
    default:
      break;
    }
    refuse("it is used in '" + text(Op) + "'" + Where);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    useInCall(E, Call);
    return;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(Parent)) {
    if (Cond->getCond() == E)
      return;
    refuse("it is a value of '" + text(Cond) + "'" + Where);
    return;
  }
  if ((isa<IfStmt>(Parent) && cast<IfStmt>(Parent)->getCond() == E) ||
      (isa<WhileStmt>(Parent) && cast<WhileStmt>(Parent)->getCond() == E) ||
      (isa<DoStmt>(Parent) && cast<DoStmt>(Parent)->getCond() == E) ||
      (isa<ForStmt>(Parent) && cast<ForStmt>(Parent)->getCond() == E))
    return;
  if (isa<ReturnStmt>(Parent)) {
    refuse("it is returned" + Where);
    return;
  }
  // An assignment made for its side effect only: x = alloc; as a statement
  // (a compound statement's child, a for loop's init, an if's body).
  if (Assigned && !isa<Expr>(Parent) && !isa<SwitchStmt>(Parent))
    return;
  if (const auto *Outer = dyn_cast<Expr>(Parent))
    refuse("it is used in '" + text(Outer) + "'" + Where);
  else
    refuse("it is used as a statement of its own" + Where);
}

void HolderAnalysis::useInCall(const Expr *E, const CallExpr *Call) {
  std::string Where = at(E);
  if (Call->getCallee()->IgnoreParenImpCasts() == E) {
    refuse("it is called" + Where);
    return;
  }
  if (isFreeCall(Call) && Call->getArg(0) == E) {
    H.Frees.push_back(Call);
    return;
  }
  // virt_to_phys(volatile void *): takes the pointer as it is.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && calleeName(Call) == "virt_to_phys" && Call->getNumArgs() == 1 &&
      Callee->getNumParams() == 1 &&
      Callee->getParamDecl(0)->getType()->isPointerType())
    return;
  llvm::StringRef Name = calleeName(Call);
  refuse(Name.empty() ? "it is passed to a function pointer" + Where
                      : "it is passed to " + Name.str() + "()" + Where);
}

// The casts' common pointer type, else void *: every cast stays valid.
void HolderAnalysis::chooseType() {
  if (H.Casts.empty()) {
    H.NewType = "void *";
    H.TypeReason = "it is never cast to a pointer";
    return;
  }
  std::string First = H.Casts.front()->getTypeAsWritten().getAsString();
  for (const CStyleCastExpr *Cast : H.Casts)
    if (Cast->getTypeAsWritten().getAsString() != First) {
      H.NewType = "void *";
      H.TypeReason = "its casts name different types";
      return;
    }
  H.NewType = First;
  H.TypeReason = "the type its casts name";
}

void HolderAnalysis::makeEdits() {
  const VarDecl *Var = H.Var;
  // The declaration: "unsigned long x" -> "pmd_t *x", alone in its
  // statement and written in a file.
  DynTypedNodeList Parents = Context.getParents(*Var);
  const auto *Statement =
      Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Statement || !Statement->isSingleDecl()) {
    refuse("it is declared together with other variables");
    return;
  }
  if (Var->getType().hasQualifiers()) {
    refuse("it is declared '" + Var->getType().getAsString() + "'");
    return;
  }
  SourceLocation TypeStart = Var->getTypeSpecStartLoc();
  SourceLocation Name = Var->getLocation();
  if (TypeStart != Var->getBeginLoc() || TypeStart.isMacroID() ||
      Name.isMacroID() || SM.getFileID(TypeStart) != SM.getFileID(Name) ||
      !SM.isBeforeInTranslationUnit(TypeStart, Name)) {
    refuse("its declaration is not written plainly ('type name') in a file");
    return;
  }
  std::string Type = H.NewType;
  if (!llvm::StringRef(Type).endswith("*"))
    Type += " ";
  H.Edits.push_back(makeReplacement(TypeStart, Name, Type, SM));

  // Casts to the new type: "(pmd_t *)x" -> "x", where written in a file.
  for (const CStyleCastExpr *Cast : H.Casts) {
    if (Cast->getTypeAsWritten().getAsString() != H.NewType)
      continue;
    TokenSpelling Tokens[] = {
        spellToken(Cast->getLParenLoc(), SM, LO),
        spellToken(Cast->getRParenLoc(), SM, LO),
        spellToken(Cast->getSubExpr()->getBeginLoc(), SM, LO)};
    if (!spelledTogether(Tokens, SM))
      continue;
    H.Edits.push_back(
        makeReplacement(Tokens[0].FileLoc, Tokens[2].FileLoc, "", SM));
    ++H.DroppedCasts;
  }

  // 0 -> NULL where the 0 is written in a file (in a macro argument too).
  for (const Expr *Zero : ZeroLiterals) {
    TokenSpelling Token = spellToken(Zero->getBeginLoc(), SM, LO);
    if (Token.FileLoc.isValid() && !Token.inMacroBody())
      H.Edits.push_back(makeReplacement(
          Token.FileLoc, Lexer::getLocForEndOfToken(Token.FileLoc, 0, SM, LO),
          "NULL", SM));
  }
}

void HolderAnalysis::run() {
  const VarDecl *Var = H.Var;
  const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
  if (isa<ParmVarDecl>(Var)) {
    refuse("it is a parameter (only local variables are retyped)");
    return;
  }
  if (!Var->hasLocalStorage() || !Function || !Function->hasBody()) {
    refuse("it is not a local variable (only those are retyped)");
    return;
  }
  if (const Expr *Init = Var->getInit())
    given(Init, Init);
  ReferenceCollector Collector(Var);
  Collector.TraverseStmt(Function->getBody());
  for (const DeclRefExpr *Ref : Collector.Refs) {
    if (std::optional<Write> W = writeAt(Ref, Context))
      write(Ref, *W);
    else
      use(Ref, /*Assigned=*/false);
    if (!H.Refusal.empty())
      return;
  }
  if (!H.Allocation) {
    refuse("it is given no allocation in its function");
    return;
  }
  chooseType();
  makeEdits();
}

} // namespace

IntegerHolder analyzeIntegerHolder(const VarDecl *Var, ASTContext &Context) {
  IntegerHolder H;
  H.Var = Var;
  HolderAnalysis(H, Context).run();
  if (!H.retypable())
    H.Edits.clear();
  return H;
}

} // namespace pgmigrate
