//===- AstNavigation.h - Moving around the AST of a unit --------*- C++ -*-===//
//
// Small steps the rules take from a node: up to its parent statement, out
// of parentheses and casts, to the function that holds it; and what a
// reference to a variable does to it (a write, and the value written).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ASTNAVIGATION_H
#define PGMIGRATE_ASTNAVIGATION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace pgmigrate {

/// The function whose body holds S, or null.
const clang::FunctionDecl *enclosingFunction(const clang::Stmt *S,
                                             clang::ASTContext &Context);

/// The parent of S when it is a statement (null otherwise).
const clang::Stmt *parentStmt(const clang::Stmt *S, clang::ASTContext &Context);

/// The outermost expression that holds E through parentheses and implicit
/// and explicit casts.
const clang::Expr *climbParensAndCasts(const clang::Expr *E,
                                       clang::ASTContext &Context);

/// A reference to a variable that writes it.
struct Write {
  const clang::DeclRefExpr *Ref;
  /// The value assigned; null for ++, --, compound assignments and &v (an
  /// unknown value).
  const clang::Expr *Value;
};

/// The write Ref makes, if it is the target of an assignment, ++, -- or &.
std::optional<Write> writeAt(const clang::DeclRefExpr *Ref,
                             clang::ASTContext &Context);

/// True for a null pointer constant (NULL, 0), through casts.
bool isNull(const clang::Expr *E, clang::ASTContext &Context);

/// The name of the function a call calls directly, or "" (a call through a
/// function pointer, or of an unnamed function).
llvm::StringRef calleeName(const clang::CallExpr *Call);

/// The value of E when the unit evaluates it to an integer constant (a page
/// order, with its configuration's macros).
std::optional<uint64_t> constantValue(const clang::Expr *E,
                                      clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_ASTNAVIGATION_H
