//===- PtdescAddressRule.cpp ----------------------------------------------===//

#include "rules/PtdescAddressRule.h"
#include "analysis/AstNavigation.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/Rules.h"
#include "rules/AllocatorSite.h"
#include "support/FindingBuilder.h"
#include "support/GfpExpression.h"
#include "support/GfpFlags.h"
#include "support/MacroCall.h"
#include "support/PageAllocators.h"
#include "support/SourceText.h"
#include "support/TokenSpelling.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

static const llvm::StringRef AllocatorMacros[] = {"pagetable_alloc"};

PtdescAddressRule::PtdescAddressRule(const MigrationOptions &Options)
    : AllocName(Options.AllocName),
      ApiImplementationNames(Options.apiImplementationNames()),
      SkipDescriptorUses(Options.TestingSkipDescriptorUses) {}

llvm::StringRef PtdescAddressRule::name() const {
  return PtdescAddressRule::Name;
}

void PtdescAddressRule::addTriggerNames(std::vector<std::string> &Names) const {
  for (llvm::StringRef Name : pagetableAllocFunctions())
    Names.push_back(Name.str());
}

void PtdescAddressRule::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName(pagetableAllocFunctions()))),
               argumentCountIs(2))
          .bind("alloc"),
      Callback);
}

namespace {

// The expression that holds Ref through parentheses and implicit casts.
const Expr *climbImplicit(const Expr *E, ASTContext &Context) {
  while (const Stmt *Parent = parentStmt(E, Context)) {
    if (!isa<ParenExpr>(Parent) && !isa<ImplicitCastExpr>(Parent))
      break;
    E = cast<Expr>(Parent);
  }
  return E;
}

// Ref only tests the ptdesc against NULL.
bool isNullTest(const DeclRefExpr *Ref, ASTContext &Context) {
  const Expr *E = climbImplicit(Ref, Context);
  DynTypedNodeList Parents = Context.getParents(*E);
  if (Parents.empty())
    return false;
  const DynTypedNode &P = Parents[0];
  if (const auto *Op = P.get<UnaryOperator>())
    return Op->getOpcode() == UO_LNot;
  if (const auto *Op = P.get<BinaryOperator>()) {
    if (Op->isLogicalOp())
      return true;
    if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE) {
      const Expr *Other = Op->getLHS() == E ? Op->getRHS() : Op->getLHS();
      return isNull(Other, Context);
    }
    return false;
  }
  if (const auto *If = P.get<IfStmt>())
    return If->getCond() == E;
  if (const auto *While = P.get<WhileStmt>())
    return While->getCond() == E;
  if (const auto *Cond = P.get<ConditionalOperator>())
    return Cond->getCond() == E;
  return false;
}

// The expression ptdesc_page(E) is, when E is the whole argument of an
// invocation of the macro ptdesc_page() (a cast to struct page *, or in
// 6.12 a _Generic of such casts): the invocation's outermost expression;
// else null.
const Expr *ptdescPageOf(const Expr *E, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const Expr *Top = nullptr;
  while (const Stmt *Parent = parentStmt(E, Context)) {
    const auto *P = dyn_cast<Expr>(Parent);
    if (!P || !(isa<ParenExpr>(P) || isa<CastExpr>(P) ||
                (isa<GenericSelectionExpr>(P) &&
                 cast<GenericSelectionExpr>(P)->getResultExpr() == E)))
      break;
    E = P;
    SourceLocation Begin = E->getBeginLoc();
    if (Begin.isMacroID() && SM.isMacroBodyExpansion(Begin) &&
        Lexer::getImmediateMacroName(Begin, SM, Context.getLangOpts()) ==
            "ptdesc_page")
      Top = E;
  }
  return Top;
}

// ptdesc_address(Ref), ptdesc_to_virt(Ref) or page_address(ptdesc_page(Ref)):
// the call that turns the ptdesc into its address, or null.
const CallExpr *addressCall(const DeclRefExpr *Ref, ASTContext &Context) {
  const Expr *E = climbImplicit(Ref, Context);
  const auto *Call = dyn_cast_or_null<CallExpr>(parentStmt(E, Context));
  llvm::StringRef Callee = Call ? calleeName(Call) : "";
  if (Call && (Callee == "ptdesc_address" || Callee == "ptdesc_to_virt") &&
      Call->getNumArgs() == 1 && Call->getArg(0) == E)
    return Call;
  const Expr *Page = ptdescPageOf(E, Context);
  if (!Page)
    return nullptr;
  Page = climbImplicit(Page, Context);
  Call = dyn_cast_or_null<CallExpr>(parentStmt(Page, Context));
  if (Call && calleeName(Call) == "page_address" && Call->getNumArgs() == 1 &&
      Call->getArg(0) == Page)
    return Call;
  return nullptr;
}

