//===- ProvenanceCollector.cpp --------------------------------------------===//

#include "pgmigrate/ProvenanceCollector.h"
#include "analysis/FactsPruning.h"
#include "analysis/FactsVisitor.h"
#include "pgmigrate/AbsolutePath.h"

using namespace clang;

namespace pgmigrate {

std::string placeKey(SourceLocation Loc, const SourceManager &SM) {
  SourceLocation At = SM.getExpansionLoc(Loc);
  std::string Key =
      absoluteFilePath(At, SM) + ":" + std::to_string(SM.getFileOffset(At));
  if (Loc.isMacroID())
    Key += "+" + std::to_string(SM.getFileOffset(SM.getSpellingLoc(Loc)));
  return Key;
}

std::string siteKey(const CallExpr *Call, const SourceManager &SM) {
  return placeKey(Call->getBeginLoc(), SM);
}

ProvenanceFacts collectProvenanceFacts(ASTContext &Context) {
  FactsVisitor Visitor(Context);
  Visitor.TraverseDecl(Context.getTranslationUnitDecl());
  ProvenanceFacts Facts = Visitor.take();
  pruneFacts(Facts);
  return Facts;
}

} // namespace pgmigrate
