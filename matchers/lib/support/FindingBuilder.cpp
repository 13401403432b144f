//===- FindingBuilder.cpp -------------------------------------------------===//

#include "support/FindingBuilder.h"
#include "pgmigrate/AbsolutePath.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace pgmigrate {

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
  // Not Lexer::makeFileCharRange(): it gives up on a range that does not
  // start and end at a macro's edges, and a site in a macro body is the
  // invocation.
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