// What a use needs the ptdesc for, for a refusal.
std::string whatNeeds(const DeclRefExpr *Ref, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  std::string At = " at line " + std::to_string(lineOf(Ref->getBeginLoc(), SM));
  const Expr *E = climbParensAndCasts(Ref, Context);
  DynTypedNodeList Parents = Context.getParents(*E);
  if (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (const auto *Call = P.get<CallExpr>()) {
      llvm::StringRef Callee = calleeName(Call);
      if (Callee.empty())
        return "is passed to a function pointer" + At;
      if (Callee == "pagetable_free" || Callee == "__pagetable_free" ||
          Callee == "pagetable_free_kernel")
        return ("is freed with " + Callee + "()" + At).str();
      return ("is passed to " + Callee + "()" + At).str();
    }
    if (P.get<ReturnStmt>())
      return "is returned" + At;
    if (const auto *Op = P.get<BinaryOperator>())
      if (Op->getOpcode() == BO_Assign && Op->getRHS() == E)
        return "is stored in '" + textOf(Op->getLHS(), SM, LO) + "'" + At;
    if (const auto *Var = P.get<VarDecl>())
      return ("is stored in '" + Var->getName() + "'" + At).str();
    if (P.get<MemberExpr>())
      return "has its fields used" + At;
    if (P.get<InitListExpr>())
      return "is stored in an initializer" + At;
  }
  return "is used in '" + textOf(E, SM, LO) + "'" + At;
}

// Names declared or used in a function, to pick a new variable's name.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getIdentifier())
      Names.insert(Ref->getDecl()->getName());
    return true;
  }
  llvm::StringSet<> Names;
};

std::string freshName(const FunctionDecl *F, ASTContext &Context) {
  NameCollector Collector;
  Collector.TraverseDecl(const_cast<FunctionDecl *>(F));
  for (llvm::StringRef Candidate :
       {"table", "addr", "pgtable", "table_addr", "new_table"}) {
    if (Collector.Names.count(Candidate))
      continue;
    IdentifierInfo &Id = Context.Idents.get(Candidate);
    if (Id.hasMacroDefinition())
      continue;
    if (!Context.getTranslationUnitDecl()->lookup(DeclarationName(&Id)).empty())
      continue;
    return Candidate.str();
  }
  return "";
}

// A file location of a token that a rewrite may edit, or invalid.
SourceLocation editableToken(SourceLocation Loc, const SourceManager &SM,
                             const LangOptions &LO, std::string &Problem) {
  TokenSpelling Spelling = spellToken(Loc, SM, LO);
  if (Spelling.inMacroBody()) {
    if (Problem.empty())
      Problem = "is used inside the body of macro '" + Spelling.BodyMacro +
                "' at line " + std::to_string(lineOf(Loc, SM));
    return SourceLocation();
  }
  if (Spelling.FileLoc.isInvalid() && Problem.empty())
    Problem = "is used where the source cannot be edited";
  return Spelling.FileLoc;
}

// The location just after the ';' that ends S, or invalid.
SourceLocation afterSemicolon(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LO) {
  SourceLocation End = S->getEndLoc();
  if (isa<DeclStmt>(S))
    return End.isFileID() ? End.getLocWithOffset(1) : SourceLocation();
  if (!End.isFileID())
    End = SM.getExpansionRange(End).getEnd();
  return Lexer::findLocationAfterToken(
      End, tok::semi, SM, LO,
      /*SkipTrailingWhitespaceAndNewLine=*/false);
}

bool isNullReturn(const Stmt *S, ASTContext &Context) {
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return Block->size() == 1 && isNullReturn(Block->body_front(), Context);
  const auto *Return = dyn_cast<ReturnStmt>(S);
  return Return && Return->getRetValue() &&
         isNull(Return->getRetValue(), Context);
}

