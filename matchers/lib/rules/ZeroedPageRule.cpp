//===- ZeroedPageRule.cpp -------------------------------------------------===//

#include "rules/ZeroedPageRule.h"
#include "analysis/AstNavigation.h"
#include "analysis/InstallAddress.h"
#include "analysis/LevelConstructors.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ProvenanceCollector.h"
#include "pgmigrate/Rules.h"
#include "rules/AllocatorSite.h"
#include "rules/IntegerHolder.h"
#include "support/FindingBuilder.h"
#include "support/GfpExpression.h"
#include "support/GfpFlags.h"
#include "support/MacroCall.h"
#include "support/PageAllocators.h"
#include "support/SourceText.h"
#include "support/TokenSpelling.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

static const llvm::StringRef AllocatorMacros[] = {
    "get_zeroed_page", "__get_free_pages", "__get_free_page"};
static const llvm::StringRef FreeMacros[] = {"free_page"};

/// What allocations and frees have in common: where the call is written
/// (the allocator site), its order, and the verdict.
struct ZeroedPageRule::Site : AllocatorSite {
  std::optional<uint64_t> Order;
  /// Why it cannot be edited; empty when it can.
  std::string Refusal;
  /// The call as written, for messages.
  std::string What;
  /// "replace 'old' with 'new'", and what follows the evidence the solve
  /// adds ("; gains zeroing: ...").
  std::string Message;
  std::string Note;
  tooling::Replacement Edit;
  /// The edits that go with Edit: an integer holder's declaration and
  /// casts (IntegerHolder.h).
  std::vector<tooling::Replacement> MoreEdits;
  /// Frees: Edit with a NULL test added, and its message (Finding.h).
  std::optional<tooling::Replacement> GuardedEdit;
  std::string GuardedMessage;
  /// The site's per-level form (--target=level).
  LevelForm Level;

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
  /// The variable that keeps it, if any.
  const VarDecl *Var = nullptr;
  /// Var when it is an integer local retyped to a pointer.
  std::optional<IntegerHolder> Holder;
};

struct ZeroedPageRule::Free : ZeroedPageRule::Site {
  /// The freed integer local, when it is retyped to a pointer.
  const DeclRefExpr *Retyped = nullptr;
};

namespace {

// Why an integer variable Var that keeps a page cannot simply become a
// pointer: a local that is not retypable says which use prevents it.
std::string integerRefusal(const IntegerHolder &H) {
  if (!H.Var || !H.Var->hasLocalStorage() || isa<ParmVarDecl>(H.Var))
    return "converting needs a type change";
  return "converting needs a type change, and '" + H.Var->getName().str() +
         "' cannot become a pointer: " +
         (H.Refusal.empty() ? "it holds another allocation" : H.Refusal);
}

// "; retypes 'x' from unsigned long to 'pmd_t *' (the type its casts name;
// 2 casts dropped)".
std::string retypeMessage(const IntegerHolder &H) {
  std::string Message = "; retypes '" + H.Var->getName().str() + "' from " +
                        H.Var->getType().getAsString() + " to '" + H.NewType +
                        "' (" + H.TypeReason;
  if (H.DroppedCasts)
    Message += "; " + std::to_string(H.DroppedCasts) +
               (H.DroppedCasts == 1 ? " cast" : " casts") + " dropped";
  return Message + ")";
}

} // namespace

ZeroedPageRule::ZeroedPageRule(const MigrationOptions &Options)
    : AllocName(Options.AllocName), FreeName(Options.FreeName),
      ApiImplementationNames(Options.apiImplementationNames()) {}

ZeroedPageRule::~ZeroedPageRule() = default;

llvm::StringRef ZeroedPageRule::name() const { return ZeroedPageRule::Name; }

void ZeroedPageRule::addTriggerNames(std::vector<std::string> &Names) const {
  for (llvm::StringRef Name : pageAllocatorFunctions())
    Names.push_back(Name.str());
  Names.push_back("free_pages");
}

void ZeroedPageRule::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Callback) {
  // The declared allocator, whatever the tree wraps it in (see
  // PageAllocators.h); check() keeps the calls of the right arity.
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName(pageAllocatorFunctions()))))
          .bind("alloc"),
      Callback);
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasName("free_pages"))), argumentCountIs(2))
          .bind("free"),
      Callback);
}

