//===- TokenSpelling.h - Where a token of the AST was written ---*- C++ -*-===//
//
// Rules edit text, so they must know where each token they would touch is
// written: directly in a file, in a macro argument written in a file (both
// editable), or in a macro body (never edited: the definition serves every
// expansion).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOKENSPELLING_H
#define PGMIGRATE_TOKENSPELLING_H

#include "pgmigrate/Finding.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace pgmigrate {

struct TokenSpelling {
  /// Where the token's characters are when it is written outside every
  /// macro body (in a file, possibly inside macro arguments); invalid
  /// otherwise.
  clang::SourceLocation FileLoc;
  /// For each macro argument the token was passed through, innermost first,
  /// the start of that argument's expansion: tokens of one argument
  /// occurrence share it.
  llvm::SmallVector<clang::SourceLocation, 2> Arguments;
  /// When the token comes from a macro body: the macro's name and, when the
  /// definition is in a file, where the token is written there.
  std::string BodyMacro;
  clang::SourceLocation BodyLoc;

  bool inMacroBody() const { return !BodyMacro.empty(); }
};

TokenSpelling spellToken(clang::SourceLocation Loc,
                         const clang::SourceManager &SM,
                         const clang::LangOptions &LangOpts);

/// True when Tokens are all written outside macro bodies, in one file, in
/// one and the same macro argument occurrence (or none), in this order.
bool spelledTogether(llvm::ArrayRef<TokenSpelling> Tokens,
                     const clang::SourceManager &SM);

/// The absolute, dot-free path of the file that holds FileLoc, or "" when
/// it is not a real file (scratch space, command line).
std::string absoluteFilePath(clang::SourceLocation FileLoc,
                             const clang::SourceManager &SM);

/// A finding at FileLoc (a file location) with no edits; its site is the
/// empty range at FileLoc until the rule sets it.
Finding makeFinding(llvm::StringRef Rule, FindingKind Kind,
                    clang::SourceLocation FileLoc,
                    const clang::SourceManager &SM, std::string Message);

/// Sets F's site to the file characters the expansion of Range covers
/// (for code from a macro, the macro invocation).
void setSiteToExpansion(Finding &F, clang::SourceRange Range,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LangOpts);

/// A replacement of the characters [Begin, End) of one file.
clang::tooling::Replacement makeReplacement(clang::SourceLocation Begin,
                                            clang::SourceLocation End,
                                            llvm::StringRef Text,
                                            const clang::SourceManager &SM);

} // namespace pgmigrate

#endif // PGMIGRATE_TOKENSPELLING_H
