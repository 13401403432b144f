//===- ZeroedPageRule.cpp -------------------------------------------------===//

#include "rules/ZeroedPageRule.h"
#include "analysis/AstNavigation.h"
#include "analysis/TableEvidence.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/Pairing.h"
#include "pgmigrate/Rules.h"
#include "support/FindingBuilder.h"
#include "support/GfpExpression.h"
#include "support/GfpFlags.h"
#include "support/MacroCall.h"
#include "support/SourceText.h"
#include "support/TokenSpelling.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

static const llvm::StringRef AllocatorMacros[] = {
    "get_zeroed_page", "__get_free_pages", "__get_free_page"};
static const llvm::StringRef FreeMacros[] = {"free_page"};

/// What allocations and frees have in common: where the call is written,
/// the variable and table it concerns, and the verdict.
struct ZeroedPageRule::Site {
  /// False when the call is not a candidate (unevaluated, in a system
  /// header, inside the new API's implementation).
  bool Site = false;
  MacroCall Where;
  const FunctionDecl *Function = nullptr;
  /// The local pointer variable that receives (allocation) or holds (free)
  /// the page, if any.
  const VarDecl *Var = nullptr;
  std::optional<TableEvidence> Evidence;
  std::optional<uint64_t> Order;
  /// Why it is not converted; empty when it is.
  std::string Refusal;
  /// The call as written, for messages.
  std::string What;
  std::string Message;
  tooling::Replacement Edit;
  SourceLocation ReportAt;
};

struct ZeroedPageRule::Allocation : ZeroedPageRule::Site {
  /// The expression that holds the value once the casts are applied.
  const Expr *Top = nullptr;
};

struct ZeroedPageRule::Free : ZeroedPageRule::Site {};

ZeroedPageRule::ZeroedPageRule(const MigrationOptions &Options)
    : AllocName(Options.AllocName), FreeName(Options.FreeName),
      TreeRoot(Options.TreeRoot),
      ApiImplementationNames(Options.apiImplementationNames()) {}

ZeroedPageRule::~ZeroedPageRule() = default;

void ZeroedPageRule::locateSite(const CallExpr *Call,
                                llvm::ArrayRef<llvm::StringRef> Macros,
                                ASTContext &Context, Site &S) const {
  const SourceManager &SM = Context.getSourceManager();
  S.Where = locateCall(Call, Macros, Context);
  if (!S.Where.Outer)
    return;
  S.Function = enclosingFunction(Call, Context);
  if (S.Function && S.Function->getIdentifier() &&
      llvm::is_contained(ApiImplementationNames, S.Function->getName()))
    return;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Call->getBeginLoc())))
    return;
  S.Site = true;
}

llvm::StringRef ZeroedPageRule::name() const { return ZeroedPageRule::Name; }

void ZeroedPageRule::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("get_zeroed_page_noprof",
                                              "get_free_pages_noprof"))))
          .bind("alloc"),
      Callback);
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasName("free_pages"))), argumentCountIs(2))
          .bind("free"),
      Callback);
}

namespace {

// The chain of statements from S up to the function body, each with the
// child it was reached from.
std::vector<std::pair<const Stmt *, const Stmt *>>
ancestry(const Stmt *S, ASTContext &Context) {
  std::vector<std::pair<const Stmt *, const Stmt *>> Chain;
  DynTypedNode Node = DynTypedNode::create(*S);
  const Stmt *Child = S;
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (Node.get<FunctionDecl>())
      break;
    if (const auto *Parent = Node.get<Stmt>()) {
      Chain.push_back({Parent, Child});
      Child = Parent;
    }
  }
  return Chain;
}

