//===- FixesExport.cpp ----------------------------------------------------===//

#include "FixesExport.h"
#include "clang/Tooling/ReplacementsYaml.h"

namespace pgmigrate {

void writeFixesYaml(
    llvm::raw_ostream &OS,
    const std::map<std::string, clang::tooling::Replacements> &EditsByFile) {
  clang::tooling::TranslationUnitReplacements Document;
  Document.MainSourceFile = "";
  for (const auto &[File, Edits] : EditsByFile)
    for (const clang::tooling::Replacement &R : Edits)
      Document.Replacements.push_back(R);
  llvm::yaml::Output YAML(OS);
  YAML << Document;
}

} // namespace pgmigrate
