//===- ProvenanceCollector.cpp --------------------------------------------===//

#include "pgmigrate/ProvenanceCollector.h"
#include "analysis/AstNavigation.h"
#include "analysis/FactsPruning.h"
#include "analysis/LocalDefinitions.h"
#include "analysis/NullGuard.h"
#include "analysis/TableEvidence.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/Provenance.h"
#include "support/SourceText.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace pgmigrate {

namespace {

bool isAllocatorCallee(llvm::StringRef Name) {
  return Name == "get_zeroed_page_noprof" || Name == "get_free_pages_noprof";
}

bool isFreeCall(const CallExpr *Call) {
  return calleeName(Call) == "free_pages" && Call->getNumArgs() == 2;
}

// The typedef names of page-table entries: a pointer to one is a table.
// A function that reads the pointer it is given and neither keeps nor frees
// it (kernel-hooks.def), or a compiler builtin: no flow goes in, and what it
// returns (a physical address, a size) is not the page.
bool isReader(const FunctionDecl *F) {
  return F->getBuiltinID() != 0 ||
         KernelContracts::kernel().isReader(F->getName());
}

bool isEntryTypedef(QualType T) {
  while (const auto *Typedef = T->getAs<TypedefType>()) {
    llvm::StringRef Name = Typedef->getDecl()->getName();
    if (Name == "pgd_t" || Name == "p4d_t" || Name == "pud_t" ||
        Name == "pmd_t" || Name == "pte_t")
      return true;
    T = Typedef->getDecl()->getUnderlyingType();
  }
  return false;
}

// "installed by __pmd(__pa()) at line 21" without its line: a fact has
// its own place.
std::string withoutLine(llvm::StringRef How) {
  return How.split(" at line ").first.str();
}

/// What an expression's value is to the facts.
struct Value {
  enum Kind {
    /// A null pointer constant: holds no page.
    Null,
    /// The value of a node.
    Node,
    /// Something the facts do not follow (arithmetic, a load through a
    /// pointer, a call through a function pointer).
    Unknown,
  } K = Unknown;
  std::string Name;
};

class FactsVisitor : public RecursiveASTVisitor<FactsVisitor> {
public:
  explicit FactsVisitor(ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()),
        Config(Context.getTargetInfo().getTriple().getArchName().str()) {
    Facts.Config = Config;
  }

  ProvenanceFacts take() { return std::move(Facts); }

  bool shouldVisitImplicitCode() const { return false; }

  // Code that is not evaluated: typeof() (alloc_hooks_tag() names its
  // argument there too), sizeof, _Alignof.
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseTypeOfExprType(TypeOfExprType *) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *,
                                        DataRecursionQueue * = nullptr) {
    return true;
  }