// The line that holds [Begin, End) when nothing else is on it: the range to
// delete (with its line break), else an empty pair.
std::pair<unsigned, unsigned> wholeLines(llvm::StringRef Buffer, unsigned Begin,
                                         unsigned End) {
  unsigned LineBegin = Begin;
  while (LineBegin > 0 && Buffer[LineBegin - 1] != '\n') {
    if (!isWhitespace(Buffer[LineBegin - 1]))
      return {0, 0};
    --LineBegin;
  }
  unsigned LineEnd = End;
  while (LineEnd < Buffer.size() && Buffer[LineEnd] != '\n') {
    if (!isWhitespace(Buffer[LineEnd]))
      return {0, 0};
    ++LineEnd;
  }
  if (LineEnd < Buffer.size())
    ++LineEnd;
  return {LineBegin, LineEnd};
}

bool blankLine(llvm::StringRef Line) { return Line.trim().empty(); }

/// What the rule learns about one site on its way to a conversion.
struct PtdescSite : AllocatorSite {
  /// The call as a refusal names it.
  std::string What;
  /// The local variable that receives the ptdesc, and the assignment that
  /// does when it is not its initialiser.
  const VarDecl *Var = nullptr;
  const BinaryOperator *Assignment = nullptr;
  /// The expression that holds the ptdesc once parentheses and casts apply.
  const Expr *Top = nullptr;
  /// Written as the whole value, not wrapped in a macro or parentheses.
  bool Bare = false;
  std::string VarName;
  /// The uses of the variable: the assignment, NULL tests and NULL stores
  /// (Renamed), ptdesc_address(var) (AddressCalls).
  const DeclRefExpr *AssignedRef = nullptr;
  std::vector<const DeclRefExpr *> Renamed;
  std::vector<const CallExpr *> AddressCalls;
  /// Test-only (MigrationOptions::TestingSkipDescriptorUses): statements of
  /// the variable's block that need the ptdesc, which the conversion drops.
  std::vector<const Stmt *> Skipped;
  /// The variable's declaration, alone in a DeclStmt of File.
  const DeclStmt *Decl = nullptr;
  FileID File;
  /// The new allocator call.
  std::string NewCall;
};

/// A conversion's edits and message.
struct PtdescEdits {
  std::vector<tooling::Replacement> Edits;
  std::string Message;
};

// Why the invocation cannot be edited where it is written, or ""; the
// refusal then names the call "name()".
std::string placementProblem(PtdescSite &S, const SourceManager &SM) {
  std::string Problem = macroPlacementProblem(S.Where);
  if (Problem.empty() && !S.Where.editable(SM))
    Problem = "is split across macro arguments or files";
  if (!Problem.empty())
    S.What = S.Where.Name + "()";
  return Problem;
}

// Finds the local variable that receives the ptdesc; the refusal, or "".
std::string findVariable(PtdescSite &S, ASTContext &Context) {
  S.Top = climbParensAndCasts(S.Where.Outer, Context);
  AllocationTarget Target = allocationTarget(S.Top, Context);
  S.Var = Target.Var;
  S.Assignment = Target.Assignment;
  std::string Escape = Target.Escape;
  if (Escape.empty())
    Escape = "is not kept in a variable";
  if (S.Var && (!S.Var->hasLocalStorage() || isa<ParmVarDecl>(S.Var))) {
    Escape =
        ("is stored in '" + S.Var->getName() + "', not a local variable").str();
    S.Var = nullptr;
  }
  if (!S.Var || !S.Function)
    return "the ptdesc " + Escape;
  for (const Expr *E = S.Where.Outer; E != S.Top;) {
    const Stmt *Parent = parentStmt(E, Context);
    if (isa<ExplicitCastExpr>(Parent))
      return "the ptdesc is cast to another type";
    E = cast<Expr>(Parent);
  }
  S.Bare = S.Top == S.Where.Outer && S.Where.NameSpelling.Arguments.empty();
  S.VarName = S.Var->getName().str();
  return "";
}

// True when Ref is in a part of a _Generic that is never evaluated: its
// controlling expression or an association it does not select (6.12's
// ptdesc_page() names its argument in all three).
bool inUnselectedGenericPart(const DeclRefExpr *Ref, ASTContext &Context) {
  const Stmt *Child = Ref;
  for (const Stmt *Parent = parentStmt(Ref, Context); Parent;
       Child = Parent, Parent = parentStmt(Parent, Context))
    if (const auto *Generic = dyn_cast<GenericSelectionExpr>(Parent))
      if (Generic->isResultDependent() || Generic->getResultExpr() != Child)
        return true;
  return false;
}

