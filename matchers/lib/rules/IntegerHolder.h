//===- IntegerHolder.h - A page kept in an integer variable -----*- C++ -*-===//
//
// Kernel code often keeps a page from __get_free_page() in an unsigned long
// local (x86 pti.c: `unsigned long new_pmd_page = __get_free_page(gfp);`,
// then `!new_pmd_page`, `__pa(new_pmd_page)`, `(pmd_t *)new_pmd_page`).
// pgtable_alloc() returns a pointer, so converting such a site retypes the
// variable. That is safe only when every use of the variable means the
// same on a pointer: a cast to a pointer, __pa()/virt_to_phys(), a NULL
// test, free_page(s)(); and when every value it is given is the one
// allocation or 0. This file decides that, names the first use that
// prevents it, and makes the edits of the declaration and the casts.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_INTEGERHOLDER_H
#define PGMIGRATE_INTEGERHOLDER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Tooling/Core/Replacement.h"
#include <string>
#include <vector>

namespace pgmigrate {

/// A variable of pointer-wide integer type that may hold a page, and
/// whether it can become a pointer.
struct IntegerHolder {
  const clang::VarDecl *Var = nullptr;
  /// Why it cannot be retyped: "it is passed to f() at line 12"; "" when
  /// it can.
  std::string Refusal;
  /// The allocator call (the *_noprof function) whose page it is given.
  const clang::CallExpr *Allocation = nullptr;
  /// The frees of its value (free_pages() calls).
  std::vector<const clang::CallExpr *> Frees;
  /// The pointer type it gets, as written ("pmd_t *", "void *"), and why:
  /// "the type its casts name", "its casts name different types", ...
  std::string NewType;
  std::string TypeReason;
  /// Casts to a pointer, in source order; those to NewType that can be
  /// edited are dropped.
  std::vector<const clang::CStyleCastExpr *> Casts;
  unsigned DroppedCasts = 0;
  /// The declaration's new type and the dropped casts (when retypable).
  std::vector<clang::tooling::Replacement> Edits;

  bool retypable() const { return Refusal.empty(); }
};

/// True for a variable of integer type as wide as a pointer (unsigned
/// long, phys_addr_t on 64-bit), which the facts follow as a page holder.
bool isIntegerHolderType(const clang::VarDecl *Var,
                         const clang::ASTContext &Context);

/// Whether Var, an integer variable, can become a pointer to the page it
/// holds (see above). Only local variables are retyped: a parameter, a
/// global or a static local is refused with that reason.
IntegerHolder analyzeIntegerHolder(const clang::VarDecl *Var,
                                   clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_INTEGERHOLDER_H
