//===- ZeroedPageRule.cpp -------------------------------------------------===//

#include "rules/ZeroedPageRule.h"
#include "analysis/AstNavigation.h"
#include "analysis/TableEvidence.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/Pairing.h"
#include "pgmigrate/Rules.h"
#include "rules/AllocatorSite.h"
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

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

static const llvm::StringRef AllocatorMacros[] = {
    "get_zeroed_page", "__get_free_pages", "__get_free_page"};
static const llvm::StringRef FreeMacros[] = {"free_page"};

/// What allocations and frees have in common: where the call is written
/// (the allocator site), the variable and table it concerns, and the
/// verdict.
struct ZeroedPageRule::Site : AllocatorSite {
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

  /// Keeps the first reason given.
  void refuse(std::string Reason) {
    if (Refusal.empty())
      Refusal = std::move(Reason);
  }
};

struct ZeroedPageRule::Allocation : ZeroedPageRule::Site {
  /// The expression that holds the value once the casts are applied.
  const Expr *Top = nullptr;
  /// The outermost pointer cast written around the call, if any.
  const CStyleCastExpr *OuterCast = nullptr;
  /// The value is kept as an integer, not a pointer.
  bool IntegerUse = false;
};

struct ZeroedPageRule::Free : ZeroedPageRule::Site {};

/// Whether a freed pointer is a page table: its evidence, or why not (a
/// refused allocation's level comes with its problem: it still pairs).
struct ZeroedPageRule::PointerSource {
  std::optional<TableEvidence> Evidence;
  std::string Problem;
};

/// The one table level all the values of a variable must share.
struct ZeroedPageRule::LevelMerger {
  explicit LevelMerger(std::string Name) : Name(std::move(Name)) {}
  /// Adds the evidence of one value; a problem when its level differs.
  std::string add(const TableEvidence &E) {
    if (Level && Level->Level != E.Level)
      return "'" + Name + "' holds tables of two levels (" +
             levelName(Level->Level).str() + " and " +
             levelName(E.Level).str() + ")";
    if (!Level)
      Level = E;
    return "";
  }
  std::string Name;
  std::optional<TableEvidence> Level;
};

ZeroedPageRule::ZeroedPageRule(const MigrationOptions &Options)
    : AllocName(Options.AllocName), FreeName(Options.FreeName),
      TreeRoot(Options.TreeRoot),
      ApiImplementationNames(Options.apiImplementationNames()) {}

ZeroedPageRule::~ZeroedPageRule() = default;

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

// Kept hand-written rather than clang-tidy's utils::ExprSequence: that one
// does not order an if/while/for/switch condition before its body (which
// evidence needs), wants a CFG per function, and lives in the static
// libclangTidyUtils.a, a second copy of which would go into the plugin.
//
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
    llvm::StringRef Callee = calleeName(Call);
    if (Callee == "free_pages")
      return ""; // freed, not escaping
    if (!Callee.empty())
      return ("passed to " + Callee + "()").str();
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
    if (calleeName(Call) == "get_zeroed_page_noprof" ||
        calleeName(Call) == "get_free_pages_noprof")
      return Call;
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = allocatorCallIn(Child))
      return Found;
  return nullptr;
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

  static_cast<AllocatorSite &>(A) = locateAllocatorSite(
      Call, AllocatorMacros, ApiImplementationNames, Context);
  if (!A.Candidate)
    return A;

  llvm::StringRef Callee = calleeName(Call);
  bool Zeroed = Callee == "get_zeroed_page_noprof";
  bool HasOrderArgument = !Zeroed && A.Where.Name != "__get_free_page";
  A.What = refusalWhat(A.Where, A.Where.editable(SM), SM, LO);

  std::string Escape = findAllocationTarget(A, Context);
  if (A.IntegerUse) {
    A.refuse(A.Var ? ("kept as unsigned long '" + A.Var->getName() +
                      "': converting needs a type change")
                         .str()
                   : "the address is kept as unsigned long: converting "
                     "needs a type change");
    A.Var = nullptr; // no evidence is looked for in integers
  } else if (!A.Var) {
    A.refuse("no page-table evidence: the page " +
             (Escape.empty() ? std::string("is not kept in a local variable")
                             : Escape) +
             " without being installed in a page-table entry");
  } else {
    findInstallation(A, Context);
  }

  checkHighmem(A, Call, Context);

  if (!HasOrderArgument) {
    A.Order = 0;
  } else {
    A.Order = constantOrder(Call->getArg(1), Context);
    if (!A.Order)
      A.refuse("the order '" + textOf(Call->getArg(1), SM, LO) +
               "' is not a constant");
  }

  makeAllocationEdit(A, Call, HasOrderArgument, Zeroed, Context);
  return A;
}

