//===- PageTables.cpp -----------------------------------------------------===//

#include "analysis/PageTables.h"
#include "support/MacroCall.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pgmigrate {

llvm::StringRef levelName(TableLevel Level) {
  switch (Level) {
  case TableLevel::Pte:
    return "pte";
  case TableLevel::Pmd:
    return "pmd";
  case TableLevel::Pud:
    return "pud";
  case TableLevel::P4d:
    return "p4d";
  }
  llvm_unreachable("unknown level");
}

unsigned lineOf(SourceLocation Loc, const SourceManager &SM) {
  return SM.getExpansionLineNumber(Loc);
}

unsigned offsetOf(SourceLocation Loc, const SourceManager &SM) {
  return SM.getFileOffset(SM.getExpansionLoc(Loc));
}

std::string textOf(const Expr *E, const SourceManager &SM,
                   const LangOptions &LO) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, LO);
  if (Text.empty())
    Text = Lexer::getSourceText(SM.getExpansionRange(Range), SM, LO);
  return oneLine(Text);
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

static llvm::StringRef calleeName(const CallExpr *Call) {
  if (const FunctionDecl *F = Call->getDirectCallee())
    if (F->getIdentifier())
      return F->getName();
  return "";
}

// The level of the table held by an entry of the given kind.
static std::optional<TableLevel> tableUnder(llvm::StringRef Entry) {
  return llvm::StringSwitch<std::optional<TableLevel>>(Entry)
      .Case("pmd", TableLevel::Pte)
      .Case("pud", TableLevel::Pmd)
      .Case("p4d", TableLevel::Pud)
      .Case("pgd", TableLevel::P4d)
      .Default(std::nullopt);
}

// __pmd / native_make_pmd / pmd_populate_kernel ... -> "pmd"; else "".
static llvm::StringRef entryOfConstructor(llvm::StringRef Name) {
  Name.consume_front("native_make_") || Name.consume_front("__");
  if (Name == "pmd" || Name == "pud" || Name == "p4d" || Name == "pgd")
    return Name;
  return "";
}

static llvm::StringRef entryOfPopulate(llvm::StringRef Name) {
  Name.consume_back("_safe");
  Name.consume_back("_kernel");
  if (!Name.consume_back("_populate"))
    return "";
  if (Name == "pmd" || Name == "pud" || Name == "p4d" || Name == "pgd")
    return Name;
  return "";
}

static bool isPhysAddrCall(const CallExpr *Call) {
  llvm::StringRef Name = calleeName(Call);
  return Name == "__phys_addr" || Name == "__phys_addr_nodebug" ||
         Name == "__pa" || Name == "virt_to_phys";
}

std::optional<TableEvidence> installedTable(const DeclRefExpr *Use,
                                            ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const Expr *Top = climbParensAndCasts(Use, Context);
  const Stmt *Parent = parentStmt(Top, Context);
  const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
  if (!Call)
    return std::nullopt;
  unsigned Line = lineOf(Call->getBeginLoc(), SM);

  // pXd_populate(mm, entry, v)
  llvm::StringRef Populate = entryOfPopulate(calleeName(Call));
  if (!Populate.empty()) {
    if (Call->getNumArgs() != 3 || Call->getArg(2) != Top)
      return std::nullopt;
    return TableEvidence{
        *tableUnder(Populate),
        ("installed by " + calleeName(Call) + "() at line " + llvm::Twine(Line))
            .str()};
  }

  // __pXd(__pa(v) | flags): __pa(v) is __phys_addr((unsigned long)(v)).
  if (!isPhysAddrCall(Call) || Call->getNumArgs() != 1)
    return std::nullopt;
  const Expr *Value = Call;
  while (const Stmt *Up = parentStmt(Value, Context)) {
    if (isa<ParenExpr>(Up) || isa<CastExpr>(Up)) {
      Value = cast<Expr>(Up);
      continue;
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(Up)) {
      if (Op->getOpcode() == BO_Or || Op->getOpcode() == BO_Add) {
        Value = Op;
        continue;
      }
      return std::nullopt;
    }
    if (const auto *Outer = dyn_cast<CallExpr>(Up)) {
      llvm::StringRef Entry = entryOfConstructor(calleeName(Outer));
      if (Entry.empty() || Outer->getNumArgs() != 1)
        return std::nullopt;
      return TableEvidence{*tableUnder(Entry),
                           ("installed by __" + Entry + "(__pa()) at line " +
                            llvm::Twine(lineOf(Outer->getBeginLoc(), SM)))
                               .str()};
    }
    break;
  }
  // An entry macro that builds the entry without a function, e.g.
  // #define __pmd(x) ((pmd_t) { (x) }): the token of v sits in the
  // arguments of __pa and then of __pXd.
  llvm::SmallVector<std::string, 4> Macros =
      enclosingMacroArguments(Use->getLocation(), SM, LO);
  auto Pa = llvm::find(Macros, "__pa");
  if (Pa == Macros.end())
    return std::nullopt;
  for (auto It = std::next(Pa); It != Macros.end(); ++It) {
    llvm::StringRef Name = *It;
    if (Name.startswith("__") && !entryOfConstructor(Name).empty())
      return TableEvidence{
          *tableUnder(entryOfConstructor(Name)),
          ("installed by " + Name + "(__pa()) at line " + llvm::Twine(Line))
              .str()};
  }
  return std::nullopt;
}

