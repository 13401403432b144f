//===- LocalDefinitions.h - Which write of a variable a read sees -*- C++ -*-//
//
// Reaching definitions over a function's CFG, for its local variables and
// parameters: kernel code reuses one variable for a fresh table and for a
// pointer into an existing one (x86 kexec's p4d = get_zeroed_page(), later
// p4d = p4d_offset(pgd, vaddr)). The provenance facts name each definition
// on its own, so the page is not taken to be the later pointer.
//
// A variable whose address is taken is not tracked: writes through the
// pointer are not seen. Neither is one of a function whose CFG cannot be
// built.
//
// The same CFG says which statements the configuration never runs: those
// of blocks no path from the entry reaches, once the edges of conditions
// that are constants here are pruned (`if (PGD_SIZE == PAGE_SIZE)`,
// `if (IS_ENABLED(CONFIG_X))`, arm64's `if (pgdir_is_page_size())`: see
// ConstantConditions.h), and code after a return or a noreturn call.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_LOCALDEFINITIONS_H
#define PGMIGRATE_LOCALDEFINITIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace pgmigrate {

class ConstantConditions;

class LocalDefinitions {
public:
  /// One definition: the declaration (its initializer, or a parameter's
  /// incoming value) when Write is null, else the assignment, ++/-- or
  /// compound assignment that writes Var.
  struct Definition {
    const clang::VarDecl *Var = nullptr;
    const clang::Stmt *Write = nullptr;
  };

  /// Constants, when given, decides conditions beyond those the CFG folds.
  LocalDefinitions(const clang::FunctionDecl *F, clang::ASTContext &Context,
                   ConstantConditions *Constants = nullptr);

  /// Var is tracked per definition.
  bool tracked(const clang::VarDecl *Var) const { return Tracked.count(Var); }
  /// The definitions that may reach Read (a read of a tracked variable);
  /// empty when none does (the variable is not yet set on any path);
  /// nullopt for a read the CFG does not show (the caller must then assume
  /// any definition).
  std::optional<llvm::ArrayRef<Definition>>
  reaching(const clang::DeclRefExpr *Read) const;

  /// S is in a block that no path from the function's entry reaches in
  /// this configuration. False for every statement when the CFG cannot be
  /// built.
  bool unreachable(const clang::Stmt *S) const { return Unreachable.count(S); }

private:
  void collect(const clang::FunctionDecl *F, clang::ASTContext &Context);
  void solve(const clang::FunctionDecl *F, clang::ASTContext &Context,
             ConstantConditions *Constants);
  void findUnreachable(const clang::CFG &Graph, clang::ASTContext &Context,
                       ConstantConditions *Constants);

  llvm::DenseSet<const clang::VarDecl *> Tracked;
  std::vector<Definition> Definitions;
  /// Definitions by the statement that makes them (null: declarations, by
  /// variable).
  llvm::DenseMap<const clang::Stmt *, unsigned> ByWrite;
  llvm::DenseMap<const clang::VarDecl *, unsigned> ByDeclaration;
  /// Assignment targets: references that write, not read.
  llvm::DenseSet<const clang::DeclRefExpr *> Targets;
  llvm::DenseMap<const clang::DeclRefExpr *, std::vector<Definition>> Reads;
  /// By block ID: a path from the entry reaches the block.
  llvm::BitVector Reached;
  llvm::DenseSet<const clang::Stmt *> Unreachable;
};

} // namespace pgmigrate

#endif // PGMIGRATE_LOCALDEFINITIONS_H