std::string ZeroedPageRule::findAllocationTarget(Allocation &A,
                                                 ASTContext &Context) const {
  // Where the value goes, through parentheses and casts.
  A.Top = climbParensAndCasts(A.Where.Outer, Context);
  A.IntegerUse = !A.Top->getType()->isPointerType();
  for (const Expr *E = A.Where.Outer; E != A.Top;) {
    const Stmt *Parent = parentStmt(E, Context);
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(Parent))
      A.OuterCast = Cast;
    E = cast<Expr>(Parent);
  }
  AllocationTarget Target = allocationTarget(A.Top, Context);
  std::string Escape = Target.Escape;
  if (Target.Var && !Target.Var->hasLocalStorage())
    Escape = ("is stored in '" + Target.Var->getName() +
              "', which is not a local variable")
                 .str();
  else if (Target.Var)
    A.Var = Target.Var;
  if (A.Var && !A.Var->getType()->isPointerType())
    A.IntegerUse = true;
  return Escape;
}

void ZeroedPageRule::findInstallation(Allocation &A, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const UnitIndex &Idx = Index.get(Context);
  // Installed later in the function, before any other value is put in the
  // variable? (ExprMutationAnalyzer is not used for the writes: it says
  // whether a variable is written, not which value is put in it.)
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
  std::string StoredAway; // the first store of the page outside the variable
  for (const DeclRefExpr *Ref : Uses) {
    unsigned At = offsetOf(Ref->getBeginLoc(), SM);
    if (std::optional<TableEvidence> Installed = installedTable(Ref, Context)) {
      bool Reassigned = llvm::any_of(Writes, [&](const Write &W) {
        unsigned WriteAt = offsetOf(W.Ref->getBeginLoc(), SM);
        return WriteAt > AllocEnd && WriteAt < At;
      });
      if (!Reassigned && followsOnPath(A.Where.Outer, Ref, Context))
        Installs.push_back(*Installed);
      continue;
    }
    std::string Phrase = escapeAt(Ref, Context);
    if (StoredAway.empty() && (llvm::StringRef(Phrase).startswith("stored") ||
                               llvm::StringRef(Phrase).startswith("copied")))
      StoredAway =
          Phrase + " at line " + std::to_string(lineOf(Ref->getBeginLoc(), SM));
    if (!Phrase.empty() && !llvm::is_contained(Escapes, Phrase))
      Escapes.push_back(Phrase);
  }
  for (const TableEvidence &Installed : Installs) {
    if (!A.Evidence)
      A.Evidence = Installed;
    else if (A.Evidence->Level != Installed.Level)
      A.refuse(("'" + A.Var->getName() + "' is installed both as a " +
                levelName(A.Evidence->Level) + " table and as a " +
                levelName(Installed.Level) + " table")
                   .str());
  }
  // A page that is also kept elsewhere (a field such as kexec's
  // image->arch.p4d, a global, another variable) may be freed through that
  // copy by code this analysis does not follow: converting the allocation
  // alone could leave the page on free_page(), half migrated.
  if (A.Evidence && !StoredAway.empty())
    A.refuse(("'" + A.Var->getName() + "' is also " + StoredAway +
              ", and a free of the page through that copy cannot be "
              "followed: converting the allocation alone could leave the "
              "page freed with free_page()")
                 .str());
  if (A.Evidence)
    return;
  std::string Reason = ("no page-table evidence: '" + A.Var->getName() +
                        "' is never installed in a page-table entry")
                           .str();
  if (!Escapes.empty())
    Reason += " (it is " + joinPhrases(Escapes) + ")";
  if (A.Function && Idx.addressTaken(A.Function))
    Reason += "; " + A.Function->getName().str() +
              "() is called through a function pointer";
  A.refuse(Reason);
}

void ZeroedPageRule::checkHighmem(Allocation &A, const CallExpr *Call,
                                  ASTContext &Context) const {
  // pgtable_alloc() keeps __GFP_HIGHMEM, __get_free_pages() drops it.
  switch (gfpFlag(Call->getArg(0), "__GFP_HIGHMEM", A.Function, Context)) {
  case FlagState::Absent:
    break;
  case FlagState::Present:
    A.refuse("the gfp mask includes __GFP_HIGHMEM, which " + A.Where.Name +
             "() strips and " + AllocName + "() would not");
    break;
  case FlagState::Unknown:
    A.refuse("cannot tell whether the gfp mask '" +
             textOf(Call->getArg(0), Context.getSourceManager(),
                    Context.getLangOpts()) +
             "' includes __GFP_HIGHMEM, which " + A.Where.Name +
             "() strips and " + AllocName + "() would not");
    break;
  }
}

