//===- NullGuard.h - A call that runs only on a non-NULL value --*- C++ -*-===//
//
// free_page(0) does nothing; pgtable_free(NULL) is not allowed (it is
// pagetable_free(virt_to_ptdesc(NULL))). A free whose value may be NULL
// converts only where the code already tests it.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_NULLGUARD_H
#define PGMIGRATE_NULLGUARD_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace pgmigrate {

/// True when At (a call, or an expression) runs only where Value (an
/// expression within it, through casts) is not NULL: inside the then-branch of
/// `if (v)`, `if (v != NULL)` or `if (!!v)`, or after `if (!v)
/// <return|goto|break|continue>;` (or `if (v == NULL) ...`) earlier in an
/// enclosing block. Nothing between the guard and At may change v: no
/// assignment to it and, when v is not a plain variable (a field, an
/// element), no call and no assignment at all; nor may a loop around At.
bool guardedAgainstNull(const clang::Stmt *At, const clang::Expr *Value,
                        clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_NULLGUARD_H
