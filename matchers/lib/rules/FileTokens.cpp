//===- FileTokens.cpp
//------------------------------------------------------===//

#include "rules/FileTokens.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>

using namespace clang;

namespace pgmigrate {

FileTokens::FileTokens(llvm::StringRef Buffer) : Buffer(Buffer) {
  LineStarts.push_back(0);
  for (unsigned I = 0; I < Buffer.size(); ++I)
    if (Buffer[I] == '\n')
      LineStarts.push_back(I + 1);
  lex();
  matchBrackets();
}

std::pair<unsigned, unsigned> FileTokens::lineAndColumn(unsigned Offset) const {
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  return {unsigned(It - LineStarts.begin()), Offset - *(It - 1) + 1};
}

void FileTokens::lex() {
  LangOptions LangOpts;
  LangOpts.C11 = true;
  LangOpts.GNUMode = true;
  LangOpts.LineComment = true;
  LangOpts.DollarIdents = true;
  Lexer L(SourceLocation(), LangOpts, Buffer.begin(), Buffer.begin(),
          Buffer.end());
  std::vector<FileToken> All;
  Token T;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    FileToken K{T.getKind(), T.getLocation().getRawEncoding(), T.getLength(),
                llvm::StringRef(), T.isAtStartOfLine()};
    if (T.is(tok::raw_identifier))
      K.Text = T.getRawIdentifier();
    All.push_back(K);
  }

  for (size_t I = 0; I < All.size();) {
    if (All[I].is(tok::hash) && All[I].StartOfLine) {
      size_t End = I + 1;
      while (End < All.size() && !All[End].StartOfLine)
        ++End;
      Directives.emplace_back(All.begin() + I + 1, All.begin() + End);
      I = End;
      continue;
    }
    Code.push_back(All[I++]);
  }
}

// Hand-written: Clang matches brackets only while parsing preprocessed
// code; these tokens hold every #if branch at once.
void FileTokens::matchBrackets() {
  Match.assign(Code.size(), -1);
  std::vector<unsigned> Opens;
  for (unsigned I = 0; I < Code.size(); ++I) {
    tok::TokenKind K = Code[I].Kind;
    if (K == tok::l_paren || K == tok::l_square || K == tok::l_brace) {
      Opens.push_back(I);
      continue;
    }
    tok::TokenKind Want = K == tok::r_paren    ? tok::l_paren
                          : K == tok::r_square ? tok::l_square
                          : K == tok::r_brace  ? tok::l_brace
                                               : tok::unknown;
    if (Want == tok::unknown)
      continue;
    // Tolerate brackets unbalanced by #if branches: close the nearest
    // opener of the right kind, dropping what is in between.
    auto It = std::find_if(Opens.rbegin(), Opens.rend(),
                           [&](unsigned O) { return Code[O].is(Want); });
    if (It == Opens.rend())
      continue;
    Match[I] = *It;
    Match[*It] = I;
    Opens.erase(std::next(It).base(), Opens.end());
  }
}

} // namespace pgmigrate