void ZeroedPageRule::makeAllocationEdit(Allocation &A, const CallExpr *Call,
                                        bool HasOrderArgument, bool Zeroed,
                                        ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // [cast] invocation -> pgtable_alloc(gfp, order).
  llvm::SmallVector<TokenSpelling, 3> Tokens;
  if (A.OuterCast)
    Tokens.push_back(spellToken(A.OuterCast->getBeginLoc(), SM, LO));
  Tokens.push_back(A.Where.NameSpelling);
  Tokens.push_back(A.Where.EndSpelling);
  // Parentheses between the cast and the invocation go with the cast.
  if (A.OuterCast) {
    SourceLocation CastEnd = A.OuterCast->getEndLoc();
    bool InInvocation = A.Where.ThroughMacro
                            ? isFromExpansion(CastEnd, A.Where.Expansion, SM)
                            : CastEnd == Call->getRParenLoc();
    if (!InInvocation)
      Tokens.push_back(spellToken(CastEnd, SM, LO));
  }
  std::string Problem = editProblem(A.Where, Tokens, SM);
  if (!Problem.empty()) {
    // One message per macro whatever the expansion, so that units agree.
    A.Refusal = Problem;
    A.What = A.Where.Name + "()";
    return;
  }
  llvm::SmallVector<std::string, 2> Args = writtenArguments(A.Where, SM, LO);
  if (Args.size() != (HasOrderArgument ? 2u : 1u)) {
    A.refuse("its arguments are not written plainly");
    return;
  }
  std::string New =
      newAllocatorCall(newAllocatorName(AllocName, A.Where, A.Function),
                       Args[0], HasOrderArgument ? Args[1] : "0");
  TokenRangeEdit Edit =
      replaceTokens(Tokens.front().FileLoc, Tokens.back().FileLoc, New, SM, LO);
  A.Edit = Edit.Edit;

  std::string Zeroing;
  if (!Zeroed)
    Zeroing = zeroingNote(Call->getArg(0), A.Function, Context,
                          A.Where.Name + "() did not zero the page");
  A.Message = "replace '" + Edit.Old + "' with '" + oneLine(New) + "'";
  if (A.Evidence)
    A.Message += " (" + levelName(A.Evidence->Level).str() + " table, " +
                 A.Evidence->How + ")";
  A.Message += Zeroing;
}

ZeroedPageRule::Free ZeroedPageRule::analyzeFree(const CallExpr *Call,
                                                 ASTContext &Context) {
  Free R;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();

  static_cast<AllocatorSite &>(R) =
      locateAllocatorSite(Call, FreeMacros, ApiImplementationNames, Context);
  if (!R.Candidate)
    return R;
  R.What = refusalWhat(R.Where, R.Where.editable(SM), SM, LO);

  // The address: (unsigned long)p with p a pointer.
  const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
  const auto *Cast = dyn_cast<CStyleCastExpr>(Arg);
  const Expr *Pointer = nullptr;
  if (Cast && Cast->getType()->isIntegerType() &&
      Cast->getSubExpr()->IgnoreParenImpCasts()->getType()->isPointerType())
    Pointer = Cast->getSubExpr();
  llvm::SmallVector<std::string, 2> Written = writtenArguments(R.Where, SM, LO);
  if (!Pointer)
    R.refuse("the address '" +
             (Written.empty() ? textOf(Call->getArg(0), SM, LO) : Written[0]) +
             "' is kept as unsigned long, not a pointer cast to it: "
             "converting needs a type change");

  if (R.Where.Name == "free_page") {
    R.Order = 0;
  } else {
    const Expr *OrderArg = Call->getArg(1);
    R.Order = constantOrder(OrderArg, Context);
    if (!R.Order)
      R.refuse("the order '" +
               (Written.size() == 2 ? Written[1] : textOf(OrderArg, SM, LO)) +
               "' is not a constant");
  }

  if (Pointer) {
    // Evidence: the pointer is read out of an entry, or is a converted
    // allocation of this function.
    PointerSource S = sourceOf(Pointer, 0, Context);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Pointer->IgnoreParenCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
          R.Var = Var;
    if (!S.Problem.empty())
      R.refuse(S.Problem);
    R.Evidence = S.Evidence; // a refused allocation's level still pairs
  }

  makeFreeEdit(R, Cast, Pointer, Context);
  return R;
}

