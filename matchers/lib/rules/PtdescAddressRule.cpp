//===- PtdescAddressRule.cpp ----------------------------------------------===//

#include "rules/PtdescAddressRule.h"
#include "analysis/AstNavigation.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/Rules.h"
#include "support/FindingBuilder.h"
#include "support/GfpExpression.h"
#include "support/GfpFlags.h"
#include "support/MacroCall.h"
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
      ApiImplementationNames(Options.apiImplementationNames()) {}

llvm::StringRef PtdescAddressRule::name() const {
  return PtdescAddressRule::Name;
}

void PtdescAddressRule::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasName("pagetable_alloc_noprof"))),
               argumentCountIs(2))
          .bind("alloc"),
      Callback);
}

namespace {

llvm::StringRef calleeName(const CallExpr *Call) {
  if (const FunctionDecl *F = Call->getDirectCallee())
    if (F->getIdentifier())
      return F->getName();
  return "";
}

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

// ptdesc_address(Ref): the call, or null.
const CallExpr *addressCall(const DeclRefExpr *Ref, ASTContext &Context) {
  const Expr *E = climbImplicit(Ref, Context);
  const auto *Call = dyn_cast_or_null<CallExpr>(parentStmt(E, Context));
  if (Call && calleeName(Call) == "ptdesc_address" && Call->getNumArgs() == 1 &&
      Call->getArg(0) == E)
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

} // namespace

void PtdescAddressRule::check(const MatchFinder::MatchResult &Result,
                              FindingSink &Sink) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("alloc");
  if (!Call)
    return;
  ASTContext &Context = *Result.Context;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();

