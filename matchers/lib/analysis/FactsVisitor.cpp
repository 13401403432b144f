//===- FactsVisitor.cpp - What each statement does with a page ------------===//

#include "analysis/FactsVisitor.h"
#include "analysis/AstNavigation.h"
#include "analysis/NullGuard.h"
#include "analysis/TableEvidence.h"
#include "pgmigrate/Provenance.h"
#include "pgmigrate/ProvenanceCollector.h"
#include "support/PageAllocators.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace pgmigrate {

namespace {

// "installed by __pmd(__pa()) at line 21" without its line: a fact has
// its own place.
std::string withoutLine(llvm::StringRef How) {
  return How.split(" at line ").first.str();
}

} // namespace

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
        {Target,
         "is given " + (V.What.empty() ? "'" + text(From) + "'" : V.What),
         placeOf(At)});
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
    if (!tracks(Field->getType()) || isa<ImplicitValueInitExpr>(Init))
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
  if (!Function || !Result || !tracks(Function->getReturnType()))
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
    Facts.UnknownOrigins.push_back(
        {Node,
         "returns " + (V.What.empty() ? "'" + text(Result) + "'" : V.What),
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
    if ((!Call || Call->getCallee() != Decay) && !followedFunctionUse(Ref, F))
      Facts.AddressTakenFunctions.push_back(
          {functionKey(F), F->getNameAsString(), placeOf(Ref->getLocation())});
    return true;
  }
  if (std::optional<std::string> Node = readNode(Ref))
    if (std::optional<TableEvidence> Installed = installedTable(Ref, Context))
      Facts.Installs.push_back({*Node, levelName(Installed->Level).str(),
                                withoutLine(Installed->How),
                                placeOf(Ref->getLocation()), Installed->Mm});
  return true;
}

bool FactsVisitor::VisitMemberExpr(MemberExpr *Member) {
  if (!isa<FieldDecl>(Member->getMemberDecl()) || !holdsPage(Member->getType()))
    return true;
  if (std::optional<TableEvidence> Installed = installedTable(Member, Context))
    Facts.Installs.push_back({fieldNode(Member),
                              levelName(Installed->Level).str(),
                              withoutLine(Installed->How),
                              placeOf(Member->getExprLoc()), Installed->Mm});
  return true;
}

ProvenanceFacts::Site FactsVisitor::describeSite(const CallExpr *Call,
                                                 PairingRole Role) const {
  ProvenanceFacts::Site Site;
  Site.Key = siteKey(Call, SM);
  Site.Role = Role;
  Site.At = placeOf(Call->getBeginLoc());
  // The name as written (get_zeroed_page, __get_free_page, free_page, ...).
  SourceLocation Written = SM.getExpansionLoc(Call->getBeginLoc());
  Site.Call =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Written, Written), SM,
                           Context.getLangOpts())
          .str() +
      "()";
  return Site;
}

void FactsVisitor::recordSite(const CallExpr *Call, PairingRole Role) {
  ProvenanceFacts::Site Site = describeSite(Call, Role);
  if (Role == PairingRole::Allocation) {
    if (oldAllocatorCalled(Call) == OldAllocator::ZeroedPage)
      Site.Order = 0;
    else if (Call->getNumArgs() == 2)
      Site.Order = constantValue(Call->getArg(1), Context);
    // As the 6.10+ shape names alloc_hooks()'s variable (nameOf()), so
    // that a plain allocator of older trees reads the same.
    Facts.Names.try_emplace("site:" + Site.Key, "the result of " + Site.Call);
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
  if (Callee && KernelContracts::kernel().isOtherFree(Callee->getName())) {
    std::string How = "is freed by " +
                      KernelContracts::plainName(Callee->getName()).str() +
                      "(), another allocator's free";
    for (const Expr *Arg : Call->arguments()) {
      Value V = valueOf(Arg);
      if (V.K == Value::Node)
        Facts.Escapes.push_back({V.Name, How, At});
    }
    return;
  }
  if (!Callee) {
    Value Pointer = valueOf(Call->getCallee());
    if (Pointer.K == Value::Node) {
      recordIndirectCall(Call, Pointer.Name);
      return;
    }
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
    if (!tracks(Callee->getParamDecl(I)->getType())) {
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
    } else {
      Facts.NullOrigins.push_back({Param, "is given NULL by a call", At});
    }
  }
  if (!Fact.Arguments.empty())
    Facts.Calls.push_back(std::move(Fact));
}

void FactsVisitor::recordIndirectCall(const CallExpr *Call,
                                      const std::string &Pointer) {
  ProvenanceFacts::IndirectCall Fact;
  Fact.Pointer = Pointer;
  if (holdsPage(Call->getType()))
    Fact.Result = indirectResultNode(Call);
  Fact.At = placeOf(Call->getBeginLoc());
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I);
    if (!tracks(Arg->getType()))
      continue;
    // "" and "null": the callee's parameter is given a value the facts do
    // not follow, or NULL.
    Value V = valueOf(Arg);
    Fact.Arguments.push_back({I, V.K == Value::Node   ? V.Name
                                 : V.K == Value::Null ? "null"
                                                      : ""});
  }
  Facts.IndirectCalls.push_back(std::move(Fact));
}

