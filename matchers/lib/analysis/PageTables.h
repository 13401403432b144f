//===- PageTables.h - What code says about page tables ----------*- C++ -*-===//
//
// The evidence the rules need that a page is a CPU page table, and of which
// level: a pointer installed into an entry (__pmd(__pa(p) | flags),
// pmd_populate_kernel(mm, pmd, p), ...) or read out of one
// (pmd_page_vaddr(*pmd), pud_pgtable(*pud), pmd_offset(pud, 0), ...); and
// what a gfp mask holds.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PAGETABLES_H
#define PGMIGRATE_PAGETABLES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
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
};

/// When the value of Use (a reference to a pointer variable) is installed
/// as the table of an entry: __pXd(__pa(v) ...) (also native_make_pXd()),
/// pXd_populate(mm, entry, v) and their _kernel/_safe forms.
std::optional<TableEvidence> installedTable(const clang::DeclRefExpr *Use,
                                            clang::ASTContext &Context);

/// When E (through parentheses and casts) reads the table an entry points
/// to: pmd_page_vaddr(*pmd), pud_pgtable(*pud), p4d_pgtable(*p4d),
/// pgd_page_vaddr(*pgd), pte_offset_kernel(pmd, 0), pmd_offset(pud, 0),
/// pud_offset(p4d, 0), p4d_offset(pgd, 0).
std::optional<TableEvidence> derivedTable(const clang::Expr *E,
                                          clang::ASTContext &Context);

enum class FlagState { Absent, Present, Unknown };

/// Whether the gfp mask E holds the flag named Flag (a macro such as
/// __GFP_ZERO): constants are evaluated, a local variable of Function is
/// followed to its assignments, ORs and ANDs are combined.
FlagState gfpFlag(const clang::Expr *E, llvm::StringRef Flag,
                  const clang::FunctionDecl *Function,
                  clang::ASTContext &Context);

/// The function whose body holds S, or null.
const clang::FunctionDecl *enclosingFunction(const clang::Stmt *S,
                                             clang::ASTContext &Context);

/// The parent of S when it is a statement (null otherwise).
const clang::Stmt *parentStmt(const clang::Stmt *S, clang::ASTContext &Context);

/// The outermost expression that holds E through parentheses and implicit
/// and explicit casts.
const clang::Expr *climbParensAndCasts(const clang::Expr *E,
                                       clang::ASTContext &Context);

/// The line of Loc where it is expanded, for messages.
unsigned lineOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// The offset of Loc in its file where it is expanded (for ordering).
unsigned offsetOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// E as written, on one line (for messages).
std::string textOf(const clang::Expr *E, const clang::SourceManager &SM,
                   const clang::LangOptions &LO);

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

} // namespace pgmigrate

#endif // PGMIGRATE_PAGETABLES_H
