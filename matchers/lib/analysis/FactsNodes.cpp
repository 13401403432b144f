//===- FactsNodes.cpp - The node an expression's value is -----------------===//

#include "analysis/AstNavigation.h"
#include "analysis/FactsVisitor.h"
#include "analysis/TableEvidence.h"
#include "pgmigrate/Provenance.h"
#include "pgmigrate/ProvenanceCollector.h"
#include "support/PageAllocators.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pgmigrate {

bool isAllocatorCall(const CallExpr *Call) {
  OldAllocator Kind = oldAllocatorCalled(Call);
  return Kind == OldAllocator::ZeroedPage || Kind == OldAllocator::FreePages;
}

bool isFreeCall(const CallExpr *Call) {
  return calleeName(Call) == "free_pages" && Call->getNumArgs() == 2;
}

bool isReader(const FunctionDecl *F) {
  return F->getBuiltinID() != 0 ||
         KernelContracts::kernel().isReader(F->getName());
}

namespace {

// The typedef names of page-table entries: a pointer to one is a table.
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

} // namespace

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

bool FactsVisitor::holdsAllocator(QualType T) const {
  if (T.isNull())
    return false;
  const auto *Pointer = T->getAs<PointerType>();
  if (!Pointer)
    return false;
  const auto *Function = Pointer->getPointeeType()->getAs<FunctionType>();
  return Function && holdsPage(Function->getReturnType());
}

std::optional<std::string> FactsVisitor::functionNode(const FunctionDecl *F) {
  if (!holdsPage(F->getReturnType()))
    return std::nullopt;
  std::string Node = "fn:" + Config + ":" + functionKey(F);
  Facts.Names.try_emplace(Node, F->getNameAsString() + "()");
  return Node;
}

namespace {

// The address of the same object in another space: physical from virtual
// and back, and riscv's translations between the kernel's mappings (its
// pt_ops get relocated function addresses through them).
bool isAddressTranslationName(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("__pa", "__phys_addr", "virt_to_phys", "__virt_to_phys", true)
      .Cases("__pa_nodebug", "__phys_addr_nodebug", "__va", "phys_to_virt",
             true)
      .Cases("kernel_mapping_pa_to_va", "kernel_mapping_va_to_pa",
             "linear_mapping_pa_to_va", "linear_mapping_va_to_pa", true)
      .Default(false);
}

} // namespace

const Expr *FactsVisitor::physicalAddressArgument(const Expr *E) const {
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Call->getNumArgs() == 1 && isAddressTranslationName(calleeName(Call)))
      return Call->getArg(0);
  // A macro that expands to arithmetic (arm64's and riscv's __pa()): E must
  // be the whole of an invocation written in a file.
  SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  if (!Begin.isMacroID() || !End.isMacroID())
    return nullptr;
  CharSourceRange Invocation = SM.getExpansionRange(Begin);
  if (Invocation.getEnd() != SM.getExpansionRange(End).getEnd())
    return nullptr;
  const LangOptions &LO = Context.getLangOpts();
  SourceLocation NameLoc = Invocation.getBegin();
  llvm::StringRef Name = Lexer::getSourceText(
      CharSourceRange::getTokenRange(NameLoc, NameLoc), SM, LO);
  if (!isAddressTranslationName(Name))
    return nullptr;
  // The argument's first token, after the '('.
  std::optional<Token> Open = Lexer::findNextToken(NameLoc, SM, LO);
  if (!Open || !Open->is(tok::l_paren))
    return nullptr;
  std::optional<Token> First =
      Lexer::findNextToken(Open->getLocation(), SM, LO);
  if (!First)
    return nullptr;
  // The outermost expression of the expansion that starts there.
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *X = dyn_cast<Expr>(S))
      if (X != E && X->getBeginLoc().isMacroID() &&
          SM.isMacroArgExpansion(X->getBeginLoc()) &&
          SM.getFileLoc(X->getBeginLoc()) == First->getLocation())
        return X;
    llvm::SmallVector<const Stmt *, 4> Children;
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    // Depth first, children in source order.
    Work.append(Children.rbegin(), Children.rend());
  }
  return nullptr;
}

std::string FactsVisitor::indirectResultNode(const CallExpr *Call) {
  std::string Node = "expr:" + Config + ":" + locationKey(Call->getExprLoc());
  Facts.Names.try_emplace(Node, "the result of '" + text(Call) + "'");
  return Node;
}