  bool TraverseFunctionDecl(FunctionDecl *F) {
    const FunctionDecl *Saved = Function;
    std::unique_ptr<LocalDefinitions> SavedDefs = std::move(Defs);
    if (F->doesThisDeclarationHaveABody()) {
      Function = F;
      Facts.Defined.push_back(functionKey(F));
      Defs = std::make_unique<LocalDefinitions>(F, Context);
    }
    bool Result = RecursiveASTVisitor::TraverseFunctionDecl(F);
    Function = Saved;
    Defs = std::move(SavedDefs);
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call);
  bool VisitBinaryOperator(BinaryOperator *Op);
  bool VisitUnaryOperator(UnaryOperator *Op);
  bool VisitVarDecl(VarDecl *Var);
  bool VisitReturnStmt(ReturnStmt *Return);
  bool VisitGCCAsmStmt(GCCAsmStmt *Asm);
  bool VisitDeclRefExpr(DeclRefExpr *Ref);
  bool VisitMemberExpr(MemberExpr *Member);

private:
  SourcePlace placeOf(SourceLocation Loc) const {
    SourceLocation At = SM.getExpansionLoc(Loc);
    return {absoluteFilePath(At, SM), SM.getExpansionLineNumber(At)};
  }
  std::string text(const Expr *E) const {
    return textOf(E, SM, Context.getLangOpts());
  }
  /// E as written where its tokens are spelled (a macro argument's own
  /// text, not the whole invocation), else text().
  std::string writtenText(const Expr *E) const {
    SourceLocation Begin = SM.getSpellingLoc(E->getBeginLoc());
    SourceLocation End = SM.getSpellingLoc(E->getEndLoc());
    if (SM.getFileID(Begin) == SM.getFileID(End) &&
        !SM.isBeforeInTranslationUnit(End, Begin)) {
      llvm::StringRef Written =
          Lexer::getSourceText(CharSourceRange::getTokenRange(Begin, End), SM,
                               Context.getLangOpts());
      if (!Written.empty())
        return oneLine(Written);
    }
    return text(E);
  }
  bool holdsPage(QualType T) const;
  std::string locationKey(SourceLocation Loc) const;
  std::string functionKey(const FunctionDecl *F) const;
  std::optional<std::string> declNode(const ValueDecl *D);
  /// A field's node; Named is RECORD.FIELD.
  std::string fieldNodeOf(const FieldDecl *Field, std::string &Named) const;
  std::string fieldNode(const MemberExpr *Member);
  std::optional<std::string> lvalueNode(const Expr *E);
  /// The node Write (an assignment, ++ or --) writes through E.
  std::optional<std::string> targetNode(const Expr *E, const Stmt *Write);
  bool tracked(const VarDecl *Var) const { return Defs && Defs->tracked(Var); }
  std::string wholeNode(const VarDecl *Var, const std::string &Base);
  std::optional<std::string> writeNode(const VarDecl *Var, const Stmt *Write);
  std::optional<std::string> readNode(const DeclRefExpr *Ref);
  Value valueOf(const Expr *E);
  Value callValue(const CallExpr *Call);
  void flowInto(const std::string &Target, const Expr *From, SourceLocation At);
  void initialize(const std::string &Target, const Expr *Init,
                  SourceLocation At);
  void initializeRecord(const InitListExpr *List);
  void recordSite(const CallExpr *Call, PairingRole Role);
  void recordArguments(const CallExpr *Call);

  ASTContext &Context;
  const SourceManager &SM;
  std::string Config;
  const FunctionDecl *Function = nullptr;
  /// The current function's reaching definitions.
  std::unique_ptr<LocalDefinitions> Defs;
  ProvenanceFacts Facts;
};

bool FactsVisitor::holdsPage(QualType T) const {
  if (T.isNull())
    return false;
  if (const auto *Pointer = T->getAs<PointerType>()) {
    QualType Pointee = Pointer->getPointeeType();
    if (isEntryTypedef(Pointee))
      return true;
    QualType Canonical = Pointee.getCanonicalType();
    return Canonical->isVoidType() || Canonical->isIntegerType();
  }
  QualType Canonical = T.getCanonicalType();
  return Canonical->isIntegerType() && !Canonical->isBooleanType() &&
         Context.getTypeSize(Canonical) ==
             Context.getTargetInfo().getPointerWidth(LangAS::Default);
}

std::string FactsVisitor::locationKey(SourceLocation Loc) const {
  SourceLocation At = SM.getExpansionLoc(Loc);
  std::string Key =
      absoluteFilePath(At, SM) + ":" + std::to_string(SM.getFileOffset(At));
  if (Loc.isMacroID())
    Key += "+" + std::to_string(SM.getFileOffset(SM.getSpellingLoc(Loc)));
  return Key;
}

std::string FactsVisitor::functionKey(const FunctionDecl *F) const {
  F = F->getFirstDecl();
  std::string Name = F->getNameAsString();
  if (F->isExternallyVisible())
    return Name;
  return absoluteFilePath(SM.getExpansionLoc(F->getLocation()), SM) + "#" +
         Name;
}