ZeroedPageRule::PointerSource
ZeroedPageRule::sourceOf(const Expr *E, unsigned Depth, ASTContext &Context) {
  if (std::optional<TableEvidence> Derived = derivedTable(E, Context))
    return {Derived, ""};
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return sourceOfVariable(Var, Depth, Depth == 0 ? E : nullptr, Context);
  return {std::nullopt,
          "no page-table evidence: '" +
              textOf(E, Context.getSourceManager(), Context.getLangOpts()) +
              "' is not the start of a table read from a page-table entry"};
}

ZeroedPageRule::PointerSource
ZeroedPageRule::sourceOfVariable(const VarDecl *Var, unsigned Depth,
                                 const Expr *Freed, ASTContext &Context) {
  const UnitIndex &Idx = Index.get(Context);
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
  // writeAt() rather than ExprMutationAnalyzer: evidence needs each value
  // written, not only whether the variable is written.
  if (UnknownWrite)
    return {std::nullopt,
            "'" + Name + "' is changed in place or its address is taken"};
  LevelMerger Merge(Name);
  if (const auto *Parm = dyn_cast<ParmVarDecl>(Var)) {
    PointerSource Incoming = sourceOfParameter(Parm, Depth, Context);
    if (!Incoming.Problem.empty())
      return Incoming;
    Merge.Level = Incoming.Evidence;
  } else if (!Var->hasLocalStorage()) {
    return {std::nullopt,
            "'" + Name + "' is not a local variable or a parameter"};
  } else if (Values.empty()) {
    return {std::nullopt, "'" + Name + "' is never given a page"};
  }
  return sourceOfValues(Var, Values, Freed, Merge, Context);
}

ZeroedPageRule::PointerSource
ZeroedPageRule::sourceOfParameter(const ParmVarDecl *Parm, unsigned Depth,
                                  ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const UnitIndex &Idx = Index.get(Context);
  std::string Name = Parm->getName().str();
  const auto *Owner = dyn_cast<FunctionDecl>(Parm->getDeclContext());
  std::string Fn = Owner ? Owner->getName().str() : "?";
  std::string Of = "'" + Name + "' is a parameter of " + Fn + "(), ";
  if (!Owner || Owner->getStorageClass() != SC_Static)
    return {std::nullopt,
            Of + "which is not static: its callers are not all visible"};
  if (Idx.addressTaken(Owner))
    return {std::nullopt, Of + "whose address is taken: it is called "
                               "through a function pointer"};
  llvm::ArrayRef<const CallExpr *> Calls = Idx.callsOf(Owner);
  if (Calls.empty())
    return {std::nullopt,
            Of + "which is never called in this translation unit"};
  if (Depth > 3)
    return {std::nullopt,
            "'" + Name + "' is passed on through too many static functions"};
  LevelMerger Merge(Name);
  unsigned ArgIndex = Parm->getFunctionScopeIndex();
  for (const CallExpr *Caller : Calls) {
    if (ArgIndex >= Caller->getNumArgs())
      return {std::nullopt, "a call of " + Fn + "() has too few arguments"};
    const Expr *Passed = Caller->getArg(ArgIndex);
    PointerSource S = sourceOf(Passed, Depth + 1, Context);
    if (!S.Evidence)
      return {std::nullopt,
              Of + "called at line " +
                  std::to_string(lineOf(Caller->getBeginLoc(), SM)) +
                  " with '" + textOf(Passed, SM, Context.getLangOpts()) +
                  "': " + S.Problem};
    std::string Problem = Merge.add(*S.Evidence);
    if (!Problem.empty())
      return {std::nullopt, Problem};
  }
  if (Merge.Level)
    Merge.Level->How =
        "every call of " + Fn + "() passes one " + Merge.Level->How;
  return {Merge.Level, ""};
}