// ptdesc_to_virt() is page_to_virt(), which gives another address than the
// page_address() pgtable_alloc() returns for a highmem page: such a use
// converts only when the gfp mask surely has no __GFP_HIGHMEM. The refusal,
// or "".
std::string highmemProblem(const PtdescSite &S, const CallExpr *Call,
                           ASTContext &Context) {
  bool ToVirt = llvm::any_of(S.AddressCalls, [](const CallExpr *Address) {
    return calleeName(Address) == "ptdesc_to_virt";
  });
  if (!ToVirt || gfpFlag(Call->getArg(0), "__GFP_HIGHMEM", S.Function,
                         Context) == FlagState::Absent)
    return "";
  return "the ptdesc '" + S.VarName +
         "' is turned into an address by ptdesc_to_virt() (page_to_virt()), "
         "which differs from pgtable_alloc()'s page_address() for a highmem "
         "page, and the gfp mask may include __GFP_HIGHMEM";
}

// Test-only: the statement of the variable's block that holds Ref, when it
// is neither the allocation nor its NULL test nor the return of its
// address (a constructor call, a marker, their failure paths); else null.
const Stmt *skippableStatement(const PtdescSite &S, const DeclRefExpr *Ref,
                               ASTContext &Context) {
  const Stmt *First = S.Assignment;
  if (!First) {
    DynTypedNodeList Parents = Context.getParents(*S.Var);
    First = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  }
  const auto *Block =
      First ? dyn_cast_or_null<CompoundStmt>(parentStmt(First, Context))
            : nullptr;
  if (!Block)
    return nullptr;
  const Stmt *Child = Ref;
  for (const Stmt *P = parentStmt(Ref, Context); P;
       Child = P, P = parentStmt(P, Context))
    if (P == Block)
      return isa<ReturnStmt>(Child) || Child == First ? nullptr : Child;
  return nullptr;
}

// Sorts every use of the variable: the assignment, NULL tests, the calls
// that turn it into its address; the refusal for any other use, or "".
std::string classifyUses(PtdescSite &S, const UnitIndex &Idx,
                         bool SkipDescriptorUses, ASTContext &Context) {
  for (const DeclRefExpr *Ref : Idx.usesOf(S.Var)) {
    if (inUnselectedGenericPart(Ref, Context))
      continue;
    if (std::optional<Write> W = writeAt(Ref, Context)) {
      if (S.Assignment && W->Value == S.Top) {
        S.AssignedRef = Ref;
        continue;
      }
      if (W->Value && isNull(W->Value, Context)) {
        S.Renamed.push_back(Ref);
        continue;
      }
      return "the ptdesc '" + S.VarName + "' is assigned again at line " +
             std::to_string(
                 lineOf(Ref->getBeginLoc(), Context.getSourceManager()));
    }
    if (isNullTest(Ref, Context)) {
      S.Renamed.push_back(Ref);
      continue;
    }
    if (const CallExpr *Address = addressCall(Ref, Context)) {
      S.AddressCalls.push_back(Address);
      continue;
    }
    if (SkipDescriptorUses)
      if (const Stmt *Skip = skippableStatement(S, Ref, Context)) {
        if (!llvm::is_contained(S.Skipped, Skip))
          S.Skipped.push_back(Skip);
        continue;
      }
    return "the ptdesc '" + S.VarName + "' " + whatNeeds(Ref, Context);
  }
  if (S.Var->getInit() && S.Var->getInit() != S.Top &&
      !isNull(S.Var->getInit(), Context))
    return "the ptdesc '" + S.VarName +
           "' has another value at its declaration";
  // The assignment must be among the uses (the conversion renames its
  // left-hand side); when the AST shows it otherwise, refuse.
  if (S.Assignment && !S.AssignedRef)
    return "the ptdesc '" + S.VarName +
           "' is assigned in a form the rule does not follow";
  return "";
}

// Finds the variable's declaration, which the conversion edits; the
// refusal, or "".
std::string findDeclaration(PtdescSite &S, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  S.File = SM.getFileID(S.Where.NameSpelling.FileLoc);
  DynTypedNodeList Parents = Context.getParents(*S.Var);
  S.Decl = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!S.Decl || !S.Decl->isSingleDecl() || !S.Decl->getBeginLoc().isFileID() ||
      !S.Decl->getEndLoc().isFileID() ||
      SM.getFileID(S.Decl->getBeginLoc()) != S.File)
    return "the declaration of '" + S.VarName +
           "' is shared with other variables or written through a macro";
  return "";
}