std::optional<TableEvidence> derivedTable(const Expr *E, ASTContext &Context) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call)
    return std::nullopt;
  llvm::StringRef Name = calleeName(Call);
  std::optional<TableLevel> Level =
      llvm::StringSwitch<std::optional<TableLevel>>(Name)
          .Case("pmd_page_vaddr", TableLevel::Pte)
          .Case("pud_pgtable", TableLevel::Pmd)
          .Case("pud_page_vaddr", TableLevel::Pmd)
          .Case("p4d_pgtable", TableLevel::Pud)
          .Case("p4d_page_vaddr", TableLevel::Pud)
          .Case("pgd_page_vaddr", TableLevel::P4d)
          .Default(std::nullopt);
  if (Level && Call->getNumArgs() == 1)
    return TableEvidence{*Level, ("from " + Name + "()").str()};
  // The first entry of the table under an entry: pXd_offset(parent, 0).
  Level = llvm::StringSwitch<std::optional<TableLevel>>(Name)
              .Case("pte_offset_kernel", TableLevel::Pte)
              .Case("pmd_offset", TableLevel::Pmd)
              .Case("pud_offset", TableLevel::Pud)
              .Case("p4d_offset", TableLevel::P4d)
              .Default(std::nullopt);
  if (!Level || Call->getNumArgs() != 2)
    return std::nullopt;
  Expr::EvalResult Address;
  const Expr *Arg = Call->getArg(1);
  if (Arg->isValueDependent() || !Arg->EvaluateAsInt(Address, Context) ||
      !Address.Val.getInt().isZero())
    return std::nullopt;
  return TableEvidence{*Level, ("from " + Name + "(..., 0)").str()};
}

// ---- gfp masks ----

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
    const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(Body);
    unsigned Length = SM.getFileIDSize(Body);
    (void)Entry;
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
  if (!Var->hasLocalStorage() || !Var->getInit() || !Function ||
      !Function->hasBody())
    return FlagState::Unknown;
  WriteCollector Writes(Var);
  Writes.TraverseStmt(Function->getBody());
  if (Writes.Other)
    return FlagState::Unknown;
  FlagState State = flagIn(Var->getInit(), Flag, Function, Context, Depth + 1);
  for (const BinaryOperator *Write : Writes.Writes) {
    FlagState RHS = flagIn(Write->getRHS(), Flag, Function, Context, Depth + 1);
    switch (Write->getOpcode()) {
    case BO_Assign:
      State = combine(State, RHS);
      break;
    case BO_AndAssign:
      // Clearing bits never adds the flag; it may be clearing it.
      if (State == FlagState::Present &&
          maskKeeps(Write->getRHS(), Flag, Context) != FlagState::Present)
        State = FlagState::Unknown;
      break;
    case BO_OrAssign:
      if (RHS != FlagState::Absent && State != FlagState::Present)
        State = FlagState::Unknown;
      break;
    default:
      State = FlagState::Unknown;
    }
  }
  return State;
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
