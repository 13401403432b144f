//===- ConflictDeclCollector.cpp ------------------------------------------===//

#include "rules/ConflictDeclCollector.h"

using namespace clang;

namespace pgmigrate {

ConflictDecl conflictDeclKind(const NamedDecl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->doesThisDeclarationHaveABody() ? ConflictDecl::FunctionDefinition
                                              : ConflictDecl::FunctionPrototype;
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    QualType T = P->getOriginalType();
    return T->isFunctionPointerType() || T->isFunctionType()
               ? ConflictDecl::FunctionPointerParameter
               : ConflictDecl::Parameter;
  }
  if (const auto *V = dyn_cast<VarDecl>(D))
    return V->isLocalVarDecl() ? ConflictDecl::LocalVariable
                               : ConflictDecl::Variable;
  if (const auto *F = dyn_cast<FieldDecl>(D))
    return F->getParent()->isUnion() ? ConflictDecl::UnionField
                                     : ConflictDecl::Field;
  if (isa<TypedefNameDecl>(D))
    return ConflictDecl::Typedef;
  return ConflictDecl::Enumerator;
}

void ConflictDeclCollector::collect(const TranslationUnitDecl *TU) {
  TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
}

bool ConflictDeclCollector::VisitNamedDecl(NamedDecl *D) {
  if (!clashes(D) || D->isImplicit())
    return true;
  if (!isa<FunctionDecl, VarDecl, FieldDecl, TypedefNameDecl, EnumConstantDecl>(
          D))
    return true; // tags and labels live in other name spaces
  Decls.push_back(D);
  if (const auto *V = dyn_cast<VarDecl>(D))
    if (isa<ParmVarDecl>(V) || V->isLocalVarDecl())
      if (const auto *FD =
              dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod()))
        Scopes[FD->getCanonicalDecl()].Declared.emplace(V->getName().str(), V);
  return true;
}

bool ConflictDeclCollector::VisitFunctionDecl(FunctionDecl *FD) {
  if (FD->doesThisDeclarationHaveABody() && FD->getBody())
    Bodies[FD->getCanonicalDecl()] = FD->getBody()->getSourceRange();
  return true;
}

bool ConflictDeclCollector::VisitCallExpr(CallExpr *E) {
  const Expr *Callee = E->getCallee()->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Callee))
    if (Deref->getOpcode() == UO_Deref)
      Callee = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee))
    Callees.insert(Ref);
  return true;
}

bool ConflictDeclCollector::VisitDeclRefExpr(DeclRefExpr *E) {
  if (!clashes(E->getDecl()))
    return true;
  bool Call = Callees.count(E);
  bool Param = isa<ParmVarDecl>(E->getDecl());
  ConflictUse Kind =
      Param ? (Call ? ConflictUse::ParameterCall : ConflictUse::ParameterUse)
            : (Call ? ConflictUse::Call : ConflictUse::Use);
  Uses.push_back({E->getDecl(), E->getLocation(), Kind});
  return true;
}

bool ConflictDeclCollector::VisitMemberExpr(MemberExpr *E) {
  if (clashes(E->getMemberDecl()))
    Uses.push_back(
        {E->getMemberDecl(), E->getMemberLoc(), ConflictUse::MemberAccess});
  return true;
}

bool ConflictDeclCollector::VisitDesignatedInitExpr(DesignatedInitExpr *E) {
  for (const DesignatedInitExpr::Designator &D : E->designators())
    if (D.isFieldDesignator() && D.getField() && clashes(D.getField()))
      Uses.push_back(
          {D.getField(), D.getFieldLoc(), ConflictUse::MemberAccess});
  return true;
}

bool ConflictDeclCollector::VisitTypedefTypeLoc(TypedefTypeLoc TL) {
  if (clashes(TL.getTypedefNameDecl()))
    Uses.push_back(
        {TL.getTypedefNameDecl(), TL.getNameLoc(), ConflictUse::Use});
  return true;
}

} // namespace pgmigrate