std::optional<std::string> FactsVisitor::declNode(const ValueDecl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var || !holdsPage(Var->getType()))
    return std::nullopt;
  std::string Node;
  if (const auto *Parm = dyn_cast<ParmVarDecl>(Var)) {
    const auto *Owner = dyn_cast<FunctionDecl>(Parm->getDeclContext());
    if (!Owner)
      return std::nullopt;
    Node = "param:" + Config + ":" + functionKey(Owner) + ":" +
           std::to_string(Parm->getFunctionScopeIndex());
  } else if (Var->hasLocalStorage()) {
    Node = "var:" + Config + ":" + locationKey(Var->getLocation());
  } else {
    Var = Var->getFirstDecl();
    std::string Name = Var->getNameAsString();
    if (const auto *Owner = dyn_cast<FunctionDecl>(Var->getDeclContext()))
      Name = Owner->getNameAsString() + "/" + Name; // a static local
    if (!Var->isExternallyVisible())
      Name = absoluteFilePath(SM.getExpansionLoc(Var->getLocation()), SM) +
             "#" + Name;
    Node = "global:" + Config + ":" + Name;
  }
  Facts.Names.try_emplace(Node, Var->getNameAsString());
  return Node;
}

std::string FactsVisitor::fieldNodeOf(const FieldDecl *Field,
                                      std::string &Named) const {
  const RecordDecl *Record = Field->getParent();
  std::string RecordName = Record->getNameAsString();
  if (RecordName.empty())
    if (const TypedefNameDecl *Typedef = Record->getTypedefNameForAnonDecl())
      RecordName = Typedef->getNameAsString();
  if (RecordName.empty())
    RecordName = locationKey(Record->getLocation());
  Named = RecordName + "." + Field->getNameAsString();
  return "field:" + Config + ":" + Named;
}

std::string FactsVisitor::fieldNode(const MemberExpr *Member) {
  std::string Named;
  std::string Node =
      fieldNodeOf(cast<FieldDecl>(Member->getMemberDecl()), Named);
  Facts.Names.try_emplace(Node, text(Member));
  return Node;
}

// A tracked variable is one node per definition ("<base>@<offset>" for a
// write, the variable's own node for its initializer or a parameter's
// incoming value), and "<base>@any" that every definition flows to, for a
// read the CFG does not show.
std::string FactsVisitor::wholeNode(const VarDecl *Var,
                                    const std::string &Base) {
  std::string Whole = Base + "@any";
  Facts.Names.try_emplace(Whole, Var->getNameAsString());
  return Whole;
}

std::optional<std::string> FactsVisitor::writeNode(const VarDecl *Var,
                                                   const Stmt *Write) {
  std::optional<std::string> Base = declNode(Var);
  if (!Base || !tracked(Var))
    return Base;
  SourceLocation At =
      isa<Expr>(Write) ? cast<Expr>(Write)->getExprLoc() : Write->getBeginLoc();
  std::string Node =
      *Base + "@" + std::to_string(SM.getFileOffset(SM.getExpansionLoc(At)));
  Facts.Names.try_emplace(Node, Var->getNameAsString());
  Facts.Flows.push_back({Node, wholeNode(Var, *Base), placeOf(At)});
  return Node;
}

std::optional<std::string> FactsVisitor::readNode(const DeclRefExpr *Ref) {
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  std::optional<std::string> Base = Var ? declNode(Var) : std::nullopt;
  if (!Base || !tracked(Var))
    return Base;
  std::optional<llvm::ArrayRef<LocalDefinitions::Definition>> Reaching =
      Defs->reaching(Ref);
  if (!Reaching)
    return wholeNode(Var, *Base);
  std::vector<std::string> Nodes;
  for (const LocalDefinitions::Definition &D : *Reaching)
    Nodes.push_back(D.Write ? *writeNode(Var, D.Write) : *Base);
  if (Nodes.empty())
    return std::nullopt; // not set on any path yet
  if (Nodes.size() == 1)
    return Nodes.front();
  std::string Merge = "expr:" + Config + ":" + locationKey(Ref->getLocation());
  Facts.Names.try_emplace(Merge, Var->getNameAsString());
  for (const std::string &From : Nodes)
    Facts.Flows.push_back({From, Merge, placeOf(Ref->getLocation())});
  return Merge;
}

