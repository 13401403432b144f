//===- TokenSpelling.cpp --------------------------------------------------===//

#include "support/TokenSpelling.h"
#include "clang/Basic/FileManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

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

std::string absoluteFilePath(SourceLocation FileLoc, const SourceManager &SM) {
  if (FileLoc.isInvalid() || !FileLoc.isFileID())
    return "";
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(FileLoc));
  if (!Entry)
    return "";
  llvm::SmallString<256> Path(Entry->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

Finding makeFinding(llvm::StringRef Rule, FindingKind Kind,
                    SourceLocation FileLoc, const SourceManager &SM,
                    std::string Message) {
  Finding F;
  F.Rule = Rule.str();
  F.Kind = Kind;
  F.FilePath = absoluteFilePath(FileLoc, SM);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(FileLoc);
  F.Offset = Decomposed.second;
  F.Line = SM.getLineNumber(Decomposed.first, Decomposed.second);
  F.Column = SM.getColumnNumber(Decomposed.first, Decomposed.second);
  F.Message = std::move(Message);
  F.SiteFile = F.FilePath;
  F.SiteOffset = F.Offset;
  F.Loc = FileLoc;
  return F;
}

void setSiteToExpansion(Finding &F, SourceRange Range, const SourceManager &SM,
                        const LangOptions &LangOpts) {
  CharSourceRange Expansion = SM.getExpansionRange(Range);
  SourceLocation Begin = Expansion.getBegin(), End = Expansion.getEnd();
  if (Expansion.isTokenRange())
    End = Lexer::getLocForEndOfToken(End, 0, SM, LangOpts);
  std::string File = absoluteFilePath(Begin, SM);
  if (File.empty() || SM.getFileID(Begin) != SM.getFileID(End) ||
      SM.getFileOffset(End) < SM.getFileOffset(Begin))
    return;
  F.SiteFile = File;
  F.SiteOffset = SM.getFileOffset(Begin);
  F.SiteLength = SM.getFileOffset(End) - F.SiteOffset;
}

tooling::Replacement makeReplacement(SourceLocation Begin, SourceLocation End,
                                     llvm::StringRef Text,
                                     const SourceManager &SM) {
  unsigned BeginOffset = SM.getFileOffset(Begin);
  return tooling::Replacement(absoluteFilePath(Begin, SM), BeginOffset,
                              SM.getFileOffset(End) - BeginOffset, Text);
}

} // namespace pgmigrate