// The contexts that make a flow of the value at E (after the casts that
// keep it): an assignment to, or the initializer of, a variable or field
// that holds it, an argument of a parameter that does, a returned value.
bool FactsVisitor::followedFunctionUse(const DeclRefExpr *Ref,
                                       const FunctionDecl *F) {
  if (!holdsPage(F->getReturnType()))
    return false;
  // Up through what keeps the value: parentheses, casts, &, and an address
  // translation of it (riscv's kernel_mapping_pa_to_va(f)), which valueOf()
  // sees through too.
  const Expr *E = Ref;
  const Stmt *Parent = parentStmt(E, Context);
  llvm::SmallPtrSet<const Expr *, 8> Passed{E};
  for (unsigned Depth = 0; Parent && Depth < 16; ++Depth) {
    const auto *Up = dyn_cast<Expr>(Parent);
    if (!Up)
      break;
    const auto *Op = dyn_cast<UnaryOperator>(Up);
    bool Keeps = isa<ParenExpr>(Up) || isa<CastExpr>(Up) ||
                 (Op && Op->getOpcode() == UO_AddrOf);
    if (Keeps) {
      E = Up;
      Passed.insert(E);
      Parent = parentStmt(E, Context);
      continue;
    }
    // Inside a translation's expansion: keep climbing until its whole
    // expression, whose argument is what was passed.
    const Expr *Argument = physicalAddressArgument(Up);
    if (Argument && Passed.count(Argument->IgnoreParens())) {
      E = Up;
      Passed.insert(E);
    } else if (Argument || !Up->getBeginLoc().isMacroID()) {
      break;
    }
    Parent = parentStmt(Up, Context);
    Passed.insert(Up);
  }
  // Only into pointers to functions: a function's address kept as an
  // integer or a void pointer may be turned into anything.
  if (!holdsAllocator(E->getType()))
    return false;
  if (!Parent) {
    // A variable's initializer.
    for (const DynTypedNode &P : Context.getParents(*E))
      if (const auto *Var = P.get<VarDecl>())
        return Var->getInit() == E && holdsAllocator(Var->getType());
    return false;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(Parent)) {
    const Expr *Target = Op->getLHS()->IgnoreParenImpCasts();
    return Op->getOpcode() == BO_Assign && Op->getRHS() == E &&
           holdsAllocator(Target->getType()) &&
           (isa<DeclRefExpr>(Target) || isa<MemberExpr>(Target));
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    // recordArguments() gives a direct callee's parameter the value, unless
    // the callee only reads or frees its arguments; a call through a
    // pointer gives it to every function the pointer may hold.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && (isReader(Callee) ||
                   KernelContracts::kernel().isOtherFree(Callee->getName())))
      return false;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == E)
        return !Callee || (I < Callee->getNumParams() &&
                           holdsAllocator(Callee->getParamDecl(I)->getType()));
    return false;
  }
  if (isa<InitListExpr>(Parent) || isa<DesignatedInitExpr>(Parent))
    return inRecordInitializer(Parent);
  if (isa<ReturnStmt>(Parent))
    return Function && holdsAllocator(Function->getReturnType());
  return false;
}

