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

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace pgmigrate {

/// Where one token is written.
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

/// Follows the token at Loc out of the macro expansions it comes through.
TokenSpelling spellToken(clang::SourceLocation Loc,
                         const clang::SourceManager &SM,
                         const clang::LangOptions &LangOpts);

/// True when Tokens are all written outside macro bodies, in one file, in
/// one and the same macro argument occurrence (or none), in this order.
bool spelledTogether(llvm::ArrayRef<TokenSpelling> Tokens,
                     const clang::SourceManager &SM);

} // namespace pgmigrate

#endif // PGMIGRATE_TOKENSPELLING_H