ZeroedPageRule::Allocation
ZeroedPageRule::analyzeAllocation(const CallExpr *Call,
                                  ASTContext &Context) const {
  Allocation A;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();

  static_cast<AllocatorSite &>(A) = locateAllocatorSite(
      Call, AllocatorMacros, ApiImplementationNames, Context);
  if (!A.Candidate)
    return A;

  bool Zeroed = oldAllocatorCalled(Call) == OldAllocator::ZeroedPage;
  bool HasOrderArgument = !Zeroed && A.Where.Name != "__get_free_page";
  A.What = refusalWhat(A.Where, A.Where.editable(SM), SM, LO);

  findAllocationTarget(A, Context);
  if (A.IntegerUse && A.Var && !A.OuterCast &&
      isIntegerHolderType(A.Var, Context)) {
    IntegerHolder H = analyzeIntegerHolder(A.Var, Context);
    if (H.retypable() && H.Allocation == Call)
      A.Holder = std::move(H);
    else
      A.refuse(("kept as unsigned long '" + A.Var->getName() +
                "': " + integerRefusal(H))
                   .str());
  } else if (A.IntegerUse) {
    A.refuse(A.Var ? ("kept as unsigned long '" + A.Var->getName() +
                      "': converting needs a type change")
                         .str()
                   : "the address is kept as unsigned long: converting "
                     "needs a type change");
  }

  checkHighmem(A, Call, Context);

  if (!HasOrderArgument) {
    A.Order = 0;
  } else {
    A.Order = constantValue(Call->getArg(1), Context);
    if (!A.Order)
      A.refuse("the order '" + textOf(Call->getArg(1), SM, LO) +
               "' is not a constant");
  }

  makeAllocationEdit(A, Call, HasOrderArgument, Zeroed, Context);
  return A;
}

void ZeroedPageRule::findAllocationTarget(Allocation &A,
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
  A.Var = allocationTarget(A.Top, Context).Var;
  if (A.Var && !A.Var->getType()->isPointerType())
    A.IntegerUse = true;
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
  bool InDefinition = spellInDefinition(A.Where, Tokens, SM);
  std::string Problem = InDefinition ? "" : editProblem(A.Where, Tokens, SM);
  if (InDefinition && A.Holder)
    Problem = "is written inside the definition of macro '" +
              A.Where.BodyMacro +
              "', and an expansion keeps the page in an unsigned long, which "
              "only that expansion could retype";
  if (!Problem.empty()) {
    // One message per macro whatever the expansion, so that units agree.
    A.Refusal = Problem;
    A.What = A.Where.Name + "()";
    return;
  }
  // The name and the closing parenthesis, as the edit spells them.
  size_t NameIndex = A.OuterCast ? 1 : 0;
  llvm::SmallVector<std::string, 2> Args =
      InDefinition
          ? invocationArguments(fileText(Tokens[NameIndex].FileLoc,
                                         Tokens[NameIndex + 1].FileLoc, SM, LO),
                                LO)
          : writtenArguments(A.Where, SM, LO);
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
  A.Note = Zeroing;
  A.Level.Call = New;
  A.Level.Gfp = Args[0];
  A.Level.Type =
      A.Holder ? A.Holder->NewType
               : A.Top->getType().getAsString(Context.getPrintingPolicy());
  // One edit of a macro's definition serves every expansion: an address
  // one expansion has in scope need not be another's.
  InstallAddress Address =
      InDefinition ? InstallAddress{"", "it is written in the definition of "
                                        "macro '" +
                                            A.Where.BodyMacro +
                                            "', whose expansions may map "
                                            "other addresses"}
                   : installAddress(A.Var, Call, Context);
  A.Level.Address = Address.Text;
  A.Level.NoAddress = Address.Missing;
  if (InDefinition)
    A.Note = definitionNote(A.Where.BodyMacro) + Zeroing;
  if (A.Holder) {
    // After the solve's evidence: what the edit does beyond the call.
    A.Note = retypeMessage(*A.Holder) + Zeroing;
    A.MoreEdits = A.Holder->Edits;
  }
}