// S is part of the initializer of a struct variable, nested only in
// struct initializers: initializeRecord() gives each field its value (not
// an array's elements, not a union's members, not a compound literal).
bool FactsVisitor::inRecordInitializer(const Stmt *S) {
  const Stmt *Top = S;
  for (; S && (isa<InitListExpr>(S) || isa<DesignatedInitExpr>(S));
       S = parentStmt(S, Context)) {
    if (const auto *List = dyn_cast<InitListExpr>(S)) {
      const RecordDecl *Record = List->getType()->getAsRecordDecl();
      if (!Record || Record->isUnion())
        return false;
    }
    Top = S;
  }
  if (S)
    return false;
  for (const DynTypedNode &P : Context.getParents(*Top))
    if (const auto *Var = P.get<VarDecl>())
      return Var->getType()->isRecordType();
  return false;
}

// A function defined as an alias of another (arm64's
// create_kpti_ng_temp_pgd() of __create_pgd_mapping_locked()): a call of it
// is a call of the other.
bool FactsVisitor::VisitFunctionDecl(FunctionDecl *F) {
  const auto *Alias = F->getAttr<AliasAttr>();
  if (!Alias)
    return true;
  const FunctionDecl *Target = nullptr;
  for (const Decl *D : Context.getTranslationUnitDecl()->decls())
    if (const auto *G = dyn_cast<FunctionDecl>(D))
      if (G->getName() == Alias->getAliasee() &&
          G->doesThisDeclarationHaveABody())
        Target = G;
  if (!Target)
    return true;
  SourcePlace At = placeOf(F->getLocation());
  std::string Name = functionKey(F), To = functionKey(Target);
  Facts.Defined.push_back(Name);
  for (unsigned I = 0; I < F->getNumParams() && I < Target->getNumParams(); ++I)
    if (tracks(F->getParamDecl(I)->getType()))
      Facts.Flows.push_back(
          {"param:" + Config + ":" + Name + ":" + std::to_string(I),
           "param:" + Config + ":" + To + ":" + std::to_string(I), At});
  if (tracks(F->getReturnType()))
    Facts.Flows.push_back(
        {"ret:" + Config + ":" + To, "ret:" + Config + ":" + Name, At});
  return true;
}

namespace {

// The candidate calls under a statement, as FactsVisitor finds them (not in
// typeof() or sizeof).
class SiteCallFinder : public RecursiveASTVisitor<SiteCallFinder> {
public:
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseTypeOfExprType(TypeOfExprType *) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *,
                                        DataRecursionQueue * = nullptr) {
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (isAllocatorCall(Call))
      Found.push_back({Call, PairingRole::Allocation});
    else if (isFreeCall(Call))
      Found.push_back({Call, PairingRole::Free});
    return true;
  }
  std::vector<std::pair<const CallExpr *, PairingRole>> Found;
};

} // namespace

// A declaration statement of several variables is no CFG element (the CFG
// makes one of its own per variable); its initializers are.
bool FactsVisitor::unreachable(const Stmt *S) const {
  if (!Defs)
    return false;
  if (Defs->unreachable(S))
    return true;
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() && Defs->unreachable(Var->getInit()))
          return true;
  return false;
}

void FactsVisitor::recordUnreachableSites(const Stmt *S) {
  SiteCallFinder Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  for (const auto &[Call, Role] : Finder.Found) {
    ProvenanceFacts::Site Site = describeSite(Call, Role);
    // What it would free where it runs: the solve keeps the groups of
    // those pages from converting without it.
    if (Role == PairingRole::Free) {
      Value V = valueOf(Call->getArg(0));
      if (V.K == Value::Node)
        Site.Freed = V.Name;
    }
    Facts.UnreachableSites.push_back(std::move(Site));
  }
}

bool FactsVisitor::dataTraverseStmtPre(Stmt *S) {
  if (!unreachable(S))
    return true;
  recordUnreachableSites(S);
  return false;
}

bool FactsVisitor::VisitCallExpr(CallExpr *Call) {
  if (isAllocatorCall(Call)) {
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

} // namespace pgmigrate