// True when Later runs after Earlier on a path through their function:
// later in the same block, or in the body of the statement whose condition
// holds Earlier. Loops back are ignored; that is conservative for evidence
// (a use before the allocation never counts).
bool followsOnPath(const Stmt *Earlier, const Stmt *Later,
                   ASTContext &Context) {
  auto EarlierChain = ancestry(Earlier, Context);
  llvm::DenseMap<const Stmt *, const Stmt *> ChildOf;
  for (auto &[Parent, Child] : EarlierChain)
    ChildOf[Parent] = Child;
  const SourceManager &SM = Context.getSourceManager();
  for (auto &[Parent, LaterChild] : ancestry(Later, Context)) {
    auto It = ChildOf.find(Parent);
    if (It == ChildOf.end())
      continue;
    const Stmt *EarlierChild = It->second;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      for (const Stmt *S : Block->body()) {
        if (S == EarlierChild)
          return S != LaterChild;
        if (S == LaterChild)
          return false;
      }
      return false;
    }
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      return (EarlierChild == If->getCond() || EarlierChild == If->getInit() ||
              EarlierChild == If->getConditionVariableDeclStmt()) &&
             (LaterChild == If->getThen() || LaterChild == If->getElse());
    if (const auto *While = dyn_cast<WhileStmt>(Parent))
      return EarlierChild == While->getCond() && LaterChild == While->getBody();
    if (const auto *For = dyn_cast<ForStmt>(Parent))
      return (EarlierChild == For->getInit() ||
              EarlierChild == For->getCond()) &&
             (LaterChild == For->getBody() || LaterChild == For->getInc());
    if (const auto *Switch = dyn_cast<SwitchStmt>(Parent))
      return EarlierChild == Switch->getCond() &&
             LaterChild == Switch->getBody();
    if (isa<DoStmt>(Parent) || isa<ConditionalOperator>(Parent) ||
        isa<BinaryConditionalOperator>(Parent))
      return false;
    if (const auto *Op = dyn_cast<BinaryOperator>(Parent))
      if (Op->isLogicalOp())
        return EarlierChild == Op->getLHS();
    // Within one expression: in the order written.
    return offsetOf(Earlier->getEndLoc(), SM) <
           offsetOf(Later->getBeginLoc(), SM);
  }
  return false;
}

// How a value escapes at a use, for messages; empty for other uses.
std::string escapeAt(const DeclRefExpr *Ref, ASTContext &Context) {
  const Expr *Top = climbParensAndCasts(Ref, Context);
  DynTypedNodeList Parents = Context.getParents(*Top);
  if (Parents.empty())
    return "";
  if (Parents[0].get<ReturnStmt>())
    return "returned";
  if (const auto *Call = Parents[0].get<CallExpr>()) {
    if (Call->getCallee() == Top)
      return "";
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      if (F->getIdentifier() && F->getName() == "free_pages")
        return ""; // freed, not escaping
      return ("passed to " + F->getName() + "()").str();
    }
    return "passed to a function pointer";
  }
  if (const auto *Op = Parents[0].get<BinaryOperator>())
    if (Op->getOpcode() == BO_Assign && Op->getRHS() == Top)
      return "stored in '" +
             textOf(Op->getLHS(), Context.getSourceManager(),
                    Context.getLangOpts()) +
             "'";
  if (const auto *Var = Parents[0].get<VarDecl>())
    return ("copied to '" + Var->getName() + "'").str();
  if (Parents[0].get<InitListExpr>())
    return "stored in an initializer";
  return "";
}

std::string joinPhrases(const std::vector<std::string> &Phrases) {
  std::string Text;
  for (size_t I = 0; I < Phrases.size(); ++I)
    Text += (I == 0                    ? ""
             : I + 1 == Phrases.size() ? " and "
                                       : ", ") +
            Phrases[I];
  return Text;
}

// The allocator call an expression is (through parentheses and casts, and
// through alloc_hooks()): the first such call found in it.
const CallExpr *allocatorCallIn(const Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (F->getIdentifier() && (F->getName() == "get_zeroed_page_noprof" ||
                                 F->getName() == "get_free_pages_noprof"))
        return Call;
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = allocatorCallIn(Child))
      return Found;
  return nullptr;
}

