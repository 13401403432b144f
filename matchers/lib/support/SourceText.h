//===- SourceText.h - Code as written, for messages and edits ---*- C++ -*-===//
//
// Where a location is (its line, its offset in the file) and what text a
// range or an expression covers, on one line for a message or as written
// for an edit.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_SOURCETEXT_H
#define PGMIGRATE_SOURCETEXT_H

#include "clang/AST/Expr.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// The line of Loc where it is expanded, for messages.
unsigned lineOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// The offset of Loc in its file where it is expanded (for ordering).
unsigned offsetOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// E as written, on one line (for messages).
std::string textOf(const clang::Expr *E, const clang::SourceManager &SM,
                   const clang::LangOptions &LO);

/// The characters of the file between two file locations ([Begin, End]
/// where End is the start of the last token); "" when they are not file
/// locations of one file in this order.
std::string fileText(clang::SourceLocation Begin, clang::SourceLocation End,
                     const clang::SourceManager &SM,
                     const clang::LangOptions &LO);

/// Code on one line for a message: no line breaks, no padding in parens.
std::string oneLine(llvm::StringRef Text);

/// For code Text that starts with '(': the index of the ')' that closes
/// it, or npos. Code without string or character literals.
size_t matchingParen(llvm::StringRef Text);

} // namespace pgmigrate

#endif // PGMIGRATE_SOURCETEXT_H
