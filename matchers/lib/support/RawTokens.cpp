//===- RawTokens.cpp ------------------------------------------------------===//

#include "support/RawTokens.h"
#include "clang/Lex/Lexer.h"
#include <string>

using namespace clang;

namespace pgmigrate {

llvm::SmallVector<RawToken, 16> lexRawTokens(llvm::StringRef Text,
                                             const LangOptions &LangOpts,
                                             bool KeepComments) {
  // The lexer stops at a NUL after the last character: a std::string has
  // one.
  std::string Buffer = Text.str();
  const char *Start = Buffer.c_str();
  Lexer Raw(SourceLocation(), LangOpts, Start, Start, Start + Buffer.size());
  Raw.SetCommentRetentionState(KeepComments);
  llvm::SmallVector<RawToken, 16> Tokens;
  Token Tok;
  while (true) {
    bool AtEnd = Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    // The lexer stands just after the token it returned.
    size_t End = Raw.getBufferLocation() - Start;
    Tokens.push_back({Tok.getKind(), End - Tok.getLength(), End});
    if (AtEnd)
      break;
  }
  return Tokens;
}

bool isOpeningBracket(tok::TokenKind Kind) {
  return Kind == tok::l_paren || Kind == tok::l_square || Kind == tok::l_brace;
}

static tok::TokenKind closingBracketOf(tok::TokenKind Open) {
  switch (Open) {
  case tok::l_paren:
    return tok::r_paren;
  case tok::l_square:
    return tok::r_square;
  default:
    return tok::r_brace;
  }
}

static bool isClosingBracket(tok::TokenKind Kind) {
  return Kind == tok::r_paren || Kind == tok::r_square || Kind == tok::r_brace;
}

std::optional<llvm::SmallVector<size_t, 16>>
matchBrackets(llvm::ArrayRef<RawToken> Tokens) {
  llvm::SmallVector<size_t, 16> Match(Tokens.size());
  llvm::SmallVector<size_t, 8> Open;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    Match[I] = I;
    tok::TokenKind Kind = Tokens[I].Kind;
    if (isOpeningBracket(Kind)) {
      Open.push_back(I);
    } else if (isClosingBracket(Kind)) {
      if (Open.empty() || closingBracketOf(Tokens[Open.back()].Kind) != Kind)
        return std::nullopt;
      Match[I] = Open.back();
      Match[Open.pop_back_val()] = I;
    }
  }
  if (!Open.empty())
    return std::nullopt;
  return Match;
}

} // namespace pgmigrate