// The range that removes the declaration of an assigned variable with its
// line (and a blank line after it when it opened the block), or an empty
// range when the declaration does not stand alone on its line.
std::pair<unsigned, unsigned> declarationLines(const PtdescSite &S,
                                               llvm::StringRef Buffer,
                                               const SourceManager &SM) {
  unsigned DB = SM.getFileOffset(S.Decl->getBeginLoc());
  unsigned DE = SM.getFileOffset(S.Decl->getEndLoc()) + 1;
  auto [LB, LE] = wholeLines(Buffer, DB, DE);
  if (LB == LE || S.Var->getInit())
    return {0, 0};
  llvm::StringRef Before = Buffer.take_front(LB).rtrim("\n");
  llvm::StringRef PreviousLine = Before.drop_front(Before.rfind('\n') + 1);
  llvm::StringRef Rest = Buffer.drop_front(LE);
  llvm::StringRef NextLine = Rest.take_until([](char C) { return C == '\n'; });
  if (blankLine(NextLine) &&
      (PreviousLine.trim() == "{" || blankLine(PreviousLine)) &&
      NextLine.size() < Rest.size())
    LE += NextLine.size() + 1;
  return {LB, LE};
}

// The statement after First in its block is "if (!var) return NULL;" and
// the one after that "return ptdesc_address(var);": the last of them, or
// null.
const ReturnStmt *plainShapeEnd(const PtdescSite &S, const Stmt *First,
                                ASTContext &Context) {
  const auto *Block =
      dyn_cast_or_null<CompoundStmt>(parentStmt(First, Context));
  if (!S.Bare || !Block || S.AddressCalls.size() != 1 || S.Renamed.size() != 1)
    return nullptr;
  const Stmt *const *It = llvm::find(Block->body(), First);
  if (It == Block->body_end() || It + 1 == Block->body_end() ||
      It + 2 == Block->body_end())
    return nullptr;
  const auto *If = dyn_cast<IfStmt>(*(It + 1));
  // Test-only: the statements the conversion drops (S.Skipped).
  const Stmt *const *Last = It + 2;
  while (Last + 1 != Block->body_end() && llvm::is_contained(S.Skipped, *Last))
    ++Last;
  if (static_cast<size_t>(Last - (It + 2)) != S.Skipped.size())
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(*Last);
  if (If && Return && !If->getElse() && !If->getInit() &&
      !If->getConditionVariable() && isNullReturn(If->getThen(), Context) &&
      Return->getRetValue() &&
      Return->getRetValue()->IgnoreParenCasts() == S.AddressCalls[0] &&
      S.Renamed[0]->getBeginLoc() >= If->getCond()->getBeginLoc() &&
      S.Renamed[0]->getEndLoc() <= If->getCond()->getEndLoc())
    return Return;
  return nullptr;
}

// The plain shape: [declaration;] alloc; if (!var) return NULL;
// return ptdesc_address(var);  ->  return pgtable_alloc(...);
// False when the code has another shape.
bool convertPlainShape(const PtdescSite &S, ASTContext &Context,
                       PtdescEdits &Out) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const Stmt *First = S.Assignment ? static_cast<const Stmt *>(S.Assignment)
                                   : static_cast<const Stmt *>(S.Decl);
  const ReturnStmt *Return = plainShapeEnd(S, First, Context);
  if (!Return)
    return false;
  SourceLocation Begin = First->getBeginLoc();
  SourceLocation End = afterSemicolon(Return, SM, LO);
  if (!Begin.isFileID() || !End.isValid() || !End.isFileID() ||
      SM.getFileID(Begin) != S.File || SM.getFileID(End) != S.File)
    return false;
  llvm::StringRef Buffer = SM.getBufferData(S.File);
  unsigned B = SM.getFileOffset(Begin), E = SM.getFileOffset(End);
  llvm::StringRef Old = Buffer.slice(B, E);
  if (Old.contains("/*") || Old.contains("//") || Old.contains('#') ||
      Old.count('(') != Old.count(')'))
    return false;
  std::string New = "return " + S.NewCall + ";";
  Out.Edits.push_back(makeReplacement(Begin, End, New, SM));
  Out.Message = "replace '" + oneLine(Old) + "' with '" + oneLine(New) + "'";
  if (!S.Assignment)
    return true;
  auto [LB, LE] = declarationLines(S, Buffer, SM);
  if (LB == LE) {
    Out.Edits.clear();
    return false;
  }
  Out.Edits.insert(
      Out.Edits.begin(),
      tooling::Replacement(absoluteFilePath(Begin, SM), LB, LE - LB, ""));
  unsigned DB = SM.getFileOffset(S.Decl->getBeginLoc());
  unsigned DE = SM.getFileOffset(S.Decl->getEndLoc()) + 1;
  Out.Message +=
      "; the declaration '" + oneLine(Buffer.slice(DB, DE)) + "' goes";
  return true;
}

