//===- ConstantConditions.h - Branches a configuration never takes -*- C++ -*-//
//
// Which conditions a unit's configuration decides before run time, and so
// which blocks of a function's CFG it never runs. Clang's CFG already prunes
// the edges of conditions that fold to a constant (PGD_SIZE == PAGE_SIZE,
// IS_ENABLED(CONFIG_X)); this adds calls of the unit's functions whose
// every return that runs gives the same constant. arm64 asks
// `if (pgdir_is_page_size())`, whose body starts with
// `if (PGD_SIZE == PAGE_SIZE) return true;`: in a configuration where a pgd
// fills a page, the call is the constant true.
//
// A weak definition may be replaced by another unit's: it is never taken
// to be constant. Arguments are not looked at: a function is constant only
// when it returns one value whatever it is given.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_CONSTANTCONDITIONS_H
#define PGMIGRATE_CONSTANTCONDITIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace pgmigrate {

class ConstantConditions {
public:
  explicit ConstantConditions(clang::ASTContext &Context) : Context(Context) {}

  /// Cond's truth, when the configuration decides it: a constant
  /// expression, a call of a constant function, or !, &&, || over such.
  std::optional<bool> truth(const clang::Expr *Cond);

  /// By block ID, the blocks of Graph that a path from the entry reaches,
  /// following no edge of a condition decided the other way.
  llvm::BitVector reachable(const clang::CFG &Graph);

  /// The value every return of F that runs gives, when there is one.
  std::optional<llvm::APSInt> returnValue(const clang::FunctionDecl *F);

private:
  std::optional<llvm::APSInt> value(const clang::Expr *E);
  std::optional<llvm::APSInt> computeReturnValue(const clang::FunctionDecl *F);

  clang::ASTContext &Context;
  /// Memoized; a function being computed is there as nullopt, so a
  /// recursive function is not constant.
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<llvm::APSInt>>
      Returns;
};

} // namespace pgmigrate

#endif // PGMIGRATE_CONSTANTCONDITIONS_H
