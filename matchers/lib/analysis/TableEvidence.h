//===- TableEvidence.h - What code says about page tables -------*- C++ -*-===//
//
// The evidence the rules need that a page is a CPU page table, and of which
// level: a pointer installed into an entry (__pmd(__pa(p) | flags),
// pmd_populate_kernel(mm, pmd, p), ...) or read out of one
// (pmd_page_vaddr(*pmd), pud_pgtable(*pud), pmd_offset(pud, 0), ...).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TABLEEVIDENCE_H
#define PGMIGRATE_TABLEEVIDENCE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pgmigrate {

/// The level of a page table: the kind of entries it holds.
enum class TableLevel { Pte, Pmd, Pud, P4d };

/// "pte", "pmd", "pud", "p4d".
llvm::StringRef levelName(TableLevel Level);

/// How a pointer was found to be a page table, for messages.
struct TableEvidence {
  TableLevel Level;
  /// E.g. "installed by __pmd(__pa()) at line 21", "from pud_pgtable()".
  std::string How;
  /// An install: whose tables the entry is in (ProvenanceFacts::LevelFact's
  /// Mm): "init_mm", "" (no mm named or in scope) or "other".
  std::string Mm;
};

/// Whose tables an install made by InstallCall (the populate call, or the
/// call that writes the entry built by __pXd()) writes into: the populate
/// call's mm argument when it has one, else whether the enclosing function
/// has a struct mm_struct in scope (a parameter or local), which makes the
/// tables "other" than kernel ones; "" inside a populate function itself,
/// whose callers' installs name the mm.
std::string installMm(const clang::CallExpr *InstallCall,
                      clang::ASTContext &Context);

/// Whether the function around S has a struct mm_struct pointer among its
/// parameters or locals (code that may work on a user mm's tables).
bool mmInScope(const clang::Stmt *S, clang::ASTContext &Context);

/// When the value of Use (a reference to a pointer variable, or a field
/// such as image->arch.p4d) is installed as the table of an entry:
/// __pXd(__pa(v) ...) (also native_make_pXd()), pXd_populate(mm, entry, v)
/// and their _kernel/_safe forms.
std::optional<TableEvidence> installedTable(const clang::Expr *Use,
                                            clang::ASTContext &Context);

/// When E (through parentheses and casts) reads the table an entry points
/// to: pmd_page_vaddr(*pmd), pud_pgtable(*pud), p4d_pgtable(*p4d),
/// pgd_page_vaddr(*pgd), pte_offset_kernel(pmd, 0), pmd_offset(pud, 0),
/// pud_offset(p4d, 0), p4d_offset(pgd, 0).
std::optional<TableEvidence> derivedTable(const clang::Expr *E,
                                          clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_TABLEEVIDENCE_H