std::string refusalWhat(const MacroCall &Where, bool Editable,
                        const SourceManager &SM, const LangOptions &LO) {
  if (Editable)
    return "'" +
           oneLine(fileText(Where.NameSpelling.FileLoc,
                            Where.EndSpelling.FileLoc, SM, LO)) +
           "'";
  return Where.Name + "()";
}

// Why the tokens cannot be edited together, or "".
std::string editProblem(const MacroCall &Where,
                        llvm::ArrayRef<TokenSpelling> Tokens,
                        const SourceManager &SM) {
  if (Where.NameFromMacro)
    return "is split across a macro boundary: its name comes from the body "
           "of macro '" +
           Where.BodyMacro + "'";
  if (!Where.BodyMacro.empty())
    return "is written inside the definition of macro '" + Where.BodyMacro +
           "'; convert the macro by hand";
  for (const TokenSpelling &Token : Tokens)
    if (Token.inMacroBody())
      return "is split across a macro boundary: part of it comes from the "
             "body of macro '" +
             Token.BodyMacro + "'";
  if (!spelledTogether(Tokens, SM))
    return "is split across macro arguments or files";
  return "";
}

bool endsWithNoprof(const FunctionDecl *F) {
  return F && F->getIdentifier() && F->getName().endswith("_noprof");
}

} // namespace

