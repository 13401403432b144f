//===- InstallAddress.h - The address a new table will map ------*- C++ -*-===//
//
// pmd_alloc_one(mm, addr) and its kin take the virtual address the table
// will map. For --target=level, a conversion writes the address the code
// installs the table for: the one its entry was looked up with
// (pmd_offset(pud, addr)), when that is in scope at the allocation. The
// constructors the tool converts to (asm-generic's) ignore it, so this is
// about writing true code, not about behaviour.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_INSTALLADDRESS_H
#define PGMIGRATE_ANALYSIS_INSTALLADDRESS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>

namespace pgmigrate {

struct InstallAddress {
  /// The address as written, in scope at the allocation; "" when none.
  std::string Text;
  /// Why there is none.
  std::string Missing;
};

/// The address of the first install of Table (the local that receives the
/// allocation Allocation) in their function: the last argument of the
/// *_offset() call that gave the entry it is installed in, written with
/// names in scope at Allocation and without side effects.
InstallAddress installAddress(const clang::VarDecl *Table,
                              const clang::Expr *Allocation,
                              clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_INSTALLADDRESS_H
