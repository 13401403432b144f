//===- LexicalSites.cpp ---------------------------------------------------===//

#include "rules/LexicalSites.h"

namespace pgmigrate {

bool decidedByAst(const AstDecided &Ast, const ConflictFileScan &F,
                  const ScannedToken &T) {
  if (F.Assembly)
    return false; // a unit may preprocess a .S file, but has no AST of it
  auto Sites = Ast.Sites.find(F.Path);
  if (Sites != Ast.Sites.end() && Sites->second.count(T.Offset))
    return true;
  if (T.InMacroBody)
    return false; // a body is only seen where it is expanded
  return Ast.Coverage.compiled(F.Path, T.Offset);
}

void decideUnseen(const AstDecided &Ast, const ConflictFileScan &F,
                  llvm::function_ref<bool(const ScannedToken &)> Wanted,
                  NameConflictsScanResult &Result,
                  llvm::function_ref<void(const ScannedToken &)> Decide) {
  for (const ScannedToken &T : F.Tokens) {
    if (!Wanted(T))
      continue;
    ++Result.Tokens;
    if (decidedByAst(Ast, F, T))
      continue;
    ++Result.DecidedLexically;
    Decide(T);
  }
}

std::string scannedPlace(llvm::StringRef Root, const ConflictFileScan &F,
                         const ScannedToken &T) {
  llvm::StringRef Path(F.Path);
  if (Path.startswith(Root) && Path.size() > Root.size() &&
      Path[Root.size()] == '/')
    Path = Path.drop_front(Root.size() + 1);
  return Path.str() + ":" + std::to_string(T.Line);
}

Finding lexicalFinding(llvm::StringRef Rule, const ConflictFileScan &F,
                       const ScannedToken &T, std::string Message,
                       const std::string *NewName) {
  Finding Out;
  Out.Rule = Rule.str();
  Out.Kind = NewName ? FindingKind::Converted : FindingKind::Refused;
  Out.FilePath = F.Path;
  Out.Offset = T.Offset;
  Out.Line = T.Line;
  Out.Column = T.Column;
  Out.Message = std::move(Message);
  Out.SiteFile = F.Path;
  Out.SiteOffset = T.Offset;
  Out.SiteLength = T.Name.size();
  if (NewName)
    Out.Replacements.emplace_back(F.Path, T.Offset, T.Name.size(), *NewName);
  return Out;
}

} // namespace pgmigrate
