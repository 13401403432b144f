//===- FileTokens.h - One file's tokens without preprocessing ----*- C++
//-*-===//
//
// The first pass of the ConflictScanner: clang's Lexer in raw mode over one
// file (no preprocessing, no includes, every #if branch), the preprocessor
// directives set apart from the code, and the code's brackets matched.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_FILETOKENS_H
#define PGMIGRATE_RULES_FILETOKENS_H

#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace pgmigrate {

/// One raw token.
struct FileToken {
  clang::tok::TokenKind Kind;
  unsigned Offset;
  unsigned Length;
  /// The spelling of an identifier or keyword (raw mode lexes both as
  /// raw_identifier).
  llvm::StringRef Text;
  bool StartOfLine;

  bool is(clang::tok::TokenKind K) const { return Kind == K; }
  bool isIdent() const { return Kind == clang::tok::raw_identifier; }
  bool isIdent(llvm::StringRef S) const { return isIdent() && Text == S; }
  unsigned end() const { return Offset + Length; }
};

/// The raw tokens of one file.
class FileTokens {
public:
  /// Lexes Buffer, which must be null-terminated (Buffer.end() reads '\0')
  /// and outlive this object.
  explicit FileTokens(llvm::StringRef Buffer);

  llvm::StringRef buffer() const { return Buffer; }
  /// The 1-based line and column (in bytes) of the byte at Offset.
  std::pair<unsigned, unsigned> lineAndColumn(unsigned Offset) const;

  /// Tokens outside preprocessor directives.
  std::vector<FileToken> Code;
  /// For each bracket of Code, the index of its partner (or -1).
  std::vector<int> Match;
  /// Each preprocessor directive's tokens after its '#', in order.
  std::vector<std::vector<FileToken>> Directives;

private:
  void lex();
  void matchBrackets();

  llvm::StringRef Buffer;
  std::vector<unsigned> LineStarts;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_FILETOKENS_H
