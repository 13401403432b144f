//===- TokenSpelling.cpp --------------------------------------------------===//

#include "support/TokenSpelling.h"
#include "pgmigrate/AbsolutePath.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace pgmigrate {

TokenSpelling spellToken(SourceLocation Loc, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  TokenSpelling Result;
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc)) {
      Result.BodyMacro = Lexer::getImmediateMacroName(Loc, SM, LangOpts).str();
      if (Result.BodyMacro.empty())
        Result.BodyMacro = "<unnamed>";
      SourceLocation Body = SM.getSpellingLoc(Loc);
      if (!absoluteFilePath(Body, SM).empty())
        Result.BodyLoc = Body;
      return Result;
    }
    const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(SM.getFileID(Loc));
    Result.Arguments.push_back(Entry.getExpansion().getExpansionLocStart());
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  if (!absoluteFilePath(Loc, SM).empty())
    Result.FileLoc = Loc;
  return Result;
}

bool spelledTogether(llvm::ArrayRef<TokenSpelling> Tokens,
                     const SourceManager &SM) {
  if (Tokens.empty())
    return true;
  const TokenSpelling &First = Tokens.front();
  if (First.FileLoc.isInvalid())
    return false;
  FileID File = SM.getFileID(First.FileLoc);
  unsigned Previous = SM.getFileOffset(First.FileLoc);
  for (const TokenSpelling &Token : Tokens.drop_front()) {
    if (Token.FileLoc.isInvalid() || Token.Arguments != First.Arguments ||
        SM.getFileID(Token.FileLoc) != File)
      return false;
    unsigned Offset = SM.getFileOffset(Token.FileLoc);
    if (Offset < Previous)
      return false;
    Previous = Offset;
  }
  return true;
}

} // namespace pgmigrate