std::optional<std::string> FactsVisitor::lvalueNode(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return readNode(Ref);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<FieldDecl>(Member->getMemberDecl()) && holdsPage(Member->getType()))
      return fieldNode(Member);
  return std::nullopt;
}

std::optional<std::string> FactsVisitor::targetNode(const Expr *E,
                                                    const Stmt *Write) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var ? writeNode(Var, Write) : std::nullopt;
  }
  return lvalueNode(E);
}

Value FactsVisitor::valueOf(const Expr *E) {
  E = E->IgnoreParens();
  if (isNull(E, Context))
    return {Value::Null, ""};
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_NoOp:
    case CK_BitCast:
    case CK_LValueToRValue:
    case CK_IntegralCast:
    case CK_PointerToIntegral:
    case CK_IntegralToPointer:
      return valueOf(Cast->getSubExpr());
    default:
      return {};
    }
  }
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) {
    if (std::optional<std::string> Node = lvalueNode(E))
      return {Value::Node, *Node};
    return {};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callValue(Call);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    std::string Node = "expr:" + Config + ":" + locationKey(E->getExprLoc());
    Facts.Names.try_emplace(Node, text(E));
    flowInto(Node, Cond->getTrueExpr(), Cond->getTrueExpr()->getExprLoc());
    flowInto(Node, Cond->getFalseExpr(), Cond->getFalseExpr()->getExprLoc());
    return {Value::Node, Node};
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->getOpcode() == BO_Comma)
      return valueOf(Op->getRHS());
    if (Op->getOpcode() == BO_Assign)
      return valueOf(Op->getLHS());
    return {};
  }
  // A GNU statement expression (alloc_hooks()) is its last expression.
  if (const auto *Statement = dyn_cast<StmtExpr>(E))
    if (!Statement->getSubStmt()->body_empty())
      if (const auto *Last =
              dyn_cast<Expr>(Statement->getSubStmt()->body_back()))
        return valueOf(Last);
  return {};
}

Value FactsVisitor::callValue(const CallExpr *Call) {
  if (isAllocatorCallee(calleeName(Call)))
    return {Value::Node, "site:" + siteKey(Call, SM)};
  if (std::optional<TableEvidence> Read = derivedTable(Call, Context)) {
    std::string Node = "read:" + Config + ":" + locationKey(Call->getExprLoc());
    Facts.Names.try_emplace(Node, text(Call));
    Facts.EntryReads.push_back({Node, levelName(Read->Level).str(), Read->How,
                                placeOf(Call->getBeginLoc())});
    return {Value::Node, Node};
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !holdsPage(Call->getType()) || isReader(Callee))
    return {};
  std::string Node = "ret:" + Config + ":" + functionKey(Callee);
  Facts.Names.try_emplace(Node, Callee->getNameAsString() + "()");
  return {Value::Node, Node};
}

void FactsVisitor::flowInto(const std::string &Target, const Expr *From,
                            SourceLocation At) {
  Value V = valueOf(From);
  if (V.K == Value::Node)
    Facts.Flows.push_back(
        {V.Name, Target, placeOf(At), guardedAgainstNull(From, From, Context)});
  else if (V.K == Value::Null)
    Facts.NullOrigins.push_back({Target, "is given NULL", placeOf(At)});
  else if (V.K == Value::Unknown)
    Facts.UnknownOrigins.push_back(
        {Target, "is given '" + text(From) + "'", placeOf(At)});
}

