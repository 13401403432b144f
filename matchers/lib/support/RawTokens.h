//===- RawTokens.h - The tokens of a piece of code text ---------*- C++ -*-===//
//
// Text cut from a file (a macro invocation, a gfp argument) is split where
// Clang's raw lexer splits it rather than character by character, so that
// brackets, commas and operators inside comments and literals are not taken
// for code. No preprocessing: a macro stays a name.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RAWTOKENS_H
#define PGMIGRATE_RAWTOKENS_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace pgmigrate {

/// One token of a text: its kind (tok::raw_identifier for identifiers and
/// keywords) and its characters [Begin, End) in the text.
struct RawToken {
  clang::tok::TokenKind Kind;
  size_t Begin, End;
};

/// The tokens of Text, by Clang's raw lexer under LangOpts; comments are
/// tokens (tok::comment) when KeepComments, skipped like spaces otherwise.
llvm::SmallVector<RawToken, 16> lexRawTokens(llvm::StringRef Text,
                                             const clang::LangOptions &LangOpts,
                                             bool KeepComments = false);

/// True for ( [ {.
bool isOpeningBracket(clang::tok::TokenKind Kind);

/// For each of Tokens, the index of the bracket that matches it, or the
/// token's own index when it is not a bracket. std::nullopt when the
/// brackets ((), [], {}) do not nest.
std::optional<llvm::SmallVector<size_t, 16>>
matchBrackets(llvm::ArrayRef<RawToken> Tokens);

} // namespace pgmigrate

#endif // PGMIGRATE_RAWTOKENS_H
