//===- FixesExport.cpp ----------------------------------------------------===//

#include "FixesExport.h"
#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include <set>
#include <tuple>

namespace pgmigrate {

bool isRepresentableText(llvm::StringRef Text) {
  return llvm::json::isUTF8(Text);
}

static bool representable(const clang::tooling::Replacement &R) {
  return isRepresentableText(R.getReplacementText()) &&
         isRepresentableText(R.getFilePath());
}

// The edits to leave out: those of the findings with an edit YAML cannot
// carry, and of every finding in their object groups.
static std::set<std::tuple<std::string, unsigned, unsigned>>
unrepresentableGroups(const std::vector<Finding> &Findings) {
  std::set<PairingKey> Keys;
  std::vector<const Finding *> Out;
  for (const Finding &F : Findings)
    if (F.Kind == FindingKind::Converted &&
        !llvm::all_of(F.Replacements, representable)) {
      Out.push_back(&F);
      Keys.insert(F.PairingKeys.begin(), F.PairingKeys.end());
    }
  if (!Keys.empty())
    for (const Finding &F : Findings)
      if (F.Kind == FindingKind::Converted &&
          llvm::any_of(F.PairingKeys,
                       [&](const PairingKey &K) { return Keys.count(K); }))
        Out.push_back(&F);
  std::set<std::tuple<std::string, unsigned, unsigned>> Edits;
  for (const Finding *F : Out)
    for (const clang::tooling::Replacement &R : F->Replacements)
      Edits.emplace(R.getFilePath().str(), R.getOffset(), R.getLength());
  return Edits;
}

std::map<std::string, unsigned> writeFixesYaml(
    llvm::raw_ostream &OS,
    const std::map<std::string, clang::tooling::Replacements> &EditsByFile,
    const std::vector<Finding> &Findings) {
  clang::tooling::TranslationUnitReplacements Document;
  Document.MainSourceFile = "";
  std::map<std::string, unsigned> LeftOut;
  auto Excluded = unrepresentableGroups(Findings);
  for (const auto &[File, Edits] : EditsByFile)
    for (const clang::tooling::Replacement &R : Edits) {
      if (representable(R) && !Excluded.count({R.getFilePath().str(),
                                               R.getOffset(), R.getLength()}))
        Document.Replacements.push_back(R);
      else
        ++LeftOut[File];
    }
  llvm::yaml::Output YAML(OS);
  YAML << Document;
  return LeftOut;
}

} // namespace pgmigrate