void FactsVisitor::initialize(const std::string &Target, const Expr *Init,
                              SourceLocation At) {
  flowInto(Target, Init, At);
}

// A struct initializer: each field given a value gets it.
void FactsVisitor::initializeRecord(const InitListExpr *List) {
  if (const InitListExpr *Semantic = List->getSemanticForm())
    List = Semantic;
  const RecordDecl *Record = List->getType()->getAsRecordDecl();
  if (!Record || Record->isUnion())
    return;
  unsigned Index = 0;
  for (const FieldDecl *Field : Record->fields()) {
    if (Index >= List->getNumInits())
      break;
    const Expr *Init = List->getInit(Index++);
    if (const auto *Nested = dyn_cast<InitListExpr>(Init->IgnoreParens())) {
      initializeRecord(Nested);
      continue;
    }
    if (!holdsPage(Field->getType()) || isa<ImplicitValueInitExpr>(Init))
      continue;
    std::string Named;
    std::string Node = fieldNodeOf(Field, Named);
    Facts.Names.try_emplace(Node, Named);
    initialize(Node, Init, Init->getBeginLoc());
  }
}

bool FactsVisitor::VisitVarDecl(VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (!Init || isa<ParmVarDecl>(Var))
    return true;
  if (const auto *List = dyn_cast<InitListExpr>(Init->IgnoreParens())) {
    initializeRecord(List);
    return true;
  }
  if (std::optional<std::string> Node = declNode(Var)) {
    initialize(*Node, Init, Var->getLocation());
    if (tracked(Var))
      Facts.Flows.push_back(
          {*Node, wholeNode(Var, *Node), placeOf(Var->getLocation())});
  }
  return true;
}

bool FactsVisitor::VisitBinaryOperator(BinaryOperator *Op) {
  if (!Op->isAssignmentOp())
    return true;
  std::optional<std::string> Target = targetNode(Op->getLHS(), Op);
  if (Op->getOpcode() != BO_Assign) {
    if (Target)
      Facts.UnknownOrigins.push_back(
          {*Target, "is changed in place", placeOf(Op->getOperatorLoc())});
    return true;
  }
  if (Target) {
    flowInto(*Target, Op->getRHS(), Op->getOperatorLoc());
    return true;
  }
  // *p = v, a[i] = v: the page goes where the facts do not follow.
  Value V = valueOf(Op->getRHS());
  if (V.K == Value::Node)
    Facts.Escapes.push_back(
        {V.Name, "is stored through a pointer", placeOf(Op->getOperatorLoc())});
  return true;
}

bool FactsVisitor::VisitUnaryOperator(UnaryOperator *Op) {
  std::optional<std::string> Node = Op->isIncrementDecrementOp()
                                        ? targetNode(Op->getSubExpr(), Op)
                                        : lvalueNode(Op->getSubExpr());
  if (!Node)
    return true;
  SourcePlace At = placeOf(Op->getOperatorLoc());
  if (Op->isIncrementDecrementOp()) {
    Facts.UnknownOrigins.push_back({*Node, "is changed in place", At});
  } else if (Op->getOpcode() == UO_AddrOf) {
    // Written and read through the pointer, where the facts do not follow.
    Facts.Escapes.push_back({*Node, "has its address taken", At});
    Facts.UnknownOrigins.push_back({*Node, "has its address taken", At});
  }
  return true;
}

bool FactsVisitor::VisitReturnStmt(ReturnStmt *Return) {
  const Expr *Result = Return->getRetValue();
  if (!Function || !Result || !holdsPage(Function->getReturnType()))
    return true;
  std::string Node = "ret:" + Config + ":" + functionKey(Function);
  Facts.Names.try_emplace(Node, Function->getNameAsString() + "()");
  Value V = valueOf(Result);
  if (V.K == Value::Node)
    Facts.Flows.push_back({V.Name, Node, placeOf(Return->getReturnLoc())});
  else if (V.K == Value::Null)
    Facts.NullOrigins.push_back(
        {Node, "returns NULL", placeOf(Return->getReturnLoc())});
  else if (V.K == Value::Unknown)
    Facts.UnknownOrigins.push_back({Node, "returns '" + text(Result) + "'",
                                    placeOf(Return->getReturnLoc())});
  return true;
}