// The type of the address variable: the pointer type every
// ptdesc_address() is cast to (the casts then go), else "void *".
std::string addressType(const PtdescSite &S, ASTContext &Context,
                        bool &DropCasts) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  std::string Type;
  DropCasts = !S.AddressCalls.empty();
  for (const CallExpr *Address : S.AddressCalls) {
    const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(
        climbImplicit(Address, Context) == Address
            ? parentStmt(Address, Context)
            : nullptr);
    std::string This;
    if (Cast && Cast->getType()->isPointerType() &&
        Cast->getLParenLoc().isFileID() && Cast->getRParenLoc().isFileID())
      This = llvm::StringRef(
                 fileText(Cast->getLParenLoc(), Cast->getRParenLoc(), SM, LO))
                 .drop_front()
                 .drop_back()
                 .trim()
                 .str();
    if (This.empty() || (!Type.empty() && This != Type)) {
      DropCasts = false;
      break;
    }
    Type = This;
  }
  return DropCasts ? Type : "void *";
}

// Renames the NULL tests and replaces each ptdesc_address(var) (with its
// cast when DropCasts) by NewName; sets Problem when one cannot be edited.
void renameUses(const PtdescSite &S, const std::string &NewName, bool DropCasts,
                ASTContext &Context, PtdescEdits &Out, std::string &Problem) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  for (const DeclRefExpr *Ref : S.Renamed) {
    SourceLocation At = editableToken(Ref->getLocation(), SM, LO, Problem);
    if (At.isValid())
      Out.Edits.push_back(makeReplacement(
          At, At.getLocWithOffset(S.VarName.size()), NewName, SM));
  }
  for (const CallExpr *Address : S.AddressCalls) {
    const Expr *From = Address;
    if (DropCasts)
      From = cast<Expr>(parentStmt(Address, Context));
    SourceLocation B = editableToken(From->getBeginLoc(), SM, LO, Problem);
    SourceLocation E = editableToken(Address->getRParenLoc(), SM, LO, Problem);
    if (B.isValid() && E.isValid()) {
      if (!spelledTogether({spellToken(From->getBeginLoc(), SM, LO),
                            spellToken(Address->getRParenLoc(), SM, LO)},
                           SM)) {
        Problem = "is split across macro arguments or files";
        break;
      }
      Out.Edits.push_back(
          makeReplacement(B, E.getLocWithOffset(1), NewName, SM));
    }
  }
}

// Elsewhere the variable becomes the address: its declaration, the
// assignment, NULL tests and ptdesc_address() calls change. The refusal,
// or "".
std::string convertToAddress(const PtdescSite &S, ASTContext &Context,
                             PtdescEdits &Out) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  std::string NewName = freshName(S.Function, Context);
  if (NewName.empty())
    return "no free name for the address variable";
  bool DropCasts = false;
  std::string Type = addressType(S, Context, DropCasts);
  std::string Declarator =
      Type + (llvm::StringRef(Type).endswith("*") ? "" : " ") + NewName;

  SourceLocation DeclBegin = S.Decl->getBeginLoc();
  SourceLocation NameLoc = S.Var->getLocation();
  if (!NameLoc.isFileID() || SM.getFileID(NameLoc) != S.File)
    return "the declaration of '" + S.VarName + "' is written through a macro";
  SourceLocation CallBegin = S.Where.NameSpelling.FileLoc;
  SourceLocation CallEnd = S.Where.EndSpelling.FileLoc.getLocWithOffset(1);
  std::string Problem;
  if (!S.Assignment) {
    Out.Edits.push_back(makeReplacement(
        DeclBegin, NameLoc.getLocWithOffset(S.VarName.size()), Declarator, SM));
    Out.Edits.push_back(makeReplacement(CallBegin, CallEnd, S.NewCall, SM));
  } else {
    std::string Init;
    if (S.Var->getInit())
      Init = " = " + textOf(S.Var->getInit(), SM, LO);
    Out.Edits.push_back(makeReplacement(DeclBegin,
                                        S.Decl->getEndLoc().getLocWithOffset(1),
                                        Declarator + Init + ";", SM));
    SourceLocation Lhs =
        editableToken(S.AssignedRef->getLocation(), SM, LO, Problem);
    if (Lhs.isValid())
      Out.Edits.push_back(makeReplacement(
          Lhs, Lhs.getLocWithOffset(S.VarName.size()), NewName, SM));
    Out.Edits.push_back(makeReplacement(CallBegin, CallEnd, S.NewCall, SM));
  }
  renameUses(S, NewName, DropCasts, Context, Out, Problem);
  if (!Problem.empty())
    return "the ptdesc '" + S.VarName + "' " + Problem;
  Out.Message = "replace '" + S.What.substr(1, S.What.size() - 2) + "' with '" +
                oneLine(S.NewCall) + "'; the ptdesc '" + S.VarName +
                "' becomes '" + Declarator + "'";
  return "";
}

} // namespace