const ZeroedPageRule::Allocation &
ZeroedPageRule::analyzeAllocation(const CallExpr *Call, ASTContext &Context) {
  if (MemoFor != &Context) {
    Memo.clear();
    MemoFor = &Context;
  }
  std::unique_ptr<Allocation> &Slot = Memo[Call];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Allocation>();
  Allocation &A = *Slot;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const UnitIndex &Idx = Index.get(Context);

  locateSite(Call, AllocatorMacros, Context, A);
  if (!A.Site)
    return A;

  llvm::StringRef Callee = Call->getDirectCallee()->getName();
  bool Zeroed = Callee == "get_zeroed_page_noprof";
  bool HasOrderArgument = !Zeroed && A.Where.Name != "__get_free_page";
  bool Editable = A.Where.editable(SM);
  A.What = refusalWhat(A.Where, Editable, SM, LO);
  auto Refuse = [&](std::string Reason) {
    if (A.Refusal.empty())
      A.Refusal = std::move(Reason);
  };

  // Where the value goes, through parentheses and casts.
  A.Top = climbParensAndCasts(A.Where.Outer, Context);
  const CStyleCastExpr *OuterCast = nullptr;
  bool IntegerUse = !A.Top->getType()->isPointerType();
  for (const Expr *E = A.Where.Outer; E != A.Top;) {
    const Stmt *Parent = parentStmt(E, Context);
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(Parent))
      OuterCast = Cast;
    E = cast<Expr>(Parent);
  }
  std::string Escape;
  DynTypedNodeList Parents = Context.getParents(*A.Top);
  const VarDecl *Target = nullptr;
  if (!Parents.empty()) {
    if (const auto *Var = Parents[0].get<VarDecl>()) {
      if (Var->getInit() == A.Top)
        Target = Var;
    } else if (const auto *Op = Parents[0].get<BinaryOperator>()) {
      if (Op->getOpcode() == BO_Assign && Op->getRHS() == A.Top) {
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Op->getLHS()->IgnoreParenImpCasts()))
          Target = dyn_cast<VarDecl>(Ref->getDecl());
        if (!Target)
          Escape = "is stored in '" + textOf(Op->getLHS(), SM, LO) + "'";
      }
    } else if (Parents[0].get<ReturnStmt>()) {
      Escape = "is returned";
    } else if (const auto *Outer = Parents[0].get<CallExpr>()) {
      const FunctionDecl *F = Outer->getDirectCallee();
      Escape = F ? ("is passed to " + F->getName() + "()").str()
                 : "is passed to a function pointer";
    }
  }
  if (Target && !Target->hasLocalStorage())
    Escape = ("is stored in '" + Target->getName() +
              "', which is not a local "
              "variable")
                 .str();
  else if (Target)
    A.Var = Target;
  if (A.Var && !A.Var->getType()->isPointerType())
    IntegerUse = true;

  if (IntegerUse) {
    Refuse(A.Var ? ("kept as unsigned long '" + A.Var->getName() +
                    "': converting needs a type change")
                       .str()
                 : "the address is kept as unsigned long: converting needs a "
                   "type change");
    A.Var = nullptr; // no evidence is looked for in integers
  } else if (!A.Var) {
    Refuse("no page-table evidence: the page " +
           (Escape.empty() ? std::string("is not kept in a local variable")
                           : Escape) +
           " without being installed in a page-table entry");
  } else {
    // Installed later in the function, before any other value is put in
    // the variable?
    std::vector<Write> Writes;
    std::vector<const DeclRefExpr *> Uses;
    for (const DeclRefExpr *Ref : Idx.usesOf(A.Var)) {
      Uses.push_back(Ref);
      if (std::optional<Write> W = writeAt(Ref, Context))
        if (!W->Value || (!isNull(W->Value, Context) && W->Value != A.Top))
          Writes.push_back(*W);
    }
    unsigned AllocEnd = offsetOf(A.Where.Outer->getEndLoc(), SM);
    std::vector<TableEvidence> Installs;
    std::vector<std::string> Escapes;
    for (const DeclRefExpr *Ref : Uses) {
      unsigned At = offsetOf(Ref->getBeginLoc(), SM);
      if (std::optional<TableEvidence> Installed =
              installedTable(Ref, Context)) {
        bool Reassigned = llvm::any_of(Writes, [&](const Write &W) {
          unsigned WriteAt = offsetOf(W.Ref->getBeginLoc(), SM);
          return WriteAt > AllocEnd && WriteAt < At;
        });
        if (!Reassigned && followsOnPath(A.Where.Outer, Ref, Context))
          Installs.push_back(*Installed);
        continue;
      }
      std::string Phrase = escapeAt(Ref, Context);
      if (!Phrase.empty() && !llvm::is_contained(Escapes, Phrase))
        Escapes.push_back(Phrase);
    }
    for (const TableEvidence &Installed : Installs) {
      if (!A.Evidence)
        A.Evidence = Installed;
      else if (A.Evidence->Level != Installed.Level)
        Refuse(("'" + A.Var->getName() + "' is installed both as a " +
                levelName(A.Evidence->Level) + " table and as a " +
                levelName(Installed.Level) + " table")
                   .str());
    }
    if (!A.Evidence) {
      std::string Reason = ("no page-table evidence: '" + A.Var->getName() +
                            "' is never installed in a page-table entry")
                               .str();
      if (!Escapes.empty())
        Reason += " (it is " + joinPhrases(Escapes) + ")";
      if (A.Function && Idx.addressTaken(A.Function))
        Reason += "; " + A.Function->getName().str() +
                  "() is called through a function pointer";
      Refuse(Reason);
    }
  }

  // The mask: pgtable_alloc() keeps __GFP_HIGHMEM, __get_free_pages() drops it.
  switch (gfpFlag(Call->getArg(0), "__GFP_HIGHMEM", A.Function, Context)) {
  case FlagState::Absent:
    break;
  case FlagState::Present:
    Refuse("the gfp mask includes __GFP_HIGHMEM, which " + A.Where.Name +
           "() strips and " + AllocName + "() would not");
    break;
  case FlagState::Unknown:
    Refuse("cannot tell whether the gfp mask '" +
           textOf(Call->getArg(0), SM, LO) +
           "' includes __GFP_HIGHMEM, which " + A.Where.Name +
           "() strips and " + AllocName + "() would not");
    break;
  }

  // The order.
  if (!HasOrderArgument) {
    A.Order = 0;
  } else {
    Expr::EvalResult Order;
    const Expr *OrderArg = Call->getArg(1);
    if (!OrderArg->isValueDependent() &&
        OrderArg->EvaluateAsInt(Order, Context))
      A.Order = Order.Val.getInt().getZExtValue();
    else
      Refuse("the order '" + textOf(OrderArg, SM, LO) + "' is not a constant");
  }

  // The edit: [cast] invocation -> pgtable_alloc(gfp, order).
  llvm::SmallVector<TokenSpelling, 3> Tokens;
  if (OuterCast)
    Tokens.push_back(spellToken(OuterCast->getBeginLoc(), SM, LO));
  Tokens.push_back(A.Where.NameSpelling);
  Tokens.push_back(A.Where.EndSpelling);
  // Parentheses between the cast and the invocation go with the cast.
  if (OuterCast) {
    SourceLocation CastEnd = OuterCast->getEndLoc();
    bool InInvocation = A.Where.ThroughMacro
                            ? isFromExpansion(CastEnd, A.Where.Expansion, SM)
                            : CastEnd == Call->getRParenLoc();
    if (!InInvocation)
      Tokens.push_back(spellToken(CastEnd, SM, LO));
  }
  std::string Problem = editProblem(A.Where, Tokens, SM);
  A.ReportAt = A.Where.BodyLoc.isValid() && !A.Where.NameFromMacro
                   ? A.Where.BodyLoc
               : A.Where.NameSpelling.FileLoc.isValid()
                   ? A.Where.NameSpelling.FileLoc
                   : SM.getExpansionLoc(Call->getBeginLoc());
  if (!Problem.empty()) {
    // One message per macro whatever the expansion, so that units agree.
    A.Refusal = Problem;
    A.What = A.Where.Name + "()";
    return A;
  }
  llvm::SmallVector<std::string, 2> Args = writtenArguments(A.Where, SM, LO);
  if (Args.size() != (HasOrderArgument ? 2u : 1u)) {
    Refuse("its arguments are not written plainly");
    return A;
  }
  std::string Gfp = Args[0];
  if (std::optional<std::string> Simpler = dropGfpFlag(Gfp, "__GFP_ZERO"))
    Gfp = *Simpler;
  std::string Name = AllocName;
  if (!A.Where.ThroughMacro || endsWithNoprof(A.Function))
    Name += "_noprof";
  std::string New =
      Name + "(" + Gfp + ", " + (HasOrderArgument ? Args[1] : "0") + ")";
  SourceLocation Begin = Tokens.front().FileLoc;
  SourceLocation End = Tokens.back().FileLoc.getLocWithOffset(1);
  std::string Old = oneLine(fileText(Begin, Tokens.back().FileLoc, SM, LO));
  A.Edit = makeReplacement(Begin, End, New, SM);

  std::string Zeroing;
  if (!Zeroed) {
    switch (gfpFlag(Call->getArg(0), "__GFP_ZERO", A.Function, Context)) {
    case FlagState::Present:
      break;
    case FlagState::Absent:
      Zeroing = "; gains zeroing: " + A.Where.Name + "() did not zero the page";
      break;
    case FlagState::Unknown:
      Zeroing = "; may gain zeroing: cannot tell whether the gfp mask "
                "includes __GFP_ZERO";
      break;
    }
  }
  A.Message = "replace '" + Old + "' with '" + oneLine(New) + "'";
  if (A.Evidence)
    A.Message += " (" + levelName(A.Evidence->Level).str() + " table, " +
                 A.Evidence->How + ")";
  A.Message += Zeroing;
  return A;
}