ZeroedPageRule::Free ZeroedPageRule::analyzeFree(const CallExpr *Call,
                                                 ASTContext &Context) const {
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
  if (!Pointer) {
    // free_page(x) of an integer local that its allocation retypes.
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    std::string Why = ", not a pointer cast to it: converting needs a type "
                      "change";
    if (Var && isIntegerHolderType(Var, Context) && Var->hasLocalStorage() &&
        !isa<ParmVarDecl>(Var)) {
      IntegerHolder H = analyzeIntegerHolder(Var, Context);
      if (H.retypable() && llvm::is_contained(H.Frees, Call))
        R.Retyped = Ref;
      else
        Why = ": " + integerRefusal(H);
    }
    if (!R.Retyped)
      R.refuse(
          "the address '" +
          (Written.empty() ? textOf(Call->getArg(0), SM, LO) : Written[0]) +
          "' is kept as unsigned long" + Why);
  }

  if (R.Where.Name == "free_page") {
    R.Order = 0;
  } else {
    const Expr *OrderArg = Call->getArg(1);
    R.Order = constantValue(OrderArg, Context);
    if (!R.Order)
      R.refuse("the order '" +
               (Written.size() == 2 ? Written[1] : textOf(OrderArg, SM, LO)) +
               "' is not a constant");
  }

  makeFreeEdit(R, Pointer ? Cast : nullptr, Pointer ? Pointer : R.Retyped,
               Context);
  return R;
}

void ZeroedPageRule::makeFreeEdit(Free &R, const CStyleCastExpr *Cast,
                                  const Expr *Pointer,
                                  ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // invocation -> pgtable_free(p).
  llvm::SmallVector<TokenSpelling, 5> Tokens{R.Where.NameSpelling};
  if (Pointer) {
    if (Cast)
      Tokens.push_back(
          spellArgumentToken(Cast->getBeginLoc(), R.Where, SM, LO));
    Tokens.push_back(
        spellArgumentToken(Pointer->getBeginLoc(), R.Where, SM, LO));
    Tokens.push_back(spellArgumentToken(Pointer->getEndLoc(), R.Where, SM, LO));
  }
  Tokens.push_back(R.Where.EndSpelling);
  // Written whole in a macro's definition: the name, the cast and the
  // closing parenthesis are in the body; the pointer may be a parameter.
  llvm::SmallVector<TokenSpelling, 3> Definition{R.Where.NameSpelling};
  if (Cast)
    Definition.push_back(
        spellArgumentToken(Cast->getBeginLoc(), R.Where, SM, LO));
  Definition.push_back(R.Where.EndSpelling);
  if (Pointer && spellInDefinition(R.Where, Definition, SM)) {
    makeFreeEditInDefinition(R, Definition.front(), Definition.back(),
                             Cast != nullptr, SM, LO);
    return;
  }
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
  R.Level.Call = New;
  R.Level.Freed = fileText(WrittenBegin.FileLoc, WrittenEnd.FileLoc, SM, LO);
  if (!R.Retyped)
    R.Level.Type = Freed->getType().getAsString(Context.getPrintingPolicy());
  makeGuardedFreeEdit(
      R, Freed, fileText(WrittenBegin.FileLoc, WrittenEnd.FileLoc, SM, LO),
      Context);
}

namespace {

// Text without the parentheses that enclose all of it ("((p))" -> "p").
llvm::StringRef withoutOuterParens(llvm::StringRef Text) {
  Text = Text.trim();
  while (Text.startswith("(")) {
    size_t Close = matchingParen(Text);
    if (Close != Text.size() - 1)
      break;
    Text = Text.drop_front().drop_back().trim();
  }
  return Text;
}

} // namespace

// free_page((unsigned long)p) written in a macro's definition: the
// pointer is what the definition writes after the cast, often a
// parameter; one edit of the definition serves every expansion. No NULL
// test: an expansion may be an expression.
void ZeroedPageRule::makeFreeEditInDefinition(
    Free &R, const TokenSpelling &Name, const TokenSpelling &End, bool HasCast,
    const SourceManager &SM, const LangOptions &LO) const {
  llvm::SmallVector<std::string, 2> Args =
      invocationArguments(fileText(Name.FileLoc, End.FileLoc, SM, LO), LO);
  llvm::StringRef Pointer =
      Args.empty() ? "" : withoutOuterParens(Args.front());
  if (HasCast && Pointer.startswith("(")) {
    size_t Close = matchingParen(Pointer);
    Pointer = Close == llvm::StringRef::npos
                  ? ""
                  : withoutOuterParens(Pointer.drop_front(Close + 1));
  }
  if (Pointer.empty()) {
    R.refuse("its arguments are not written plainly");
    return;
  }
  if (R.Retyped) {
    R.refuse("is written inside the definition of macro '" + R.Where.BodyMacro +
             "', and an expansion frees an unsigned long, which only that "
             "expansion could retype");
    return;
  }
  std::string New = FreeName + "(" + Pointer.str() + ")";
  TokenRangeEdit Edit = replaceTokens(Name.FileLoc, End.FileLoc, New, SM, LO);
  R.Edit = Edit.Edit;
  R.Message = "replace '" + Edit.Old + "' with '" + oneLine(New) + "'";
  R.Note = definitionNote(R.Where.BodyMacro);
  R.Level.Call = New;
  R.Level.Freed = Pointer.str();
  R.Level.Problem = "it is written in the definition of macro '" +
                    R.Where.BodyMacro +
                    "', whose expansions may free pointers of any type";
}