bool FactsVisitor::VisitGCCAsmStmt(GCCAsmStmt *Asm) {
  SourcePlace At = placeOf(Asm->getAsmLoc());
  for (const Expr *In : Asm->inputs()) {
    Value V = valueOf(In);
    if (V.K == Value::Node)
      Facts.Escapes.push_back({V.Name, "is an operand of inline asm", At});
  }
  for (const Expr *Out : Asm->outputs())
    if (std::optional<std::string> Node = lvalueNode(Out))
      Facts.UnknownOrigins.push_back({*Node, "is written by inline asm", At});
  return true;
}

bool FactsVisitor::VisitDeclRefExpr(DeclRefExpr *Ref) {
  if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl())) {
    const Stmt *Parent = parentStmt(Ref, Context);
    const auto *Decay = dyn_cast_or_null<ImplicitCastExpr>(Parent);
    const auto *Call =
        Decay ? dyn_cast_or_null<CallExpr>(parentStmt(Decay, Context))
              : nullptr;
    if (!Call || Call->getCallee() != Decay)
      Facts.AddressTakenFunctions.push_back(
          {functionKey(F), F->getNameAsString(), placeOf(Ref->getLocation())});
    return true;
  }
  if (std::optional<std::string> Node = readNode(Ref))
    if (std::optional<TableEvidence> Installed = installedTable(Ref, Context))
      Facts.Installs.push_back({*Node, levelName(Installed->Level).str(),
                                withoutLine(Installed->How),
                                placeOf(Ref->getLocation())});
  return true;
}

bool FactsVisitor::VisitMemberExpr(MemberExpr *Member) {
  if (!isa<FieldDecl>(Member->getMemberDecl()) || !holdsPage(Member->getType()))
    return true;
  if (std::optional<TableEvidence> Installed = installedTable(Member, Context))
    Facts.Installs.push_back(
        {fieldNode(Member), levelName(Installed->Level).str(),
         withoutLine(Installed->How), placeOf(Member->getExprLoc())});
  return true;
}

void FactsVisitor::recordSite(const CallExpr *Call, PairingRole Role) {
  ProvenanceFacts::Site Site;
  Site.Key = siteKey(Call, SM);
  Site.Role = Role;
  Site.At = placeOf(Call->getBeginLoc());
  llvm::StringRef Name = calleeName(Call);
  Name.consume_back("_noprof");
  // The name as written (get_zeroed_page, __get_free_page, free_page, ...).
  SourceLocation Written = SM.getExpansionLoc(Call->getBeginLoc());
  Site.Call =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Written, Written), SM,
                           Context.getLangOpts())
          .str() +
      "()";
  if (Role == PairingRole::Allocation) {
    if (Name == "get_zeroed_page")
      Site.Order = 0;
    else if (Call->getNumArgs() == 2)
      Site.Order = constantValue(Call->getArg(1), Context);
    Facts.Names.try_emplace("site:" + Site.Key, Site.Call);
    Facts.Sites.push_back(std::move(Site));
    return;
  }
  Site.Order = constantValue(Call->getArg(1), Context);
  const Expr *Freed = Call->getArg(0);
  Site.FreedText = writtenText(Freed->IgnoreParens());
  Site.Guarded = guardedAgainstNull(Call, Freed, Context);
  std::string Node = "site:" + Site.Key;
  Facts.Names.try_emplace(Node, "the address " + Site.Call + " frees");
  Value V = valueOf(Freed);
  if (V.K == Value::Node) {
    Site.Freed = V.Name;
  } else if (V.K == Value::Unknown) {
    // An address computed from a node (p + 1, addr & PAGE_MASK): the free
    // belongs to that node's objects, and its rule cannot convert it.
    Facts.UnknownOrigins.push_back(
        {Node, "is computed ('" + Site.FreedText + "'), not a table pointer",
         Site.At});
    llvm::SmallVector<const Stmt *, 8> Work{Freed};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (const auto *E = dyn_cast<Expr>(S))
        if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
          if (std::optional<std::string> From = lvalueNode(E))
            Facts.Flows.push_back({*From, Node, Site.At});
      for (const Stmt *Child : S->children())
        if (Child)
          Work.push_back(Child);
    }
  }
  Facts.Sites.push_back(std::move(Site));
}