std::string FactsVisitor::locationKey(SourceLocation Loc) const {
  return placeKey(Loc, SM);
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
  if (!Var || !tracks(Var->getType()))
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
  Facts.Names.try_emplace(Node, nameOf(Var));
  return Node;
}

// A local variable whose name a macro's body writes (alloc_hooks()'s _res)
// is named after the macro the code invokes: "the result of
// kmem_cache_alloc()". A name given as an argument stays.
std::string FactsVisitor::nameOf(const VarDecl *Var) const {
  SourceLocation Loc = Var->getLocation();
  if (!Loc.isMacroID() || !SM.isMacroBodyExpansion(Loc) ||
      !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
    return Var->getNameAsString();
  SourceLocation Invoked = SM.getExpansionLoc(Loc);
  llvm::StringRef Macro =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Invoked, Invoked), SM,
                           Context.getLangOpts());
  if (Macro.empty())
    return Var->getNameAsString();
  return ("the result of " + Macro + "()").str();
}

std::string FactsVisitor::fieldNodeOf(const FieldDecl *Field,
                                      std::string &Named) const {
  // A field of an anonymous struct or union is named by the record that
  // holds it: Linux 6.12's mm_struct keeps pgd in an anonymous struct
  // (`struct { ... pgd_t *pgd; ... } __randomize_layout;`).
  const RecordDecl *Record = Field->getParent();
  while (Record->isAnonymousStructOrUnion())
    if (const auto *Outer = dyn_cast<RecordDecl>(Record->getParent()))
      Record = Outer;
    else
      break;
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
  Facts.Names.try_emplace(Whole, nameOf(Var));
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
  Facts.Names.try_emplace(Node, nameOf(Var));
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
  Facts.Names.try_emplace(Merge, nameOf(Var));
  for (const std::string &From : Nodes)
    Facts.Flows.push_back({From, Merge, placeOf(Ref->getLocation())});
  return Merge;
}

std::optional<std::string> FactsVisitor::lvalueNode(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return readNode(Ref);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<FieldDecl>(Member->getMemberDecl()) && tracks(Member->getType()))
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
    return {Value::Null, "", ""};
  if (const Expr *Page = physicalAddressArgument(E))
    return valueOf(Page);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      if (std::optional<std::string> Node = functionNode(F))
        return {Value::Node, *Node, ""};
      return {};
    }
  if (const auto *Op = dyn_cast<UnaryOperator>(E))
    if ((Op->getOpcode() == UO_AddrOf || Op->getOpcode() == UO_Deref) &&
        (Op->getType()->isFunctionType() ||
         Op->getType()->isFunctionPointerType()))
      return valueOf(Op->getSubExpr()); // &f, (*fp)
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_FunctionToPointerDecay:
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
      return {Value::Node, *Node, ""};
    return {};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callValue(Call);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    std::string Node = "expr:" + Config + ":" + locationKey(E->getExprLoc());
    Facts.Names.try_emplace(Node, text(E));
    flowInto(Node, Cond->getTrueExpr(), Cond->getTrueExpr()->getExprLoc());
    flowInto(Node, Cond->getFalseExpr(), Cond->getFalseExpr()->getExprLoc());
    return {Value::Node, Node, ""};
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
  if (isAllocatorCall(Call))
    return {Value::Node, "site:" + siteKey(Call, SM), ""};
  if (std::optional<TableEvidence> Read = derivedTable(Call, Context)) {
    std::string Node = "read:" + Config + ":" + locationKey(Call->getExprLoc());
    Facts.Names.try_emplace(Node, text(Call));
    Facts.EntryReads.push_back({Node, levelName(Read->Level).str(), Read->How,
                                placeOf(Call->getBeginLoc()),
                                mmInScope(Call, Context) ? "other" : ""});
    return {Value::Node, Node, ""};
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee && holdsPage(Call->getType())) {
    Value Pointer = valueOf(Call->getCallee());
    if (Pointer.K == Value::Node)
      return {Value::Node, indirectResultNode(Call), ""};
    return {};
  }
  if (!Callee || !holdsPage(Call->getType()) || isReader(Callee))
    return {};
  if (KernelContracts::kernel().isOtherAllocator(Callee->getName()))
    return {Value::Unknown, "",
            "an object of " +
                KernelContracts::plainName(Callee->getName()).str() +
                "(), another allocator"};
  std::string Node = "ret:" + Config + ":" + functionKey(Callee);
  Facts.Names.try_emplace(Node, Callee->getNameAsString() + "()");
  return {Value::Node, Node, ""};
}

} // namespace pgmigrate