// free_page(0) does nothing and pgtable_free(NULL) is not allowed: where the
// provenance shows the free may be given NULL, the conversion adds the test
// free_page() made. Only a free that is a statement of its own in a block
// (so that no `else` can attach to the new `if`), starts its line, and
// frees an expression without side effects (it is evaluated twice).
void ZeroedPageRule::makeGuardedFreeEdit(Free &R, const Expr *Freed,
                                         llvm::StringRef FreedText,
                                         ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  if (!R.Where.Outer || Freed->HasSideEffects(Context) ||
      !isa_and_nonnull<CompoundStmt>(parentStmt(R.Where.Outer, Context)))
    return;
  SourceLocation Start = R.Where.NameSpelling.FileLoc;
  auto [File, Offset] = SM.getDecomposedLoc(Start);
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Indent = Buffer.slice(LineStart, Offset);
  if (Indent.find_first_not_of(" \t") != llvm::StringRef::npos)
    return;
  std::string New = "if (" + FreedText.str() + ")\n" + Indent.str() + "\t" +
                    FreeName + "(" + FreedText.str() + ")";
  TokenRangeEdit Edit =
      replaceTokens(Start, R.Where.EndSpelling.FileLoc, New, SM, LO);
  R.GuardedEdit = Edit.Edit;
  R.GuardedMessage = "replace '" + Edit.Old + "' with '" + oneLine(New) + "'";
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
    llvm::append_range(F.Replacements, S.MoreEdits);
    if (S.GuardedEdit) {
      F.GuardedReplacements.push_back(*S.GuardedEdit);
      llvm::append_range(F.GuardedReplacements, S.MoreEdits);
      F.GuardedMessage = S.GuardedMessage;
    }
    F.SiteFile = S.Edit.getFilePath().str();
    F.SiteOffset = S.Edit.getOffset();
    F.SiteLength = S.Edit.getLength();
  } else {
    setSiteToExpansion(F, S.Where.Outer->getSourceRange(), SM, LO);
    // A refused expansion of a call written in a macro's definition: its
    // site is the definition, which a conversion of another expansion
    // would edit; the merger then sees the two disagree and edits nothing
    // (else the refused expansion would change with the definition).
    llvm::SmallVector<TokenSpelling, 2> Call{S.Where.NameSpelling,
                                             S.Where.EndSpelling};
    if (spellInDefinition(S.Where, Call, SM)) {
      CharSourceRange Range = CharSourceRange::getTokenRange(
          Call.front().FileLoc, Call.back().FileLoc);
      Range = Lexer::makeFileCharRange(Range, SM, LO);
      if (Range.isValid()) {
        F.SiteFile = absoluteFilePath(Range.getBegin(), SM);
        F.SiteOffset = SM.getFileOffset(Range.getBegin());
        F.SiteLength = SM.getFileOffset(Range.getEnd()) - F.SiteOffset;
      }
    }
  }
  F.MessageNote = S.Note;
  F.Level = S.Level;
  if (Converted)
    F.Level.Unavailable = unavailableLevels(Context);
  F.Role = Role;
  F.Order = S.Order;
  F.ObjectSite = siteKey(Call, SM);
  Sink.report(std::move(F));
}

void ZeroedPageRule::check(const MatchFinder::MatchResult &Result,
                           FindingSink &Sink) {
  ASTContext &Context = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("alloc")) {
    if (oldAllocatorCalled(Call) == OldAllocator::None)
      return;
    Allocation A = analyzeAllocation(Call, Context);
    if (A.Candidate)
      report(A, Call, PairingRole::Allocation, Context, Sink);
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("free")) {
    Free R = analyzeFree(Call, Context);
    if (R.Candidate)
      report(R, Call, PairingRole::Free, Context, Sink);
  }
}

} // namespace pgmigrate
