//===- UnitIndex.h - Who calls and uses what in one unit --------*- C++ -*-===//
//
// The rules judge a site by the rest of its translation unit: the uses of a
// variable in its function, the calls of a static function. Built once per
// unit, on first need.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_UNITINDEX_H
#define PGMIGRATE_UNITINDEX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace pgmigrate {

class UnitIndex {
public:
  explicit UnitIndex(clang::ASTContext &Context);

  clang::ASTContext &context() const { return Context; }

  /// The direct calls of F (any redeclaration), in source order.
  llvm::ArrayRef<const clang::CallExpr *>
  callsOf(const clang::FunctionDecl *F) const;
  /// True when F is named other than as the callee of a direct call (its
  /// address is taken: it may be called through a pointer).
  bool addressTaken(const clang::FunctionDecl *F) const;
  /// Every reference to V, in source order.
  llvm::ArrayRef<const clang::DeclRefExpr *>
  usesOf(const clang::VarDecl *V) const;

private:
  clang::ASTContext &Context;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::CallExpr *>>
      Calls;
  llvm::DenseMap<const clang::FunctionDecl *, bool> AddressTaken;
  llvm::DenseMap<const clang::VarDecl *,
                 std::vector<const clang::DeclRefExpr *>>
      Uses;
};

/// Keeps one UnitIndex per ASTContext for a rule that may see several.
/// The owner calls clear() at the start of each unit: a new ASTContext may
/// have the address of the one before (one file compiled by two commands).
class UnitIndexCache {
public:
  const UnitIndex &get(clang::ASTContext &Context);
  void clear() {
    For = nullptr;
    Index.reset();
  }

private:
  clang::ASTContext *For = nullptr;
  std::unique_ptr<UnitIndex> Index;
};

} // namespace pgmigrate

#endif // PGMIGRATE_UNITINDEX_H