void PtdescAddressRule::check(const MatchFinder::MatchResult &Result,
                              FindingSink &Sink) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("alloc");
  if (!Call || oldAllocatorCalled(Call) != OldAllocator::PagetableAlloc)
    return;
  ASTContext &Context = *Result.Context;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();

  PtdescSite S;
  static_cast<AllocatorSite &>(S) = locateAllocatorSite(
      Call, AllocatorMacros, ApiImplementationNames, Context);
  if (!S.Candidate)
    return;
  S.What = refusalWhat(S.Where, S.Where.editable(SM), SM, LO);
  auto Refuse = [&](const std::string &Reason) {
    Finding F = makeFinding(name(), FindingKind::Refused, S.ReportAt, SM,
                            refusalMessage(S.What, Reason));
    setSiteToExpansion(F, S.Where.Outer->getSourceRange(), SM, LO);
    Sink.report(std::move(F));
  };

  std::string Problem = placementProblem(S, SM);
  if (Problem.empty())
    Problem = findVariable(S, Context);
  if (Problem.empty())
    Problem = classifyUses(S, Index.get(Context), SkipDescriptorUses, Context);
  if (Problem.empty())
    Problem = highmemProblem(S, Call, Context);
  llvm::SmallVector<std::string, 2> Args = writtenArguments(S.Where, SM, LO);
  if (Problem.empty() && Args.size() != 2)
    Problem = "its arguments are not written plainly";
  if (Problem.empty()) {
    S.NewCall = newAllocatorCall(
        newAllocatorName(AllocName, S.Where, S.Function), Args[0], Args[1]);
    Problem = findDeclaration(S, Context);
  }
  PtdescEdits Out;
  if (Problem.empty() && !convertPlainShape(S, Context, Out))
    Problem = S.Skipped.empty()
                  ? convertToAddress(S, Context, Out)
                  : "the ptdesc '" + S.VarName + "' is still needed";
  if (!Problem.empty()) {
    Refuse(Problem);
    return;
  }
  Out.Message += zeroingNote(Call->getArg(0), S.Function, Context,
                             "the gfp mask had no __GFP_ZERO");
  reportConversion(S.ReportAt, std::move(Out.Edits), Out.Message, SM, Sink);
}

void PtdescAddressRule::reportConversion(
    SourceLocation ReportAt, std::vector<tooling::Replacement> Edits,
    const std::string &Message, const SourceManager &SM,
    FindingSink &Sink) const {
  Finding F =
      makeFinding(name(), FindingKind::Converted, ReportAt, SM, Message);
  unsigned Lowest = ~0u, Highest = 0;
  for (const tooling::Replacement &R : Edits) {
    Lowest = std::min(Lowest, R.getOffset());
    Highest = std::max(Highest, R.getOffset() + R.getLength());
  }
  std::sort(Edits.begin(), Edits.end(),
            [](const tooling::Replacement &A, const tooling::Replacement &B) {
              return A.getOffset() < B.getOffset();
            });
  F.Replacements = std::move(Edits);
  F.SiteFile = F.Replacements.front().getFilePath().str();
  F.SiteOffset = Lowest;
  F.SiteLength = Highest - Lowest;
  Sink.report(std::move(F));
}

} // namespace pgmigrate