ZeroedPageRule::Free ZeroedPageRule::analyzeFree(const CallExpr *Call,
                                                 ASTContext &Context) {
  Free R;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const UnitIndex &Idx = Index.get(Context);

  locateSite(Call, FreeMacros, Context, R);
  if (!R.Site)
    return R;
  bool Editable = R.Where.editable(SM);
  R.What = refusalWhat(R.Where, Editable, SM, LO);
  auto Refuse = [&](std::string Reason) {
    if (R.Refusal.empty())
      R.Refusal = std::move(Reason);
  };
  R.ReportAt = R.Where.BodyLoc.isValid() && !R.Where.NameFromMacro
                   ? R.Where.BodyLoc
               : R.Where.NameSpelling.FileLoc.isValid()
                   ? R.Where.NameSpelling.FileLoc
                   : SM.getExpansionLoc(Call->getBeginLoc());

  // The address: (unsigned long)p with p a pointer.
  const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
  const auto *Cast = dyn_cast<CStyleCastExpr>(Arg);
  const Expr *Pointer = nullptr;
  if (Cast && Cast->getType()->isIntegerType() &&
      Cast->getSubExpr()->IgnoreParenImpCasts()->getType()->isPointerType())
    Pointer = Cast->getSubExpr();
  llvm::SmallVector<std::string, 2> Written = writtenArguments(R.Where, SM, LO);
  if (!Pointer)
    Refuse("the address '" +
           (Written.empty() ? textOf(Call->getArg(0), SM, LO) : Written[0]) +
           "' is kept as unsigned long, not a pointer cast to it: converting "
           "needs a type change");

  if (R.Where.Name == "free_page") {
    R.Order = 0;
  } else {
    Expr::EvalResult Order;
    const Expr *OrderArg = Call->getArg(1);
    if (!OrderArg->isValueDependent() &&
        OrderArg->EvaluateAsInt(Order, Context))
      R.Order = Order.Val.getInt().getZExtValue();
    else
      Refuse("the order '" +
             (Written.size() == 2 ? Written[1] : textOf(OrderArg, SM, LO)) +
             "' is not a constant");
  }

  if (Pointer) {
    // Evidence: the pointer is read out of an entry, or is a converted
    // allocation of this function.
    struct Source {
      std::optional<TableEvidence> Evidence;
      std::string Problem;
    };
    std::function<Source(const Expr *, const FunctionDecl *, unsigned)>
        SourceOf;
    // Every value a variable is given in its function (the incoming value
    // of a parameter included) must be a table of one level.
    std::function<Source(const VarDecl *, const FunctionDecl *, unsigned,
                         const Expr *)>
        SourceOfVar = [&](const VarDecl *Var, const FunctionDecl *F,
                          unsigned Depth, const Expr *Freed) -> Source {
      std::string Name = Var->getName().str();
      std::vector<std::pair<const Expr *, SourceLocation>> Values;
      if (Var->getInit())
        Values.push_back({Var->getInit(), Var->getLocation()});
      bool UnknownWrite = false;
      for (const DeclRefExpr *Ref : Idx.usesOf(Var))
        if (std::optional<Write> W = writeAt(Ref, Context)) {
          if (!W->Value)
            UnknownWrite = true;
          else if (!isNull(W->Value, Context))
            Values.push_back({W->Value, W->Ref->getBeginLoc()});
        }
      if (UnknownWrite)
        return {std::nullopt,
                "'" + Name + "' is changed in place or its address is taken"};
      std::optional<TableEvidence> Level;
      auto Merge = [&](const TableEvidence &E) -> std::string {
        if (Level && Level->Level != E.Level)
          return "'" + Name + "' holds tables of two levels (" +
                 levelName(Level->Level).str() + " and " +
                 levelName(E.Level).str() + ")";
        if (!Level)
          Level = E;
        return "";
      };
      const auto *Parm = dyn_cast<ParmVarDecl>(Var);
      if (Parm) {
        const auto *Owner = dyn_cast<FunctionDecl>(Parm->getDeclContext());
        std::string Fn = Owner ? Owner->getName().str() : "?";
        if (!Owner || Owner->getStorageClass() != SC_Static)
          return {std::nullopt, "'" + Name + "' is a parameter of " + Fn +
                                    "(), which is not static: its callers "
                                    "are not all visible"};
        if (Idx.addressTaken(Owner))
          return {std::nullopt,
                  "'" + Name + "' is a parameter of " + Fn +
                      "(), whose address is taken: it is called through a "
                      "function pointer"};
        llvm::ArrayRef<const CallExpr *> Calls = Idx.callsOf(Owner);
        if (Calls.empty())
          return {std::nullopt, "'" + Name + "' is a parameter of " + Fn +
                                    "(), which is never called in this "
                                    "translation unit"};
        if (Depth > 3)
          return {std::nullopt, "'" + Name +
                                    "' is passed on through too "
                                    "many static functions"};
        unsigned Index = Parm->getFunctionScopeIndex();
        for (const CallExpr *Caller : Calls) {
          if (Index >= Caller->getNumArgs())
            return {std::nullopt, "a call of " + Fn +
                                      "() has too few "
                                      "arguments"};
          const Expr *Passed = Caller->getArg(Index);
          Source S =
              SourceOf(Passed, enclosingFunction(Caller, Context), Depth + 1);
          if (!S.Evidence)
            return {std::nullopt,
                    "'" + Name + "' is a parameter of " + Fn +
                        "(), called at line " +
                        std::to_string(lineOf(Caller->getBeginLoc(), SM)) +
                        " with '" + textOf(Passed, SM, LO) + "': " + S.Problem};
          std::string Problem = Merge(*S.Evidence);
          if (!Problem.empty())
            return {std::nullopt, Problem};
        }
        if (Level)
          Level->How = "every call of " + Fn + "() passes one " + Level->How;
      } else if (!Var->hasLocalStorage()) {
        return {std::nullopt,
                "'" + Name + "' is not a local variable or a parameter"};
      } else if (Values.empty()) {
        return {std::nullopt, "'" + Name + "' is never given a page"};
      }
      for (auto &[Value, At] : Values) {
        if (std::optional<TableEvidence> Derived =
                derivedTable(Value, Context)) {
          std::string Problem = Merge(*Derived);
          if (!Problem.empty())
            return {std::nullopt, Problem};
          continue;
        }
        const CallExpr *Alloc = allocatorCallIn(Value->IgnoreParenCasts());
        const Allocation *A =
            Alloc ? &analyzeAllocation(Alloc, Context) : nullptr;
        if (A && A->Site && A->Var == Var && Freed) {
          unsigned Line = lineOf(Alloc->getBeginLoc(), SM);
          if (!A->Refusal.empty())
            return {A->Evidence,
                    "'" + Name + "' comes from the allocation at line " +
                        std::to_string(Line) + ", which is not converted"};
          if (!A->Evidence)
            return {std::nullopt, "the allocation at line " +
                                      std::to_string(Line) +
                                      " is not a page table"};
          TableEvidence E{A->Evidence->Level,
                          "allocated at line " + std::to_string(Line)};
          std::string Problem = Merge(E);
          if (!Problem.empty())
            return {std::nullopt, Problem};
          continue;
        }
        return {std::nullopt,
                "no page-table evidence: '" + Name + "' is given '" +
                    textOf(Value, SM, LO) + "' at line " +
                    std::to_string(lineOf(At, SM)) +
                    ", which is not the start of a table read from a "
                    "page-table entry"};
      }
      return {Level, ""};
    };
    SourceOf = [&](const Expr *E, const FunctionDecl *F,
                   unsigned Depth) -> Source {
      if (std::optional<TableEvidence> Derived = derivedTable(E, Context))
        return {Derived, ""};
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          return SourceOfVar(Var, F, Depth, Depth == 0 ? E : nullptr);
      return {std::nullopt,
              "no page-table evidence: '" + textOf(E, SM, LO) +
                  "' is not the start of a table read from a page-table "
                  "entry"};
    };
    Source S = SourceOf(Pointer, R.Function, 0);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Pointer->IgnoreParenCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
          R.Var = Var;
    if (!S.Problem.empty()) {
      Refuse(S.Problem);
      R.Evidence = S.Evidence; // a refused allocation's level still pairs
    } else {
      R.Evidence = S.Evidence;
    }
  }

  // The edit: invocation -> pgtable_free(p).
  llvm::SmallVector<TokenSpelling, 5> Tokens{R.Where.NameSpelling};
  if (Pointer) {
    Tokens.push_back(spellArgumentToken(Cast->getBeginLoc(), R.Where, SM, LO));
    Tokens.push_back(
        spellArgumentToken(Pointer->getBeginLoc(), R.Where, SM, LO));
    Tokens.push_back(spellArgumentToken(Pointer->getEndLoc(), R.Where, SM, LO));
  }
  Tokens.push_back(R.Where.EndSpelling);
  std::string Problem = editProblem(R.Where, Tokens, SM);
  if (!Problem.empty()) {
    R.Refusal = Problem;
    R.What = R.Where.Name + "()";
    return R;
  }
  if (!Pointer)
    return R;
  const Expr *Freed = Pointer->IgnoreImpCasts();
  if (const auto *Paren = dyn_cast<ParenExpr>(Freed))
    if (isa<DeclRefExpr>(Paren->getSubExpr()->IgnoreParenImpCasts()))
      Freed = Paren->getSubExpr()->IgnoreParenImpCasts();
  TokenSpelling WrittenBegin = spellToken(Freed->getBeginLoc(), SM, LO);
  TokenSpelling WrittenEnd = spellToken(Freed->getEndLoc(), SM, LO);
  std::string New = FreeName + "(" +
                    fileText(WrittenBegin.FileLoc, WrittenEnd.FileLoc, SM, LO) +
                    ")";
  SourceLocation Begin = R.Where.NameSpelling.FileLoc;
  SourceLocation End = R.Where.EndSpelling.FileLoc.getLocWithOffset(1);
  std::string Old =
      oneLine(fileText(Begin, R.Where.EndSpelling.FileLoc, SM, LO));
  R.Edit = makeReplacement(Begin, End, New, SM);
  R.Message = "replace '" + Old + "' with '" + oneLine(New) + "'";
  if (R.Evidence)
    R.Message += " (" + levelName(R.Evidence->Level).str() + " table, " +
                 R.Evidence->How + ")";
  return R;
}