void FactsVisitor::recordArguments(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && isReader(Callee))
    return;
  SourcePlace At = placeOf(Call->getBeginLoc());
  if (!Callee) {
    for (const Expr *Arg : Call->arguments()) {
      Value V = valueOf(Arg);
      if (V.K == Value::Node)
        Facts.Escapes.push_back(
            {V.Name, "is passed to a function pointer", At});
    }
    return;
  }
  ProvenanceFacts::Call Fact;
  Fact.Callee = functionKey(Callee);
  Fact.CalleeName = Callee->getNameAsString();
  Fact.At = At;
  unsigned Declared = Callee->getNumParams();
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I);
    if (I >= Declared) {
      Value V = valueOf(Arg);
      if (V.K == Value::Node) {
        Fact.Variadic = true;
        Fact.Arguments.push_back({I, V.Name});
      }
      continue;
    }
    std::string Param =
        "param:" + Config + ":" + Fact.Callee + ":" + std::to_string(I);
    if (!holdsPage(Callee->getParamDecl(I)->getType())) {
      // Passed where no page is kept (a struct pointer, a bool): only its
      // node matters, as a use.
      continue;
    }
    Facts.Names.try_emplace(
        Param, Callee->getParamDecl(I)->getNameAsString().empty()
                   ? Fact.CalleeName + "() argument " + std::to_string(I + 1)
                   : Callee->getParamDecl(I)->getNameAsString());
    Value V = valueOf(Arg);
    if (V.K == Value::Node) {
      Facts.Flows.push_back(
          {V.Name, Param, At, guardedAgainstNull(Call, Arg, Context)});
      Fact.Arguments.push_back({I, V.Name});
    } else if (V.K == Value::Unknown) {
      Facts.UnknownOrigins.push_back(
          {Param, "is given '" + text(Arg) + "' by a call", At});
    }
  }
  if (!Fact.Arguments.empty())
    Facts.Calls.push_back(std::move(Fact));
}

bool FactsVisitor::VisitCallExpr(CallExpr *Call) {
  llvm::StringRef Name = calleeName(Call);
  if (isAllocatorCallee(Name)) {
    recordSite(Call, PairingRole::Allocation);
    return true;
  }
  if (isFreeCall(Call)) {
    recordSite(Call, PairingRole::Free);
    return true;
  }
  recordArguments(Call);
  return true;
}

} // namespace

std::string siteKey(const CallExpr *Call, const SourceManager &SM) {
  SourceLocation Loc = Call->getBeginLoc();
  SourceLocation At = SM.getExpansionLoc(Loc);
  std::string Key =
      absoluteFilePath(At, SM) + ":" + std::to_string(SM.getFileOffset(At));
  if (Loc.isMacroID())
    Key += "+" + std::to_string(SM.getFileOffset(SM.getSpellingLoc(Loc)));
  return Key;
}

ProvenanceFacts collectProvenanceFacts(ASTContext &Context) {
  FactsVisitor Visitor(Context);
  Visitor.TraverseDecl(Context.getTranslationUnitDecl());
  ProvenanceFacts Facts = Visitor.take();
  pruneFacts(Facts);
  return Facts;
}

} // namespace pgmigrate
