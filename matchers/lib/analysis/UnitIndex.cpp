//===- UnitIndex.cpp ------------------------------------------------------===//

#include "analysis/UnitIndex.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace pgmigrate {

namespace {

class Collector : public RecursiveASTVisitor<Collector> {
public:
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      Calls[F->getCanonicalDecl()].push_back(Call);
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        CalleeRefs.insert(Ref);
    }
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      Uses[V].push_back(Ref);
    else if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      FunctionRefs.push_back({F->getCanonicalDecl(), Ref});
    return true;
  }
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Calls;
  llvm::DenseMap<const VarDecl *, std::vector<const DeclRefExpr *>> Uses;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  std::vector<std::pair<const FunctionDecl *, const DeclRefExpr *>>
      FunctionRefs;
};

} // namespace

UnitIndex::UnitIndex(ASTContext &Context) : Context(Context) {
  Collector C;
  C.TraverseDecl(Context.getTranslationUnitDecl());
  Calls = std::move(C.Calls);
  Uses = std::move(C.Uses);
  for (auto &[F, Ref] : C.FunctionRefs)
    if (!C.CalleeRefs.count(Ref))
      AddressTaken[F] = true;
}

llvm::ArrayRef<const CallExpr *>
UnitIndex::callsOf(const FunctionDecl *F) const {
  auto It = Calls.find(F->getCanonicalDecl());
  if (It == Calls.end())
    return {};
  return It->second;
}

bool UnitIndex::addressTaken(const FunctionDecl *F) const {
  return AddressTaken.lookup(F->getCanonicalDecl());
}

llvm::ArrayRef<const DeclRefExpr *> UnitIndex::usesOf(const VarDecl *V) const {
  auto It = Uses.find(V);
  if (It == Uses.end())
    return {};
  return It->second;
}

const UnitIndex &UnitIndexCache::get(ASTContext &Context) {
  if (For != &Context || !Index) {
    Index = std::make_unique<UnitIndex>(Context);
    For = &Context;
  }
  return *Index;
}

} // namespace pgmigrate
