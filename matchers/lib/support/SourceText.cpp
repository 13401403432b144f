//===- SourceText.cpp -----------------------------------------------------===//

#include "support/SourceText.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace pgmigrate {

unsigned lineOf(SourceLocation Loc, const SourceManager &SM) {
  return SM.getExpansionLineNumber(Loc);
}

unsigned offsetOf(SourceLocation Loc, const SourceManager &SM) {
  return SM.getFileOffset(SM.getExpansionLoc(Loc));
}

std::string textOf(const Expr *E, const SourceManager &SM,
                   const LangOptions &LO) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, LO);
  if (Text.empty())
    Text = Lexer::getSourceText(SM.getExpansionRange(Range), SM, LO);
  return oneLine(Text);
}

std::string fileText(SourceLocation Begin, SourceLocation End,
                     const SourceManager &SM, const LangOptions &LO) {
  // Only file locations: getSourceText() would map macro locations to
  // their expansion, which callers must decide on themselves.
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID() ||
      !End.isFileID())
    return "";
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Begin, End), SM,
                              LO)
      .str();
}

std::string oneLine(llvm::StringRef Text) {
  std::string Result;
  bool Space = false;
  for (char C : Text) {
    if (isWhitespace(C)) {
      Space = !Result.empty();
      continue;
    }
    if (Space && Result.back() != '(' && C != ')')
      Result += ' ';
    Space = false;
    Result += C;
  }
  return Result;
}

size_t matchingParen(llvm::StringRef Text) {
  if (!Text.startswith("("))
    return llvm::StringRef::npos;
  unsigned Depth = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '(')
      ++Depth;
    else if (Text[I] == ')' && --Depth == 0)
      return I;
  }
  return llvm::StringRef::npos;
}

} // namespace pgmigrate