  MacroCall Where = locateCall(Call, AllocatorMacros, Context);
  if (!Where.Outer)
    return;
  const FunctionDecl *Function = enclosingFunction(Call, Context);
  if (Function && Function->getIdentifier() &&
      llvm::is_contained(ApiImplementationNames, Function->getName()))
    return;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Call->getBeginLoc())))
    return;
  const UnitIndex &Idx = Index.get(Context);

  bool Editable = Where.editable(SM);
  std::string What =
      Editable ? "'" +
                     oneLine(fileText(Where.NameSpelling.FileLoc,
                                      Where.EndSpelling.FileLoc, SM, LO)) +
                     "'"
               : Where.Name + "()";
  SourceLocation ReportAt = Where.BodyLoc.isValid() && !Where.NameFromMacro
                                ? Where.BodyLoc
                            : Where.NameSpelling.FileLoc.isValid()
                                ? Where.NameSpelling.FileLoc
                                : SM.getExpansionLoc(Call->getBeginLoc());
  auto Refuse = [&](const std::string &Reason) {
    bool Is = llvm::StringRef(Reason).startswith("is ");
    Finding F =
        makeFinding(name(), FindingKind::Refused, ReportAt, SM,
                    "not converted: " + What + (Is ? " " : ": ") + Reason);
    setSiteToExpansion(F, Where.Outer->getSourceRange(), SM, LO);
    Sink.report(std::move(F));
  };
  if (Where.NameFromMacro) {
    What = Where.Name + "()";
    Refuse("is split across a macro boundary: its name comes from the body "
           "of macro '" +
           Where.BodyMacro + "'");
    return;
  }
  if (!Where.BodyMacro.empty()) {
    What = Where.Name + "()";
    Refuse("is written inside the definition of macro '" + Where.BodyMacro +
           "'; convert the macro by hand");
    return;
  }
  if (!Editable) {
    What = Where.Name + "()";
    Refuse("is split across macro arguments or files");
    return;
  }

  // The variable that receives the ptdesc.
  const Expr *Top = climbParensAndCasts(Where.Outer, Context);
  DynTypedNodeList Parents = Context.getParents(*Top);
  const VarDecl *Var = nullptr;
  const BinaryOperator *Assignment = nullptr;
  std::string Escape = "is not kept in a variable";
  if (!Parents.empty()) {
    if (const auto *V = Parents[0].get<VarDecl>()) {
      if (V->getInit() == Top)
        Var = V;
    } else if (const auto *Op = Parents[0].get<BinaryOperator>()) {
      if (Op->getOpcode() == BO_Assign && Op->getRHS() == Top) {
        Assignment = Op;
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Op->getLHS()->IgnoreParenImpCasts()))
          Var = dyn_cast<VarDecl>(Ref->getDecl());
        if (!Var)
          Escape = "is stored in '" + textOf(Op->getLHS(), SM, LO) + "'";
      }
    } else if (Parents[0].get<ReturnStmt>()) {
      Escape = "is returned";
    } else if (const auto *Outer = Parents[0].get<CallExpr>()) {
      Escape = "is passed to " + calleeName(Outer).str() + "()";
    }
  }
  if (Var && (!Var->hasLocalStorage() || isa<ParmVarDecl>(Var))) {
    Escape =
        ("is stored in '" + Var->getName() + "', not a local variable").str();
    Var = nullptr;
  }
  if (!Var || !Function) {
    Refuse("the ptdesc " + Escape);
    return;
  }
  for (const Expr *E = Where.Outer; E != Top;) {
    const Stmt *Parent = parentStmt(E, Context);
    if (isa<ExplicitCastExpr>(Parent)) {
      Refuse("the ptdesc is cast to another type");
      return;
    }
    E = cast<Expr>(Parent);
  }
  // Written as the whole value, not wrapped in a macro or parentheses.
  bool Bare = Top == Where.Outer && Where.NameSpelling.Arguments.empty();
  std::string VarName = Var->getName().str();

  // Every use of the variable: the assignment, NULL tests, ptdesc_address().
  const DeclRefExpr *AssignedRef = nullptr;
  std::vector<const DeclRefExpr *> Renamed;   // NULL tests and NULL stores
  std::vector<const CallExpr *> AddressCalls; // ptdesc_address(var)
  for (const DeclRefExpr *Ref : Idx.usesOf(Var)) {
    if (std::optional<Write> W = writeAt(Ref, Context)) {
      if (Assignment && W->Value == Top) {
        AssignedRef = Ref;
        continue;
      }
      if (W->Value && isNull(W->Value, Context)) {
        Renamed.push_back(Ref);
        continue;
      }
      Refuse("the ptdesc '" + VarName + "' is assigned again at line " +
             std::to_string(lineOf(Ref->getBeginLoc(), SM)));
      return;
    }
    if (isNullTest(Ref, Context)) {
      Renamed.push_back(Ref);
      continue;
    }
    if (const CallExpr *Address = addressCall(Ref, Context)) {
      AddressCalls.push_back(Address);
      continue;
    }
    Refuse("the ptdesc '" + VarName + "' " + whatNeeds(Ref, Context));
    return;
  }
  if (Var->getInit() && Var->getInit() != Top &&
      !isNull(Var->getInit(), Context)) {
    Refuse("the ptdesc '" + VarName + "' has another value at its declaration");
    return;
  }

  // The new call.
  llvm::SmallVector<std::string, 2> Args = writtenArguments(Where, SM, LO);
  if (Args.size() != 2) {
    Refuse("its arguments are not written plainly");
    return;
  }
  std::string Gfp = Args[0];
  if (std::optional<std::string> Simpler = dropGfpFlag(Gfp, "__GFP_ZERO"))
    Gfp = *Simpler;
  std::string Target = AllocName;
  if (!Where.ThroughMacro ||
      (Function->getIdentifier() && Function->getName().endswith("_noprof")))
    Target += "_noprof";
  std::string NewCall = Target + "(" + Gfp + ", " + Args[1] + ")";
  std::string Zeroing;
  switch (gfpFlag(Call->getArg(0), "__GFP_ZERO", Function, Context)) {
  case FlagState::Present:
    break;
  case FlagState::Absent:
    Zeroing = "; gains zeroing: the gfp mask had no __GFP_ZERO";
    break;
  case FlagState::Unknown:
    Zeroing = "; may gain zeroing: cannot tell whether the gfp mask "
              "includes __GFP_ZERO";
    break;
  }
  SourceLocation CallBegin = Where.NameSpelling.FileLoc;
  SourceLocation CallEnd = Where.EndSpelling.FileLoc.getLocWithOffset(1);
  FileID File = SM.getFileID(CallBegin);
  llvm::StringRef Buffer = SM.getBufferData(File);
  const auto *Decl = dyn_cast_or_null<DeclStmt>(
      Context.getParents(*Var).empty()
          ? nullptr
          : Context.getParents(*Var)[0].get<DeclStmt>());
  if (!Decl || !Decl->isSingleDecl() || !Decl->getBeginLoc().isFileID() ||
      !Decl->getEndLoc().isFileID() ||
      SM.getFileID(Decl->getBeginLoc()) != File) {
    Refuse("the declaration of '" + VarName +
           "' is shared with other variables or written through a macro");
    return;
  }

  std::vector<tooling::Replacement> Edits;
  std::string Message;

  // The plain shape: [declaration;] alloc; if (!var) return NULL;
  // return ptdesc_address(var);  ->  return pgtable_alloc(...);
  const Stmt *First = Assignment ? static_cast<const Stmt *>(Assignment)
                                 : static_cast<const Stmt *>(Decl);
  const auto *Block =
      dyn_cast_or_null<CompoundStmt>(parentStmt(First, Context));
  bool Plain = false;
  if (Bare && Block && AddressCalls.size() == 1 && Renamed.size() == 1) {
    const Stmt *const *It = llvm::find(Block->body(), First);
    if (It != Block->body_end() && It + 1 != Block->body_end() &&
        It + 2 != Block->body_end()) {
      const auto *If = dyn_cast<IfStmt>(*(It + 1));
      const auto *Return = dyn_cast<ReturnStmt>(*(It + 2));
      if (If && Return && !If->getElse() && !If->getInit() &&
          !If->getConditionVariable() && isNullReturn(If->getThen(), Context) &&
          Return->getRetValue() &&
          Return->getRetValue()->IgnoreParenCasts() == AddressCalls[0] &&
          Renamed[0]->getBeginLoc() >= If->getCond()->getBeginLoc() &&
          Renamed[0]->getEndLoc() <= If->getCond()->getEndLoc()) {
        SourceLocation Begin = First->getBeginLoc();
        SourceLocation End = afterSemicolon(Return, SM, LO);
        if (Begin.isFileID() && End.isValid() && End.isFileID() &&
            SM.getFileID(Begin) == File && SM.getFileID(End) == File) {
          unsigned B = SM.getFileOffset(Begin), E = SM.getFileOffset(End);
          llvm::StringRef Old = Buffer.slice(B, E);
          if (!Old.contains("/*") && !Old.contains("//") &&
              !Old.contains('#') && Old.count('(') == Old.count(')')) {
            std::string New = "return " + NewCall + ";";
            Edits.push_back(makeReplacement(Begin, End, New, SM));
            Message =
                "replace '" + oneLine(Old) + "' with '" + oneLine(New) + "'";
            Plain = true;
            if (Assignment) {
              // The declaration goes with its line (and a blank line after
              // it when it opened the block).
              unsigned DB = SM.getFileOffset(Decl->getBeginLoc());
              unsigned DE = SM.getFileOffset(Decl->getEndLoc()) + 1;
              auto [LB, LE] = wholeLines(Buffer, DB, DE);
              if (LB == LE || Var->getInit()) {
                Plain = false;
                Edits.clear();
              } else {
                llvm::StringRef Before = Buffer.take_front(LB).rtrim("\n");
                llvm::StringRef PreviousLine =
                    Before.drop_front(Before.rfind('\n') + 1);
                llvm::StringRef Rest = Buffer.drop_front(LE);
                llvm::StringRef NextLine =
                    Rest.take_until([](char C) { return C == '\n'; });
                if (blankLine(NextLine) &&
                    (PreviousLine.trim() == "{" || blankLine(PreviousLine)) &&
                    NextLine.size() < Rest.size())
                  LE += NextLine.size() + 1;
                Edits.insert(Edits.begin(),
                             tooling::Replacement(absoluteFilePath(Begin, SM),
                                                  LB, LE - LB, ""));
                Message += "; the declaration '" +
                           oneLine(Buffer.slice(DB, DE)) + "' goes";
              }
            }
          }
        }
      }
    }
  }

  if (!Plain) {
    // The variable becomes the address.
    std::string NewName = freshName(Function, Context);
    if (NewName.empty()) {
      Refuse("no free name for the address variable");
      return;
    }
    // Its type: the one every ptdesc_address() is cast to, else void *.
    std::string Type;
    bool DropCasts = !AddressCalls.empty();
    for (const CallExpr *Address : AddressCalls) {
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
    if (!DropCasts)
      Type = "void *";
    std::string Declarator =
        Type + (llvm::StringRef(Type).endswith("*") ? "" : " ") + NewName;
    std::string Problem;

    // The declaration.
    SourceLocation DeclBegin = Decl->getBeginLoc();
    SourceLocation NameLoc = Var->getLocation();
    if (!NameLoc.isFileID() || SM.getFileID(NameLoc) != File) {
      Refuse("the declaration of '" + VarName + "' is written through a macro");
      return;
    }
    if (!Assignment) {
      Edits.push_back(makeReplacement(
          DeclBegin, NameLoc.getLocWithOffset(VarName.size()), Declarator, SM));
      Edits.push_back(makeReplacement(CallBegin, CallEnd, NewCall, SM));
    } else {
      std::string Init;
      if (Var->getInit())
        Init = " = " + textOf(Var->getInit(), SM, LO);
      Edits.push_back(makeReplacement(DeclBegin,
                                      Decl->getEndLoc().getLocWithOffset(1),
                                      Declarator + Init + ";", SM));
      SourceLocation Lhs =
          editableToken(AssignedRef->getLocation(), SM, LO, Problem);
      if (Lhs.isValid())
        Edits.push_back(makeReplacement(
            Lhs, Lhs.getLocWithOffset(VarName.size()), NewName, SM));
      Edits.push_back(makeReplacement(CallBegin, CallEnd, NewCall, SM));
    }
    for (const DeclRefExpr *Ref : Renamed) {
      SourceLocation At = editableToken(Ref->getLocation(), SM, LO, Problem);
      if (At.isValid())
        Edits.push_back(makeReplacement(At, At.getLocWithOffset(VarName.size()),
                                        NewName, SM));
    }
    for (const CallExpr *Address : AddressCalls) {
      const Expr *From = Address;
      if (DropCasts)
        From = cast<Expr>(parentStmt(Address, Context));
      SourceLocation B = editableToken(From->getBeginLoc(), SM, LO, Problem);
      SourceLocation E =
          editableToken(Address->getRParenLoc(), SM, LO, Problem);
      if (B.isValid() && E.isValid()) {
        if (!spelledTogether({spellToken(From->getBeginLoc(), SM, LO),
                              spellToken(Address->getRParenLoc(), SM, LO)},
                             SM)) {
          Problem = "is split across macro arguments or files";
          break;
        }
        Edits.push_back(makeReplacement(B, E.getLocWithOffset(1), NewName, SM));
      }
    }
    if (!Problem.empty()) {
      Refuse("the ptdesc '" + VarName + "' " + Problem);
      return;
    }
    Message = "replace '" + What.substr(1, What.size() - 2) + "' with '" +
              oneLine(NewCall) + "'; the ptdesc '" + VarName + "' becomes '" +
              Declarator + "'";
  }
  Message += Zeroing;

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