void ZeroedPageRule::check(const MatchFinder::MatchResult &Result,
                           FindingSink &Sink) {
  ASTContext &Context = *Result.Context;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();

  auto Report = [&](const auto &Site, const CallExpr *Call, PairingRole Role,
                    const VarDecl *Var) {
    bool Converted = Site.Refusal.empty();
    Finding F = makeFinding(
        name(), Converted ? FindingKind::Converted : FindingKind::Refused,
        Site.ReportAt, SM,
        Converted
            ? Site.Message
            : "not converted: " + Site.What +
                  (llvm::StringRef(Site.Refusal).startswith("is ") ? " "
                                                                   : ": ") +
                  Site.Refusal);
    if (Converted) {
      F.Replacements.push_back(Site.Edit);
      F.SiteFile = Site.Edit.getFilePath().str();
      F.SiteOffset = Site.Edit.getOffset();
      F.SiteLength = Site.Edit.getLength();
    } else {
      setSiteToExpansion(F, Site.Where.Outer->getSourceRange(), SM, LO);
    }
    F.Role = Role;
    F.Order = Site.Order;
    SourceLocation Code = SM.getExpansionLoc(Call->getBeginLoc());
    if (Site.Evidence)
      F.PairingKeys.push_back(
          levelPairingKey(archNameOf(absoluteFilePath(Code, SM), TreeRoot),
                          levelName(Site.Evidence->Level)));
    if (Var && Site.Function && Site.Function->getIdentifier()) {
      SourceLocation Decl = SM.getExpansionLoc(Var->getLocation());
      F.PairingKeys.push_back(
          localPairingKey(absoluteFilePath(Decl, SM), SM.getFileOffset(Decl),
                          Var->getName(), Site.Function->getName()));
    }
    Sink.report(std::move(F));
  };

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("alloc")) {
    const Allocation &A = analyzeAllocation(Call, Context);
    if (A.Site)
      Report(A, Call, PairingRole::Allocation, A.Var);
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("free")) {
    Free R = analyzeFree(Call, Context);
    if (R.Site)
      Report(R, Call, PairingRole::Free, R.Var);
  }
}

} // namespace pgmigrate