ZeroedPageRule::PointerSource ZeroedPageRule::sourceOfValues(
    const VarDecl *Var,
    llvm::ArrayRef<std::pair<const Expr *, SourceLocation>> Values,
    const Expr *Freed, LevelMerger &Merge, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const std::string &Name = Merge.Name;
  for (auto &[Value, At] : Values) {
    if (std::optional<TableEvidence> Derived = derivedTable(Value, Context)) {
      std::string Problem = Merge.add(*Derived);
      if (!Problem.empty())
        return {std::nullopt, Problem};
      continue;
    }
    const CallExpr *Alloc = allocatorCallIn(Value->IgnoreParenCasts());
    const Allocation *A = Alloc ? &analyzeAllocation(Alloc, Context) : nullptr;
    if (!A || !A->Candidate || A->Var != Var || !Freed)
      return {std::nullopt,
              "no page-table evidence: '" + Name + "' is given '" +
                  textOf(Value, SM, Context.getLangOpts()) + "' at line " +
                  std::to_string(lineOf(At, SM)) +
                  ", which is not the start of a table read from a "
                  "page-table entry"};
    std::string Line = std::to_string(lineOf(Alloc->getBeginLoc(), SM));
    if (!A->Refusal.empty())
      return {A->Evidence, "'" + Name + "' comes from the allocation at line " +
                               Line + ", which is not converted"};
    if (!A->Evidence)
      return {std::nullopt,
              "the allocation at line " + Line + " is not a page table"};
    std::string Problem = Merge.add(
        TableEvidence{A->Evidence->Level, "allocated at line " + Line});
    if (!Problem.empty())
      return {std::nullopt, Problem};
  }
  return {Merge.Level, ""};
}

void ZeroedPageRule::makeFreeEdit(Free &R, const CStyleCastExpr *Cast,
                                  const Expr *Pointer,
                                  ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // invocation -> pgtable_free(p).
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
    return;
  }
  if (!Pointer)
    return;
  const Expr *Freed = Pointer->IgnoreImpCasts();
  if (const auto *Paren = dyn_cast<ParenExpr>(Freed))
    if (isa<DeclRefExpr>(Paren->getSubExpr()->IgnoreParenImpCasts()))
      Freed = Paren->getSubExpr()->IgnoreParenImpCasts();
  TokenSpelling WrittenBegin = spellToken(Freed->getBeginLoc(), SM, LO);
  TokenSpelling WrittenEnd = spellToken(Freed->getEndLoc(), SM, LO);
  std::string New = FreeName + "(" +
                    fileText(WrittenBegin.FileLoc, WrittenEnd.FileLoc, SM, LO) +
                    ")";
  TokenRangeEdit Edit = replaceTokens(R.Where.NameSpelling.FileLoc,
                                      R.Where.EndSpelling.FileLoc, New, SM, LO);
  R.Edit = Edit.Edit;
  R.Message = "replace '" + Edit.Old + "' with '" + oneLine(New) + "'";
  if (R.Evidence)
    R.Message += " (" + levelName(R.Evidence->Level).str() + " table, " +
                 R.Evidence->How + ")";
}

void ZeroedPageRule::report(const Site &S, const CallExpr *Call,
                            PairingRole Role, ASTContext &Context,
                            FindingSink &Sink) const {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  bool Converted = S.Refusal.empty();
  Finding F = makeFinding(
      name(), Converted ? FindingKind::Converted : FindingKind::Refused,
      S.ReportAt, SM,
      Converted ? S.Message : refusalMessage(S.What, S.Refusal));
  if (Converted) {
    F.Replacements.push_back(S.Edit);
    F.SiteFile = S.Edit.getFilePath().str();
    F.SiteOffset = S.Edit.getOffset();
    F.SiteLength = S.Edit.getLength();
  } else {
    setSiteToExpansion(F, S.Where.Outer->getSourceRange(), SM, LO);
  }
  F.Role = Role;
  F.Order = S.Order;
  SourceLocation Code = SM.getExpansionLoc(Call->getBeginLoc());
  if (S.Evidence)
    F.PairingKeys.push_back(
        PairingKey::level(archNameOf(absoluteFilePath(Code, SM), TreeRoot),
                          levelName(S.Evidence->Level)));
  if (S.Var && S.Function && S.Function->getIdentifier()) {
    SourceLocation Decl = SM.getExpansionLoc(S.Var->getLocation());
    F.PairingKeys.push_back(
        PairingKey::local(absoluteFilePath(Decl, SM), SM.getFileOffset(Decl),
                          S.Var->getName(), S.Function->getName()));
  }
  Sink.report(std::move(F));
}

void ZeroedPageRule::check(const MatchFinder::MatchResult &Result,
                           FindingSink &Sink) {
  ASTContext &Context = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("alloc")) {
    const Allocation &A = analyzeAllocation(Call, Context);
    if (A.Candidate)
      report(A, Call, PairingRole::Allocation, Context, Sink);
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("free")) {
    Free R = analyzeFree(Call, Context);
    if (R.Candidate)
      report(R, Call, PairingRole::Free, Context, Sink);
  }
}

} // namespace pgmigrate
