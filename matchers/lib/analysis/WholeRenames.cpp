//===- WholeRenames.cpp ---------------------------------------------------===//

#include "analysis/WholeRenames.h"
#include "pgmigrate/Pairing.h"
#include "llvm/Support/Path.h"
#include <map>

namespace pgmigrate {

bool renameMeetsOther(const Finding &A, const Finding &B) {
  return A.Rule != B.Rule && (A.WholeRename.empty() != B.WholeRename.empty());
}

namespace {

bool inside(const clang::tooling::Replacement &Inner,
            const clang::tooling::Replacement &Outer) {
  return Inner.getFilePath() == Outer.getFilePath() &&
         Outer.getOffset() <= Inner.getOffset() &&
         Inner.getOffset() + Inner.getLength() <=
             Outer.getOffset() + Outer.getLength() &&
         Inner.getLength() > 0;
}

std::string place(const Finding &F) {
  return llvm::sys::path::filename(F.FilePath).str() + ":" +
         std::to_string(F.Line) + ":" + std::to_string(F.Column);
}

// The converted finding of another rule whose edit holds R's, or nullptr.
const Finding *containing(const Finding &R,
                          const std::vector<const Finding *> &Conversions) {
  for (const Finding *C : Conversions)
    for (const clang::tooling::Replacement &Outer : C->Replacements)
      if (llvm::all_of(R.Replacements,
                       [&](const clang::tooling::Replacement &Inner) {
                         return inside(Inner, Outer);
                       }))
        return C;
  return nullptr;
}

void yieldToConversions(std::vector<Finding> &Findings) {
  // The other rules' conversions, by file.
  std::map<std::string, std::vector<const Finding *>> ByFile;
  for (const Finding &F : Findings)
    if (F.Kind == FindingKind::Converted && F.WholeRename.empty())
      for (const clang::tooling::Replacement &R : F.Replacements)
        ByFile[R.getFilePath().str()].push_back(&F);
  std::vector<std::pair<size_t, std::string>> Conflicts;
  for (size_t I = 0; I < Findings.size(); ++I) {
    Finding &F = Findings[I];
    if (F.Kind != FindingKind::Converted || F.WholeRename.empty() ||
        F.Replacements.empty())
      continue;
    auto It = ByFile.find(F.Replacements.front().getFilePath().str());
    if (It == ByFile.end())
      continue;
    const Finding *C = containing(F, It->second);
    if (!C)
      continue;
    // The old names all start with the rename's name (pagetable_alloc,
    // pagetable_alloc_noprof).
    bool Keeps = llvm::any_of(
        C->Replacements, [&](const clang::tooling::Replacement &R) {
          return R.getReplacementText().contains(F.WholeRename);
        });
    std::string By = "[" + C->Rule + "] at " + place(*C);
    if (Keeps) {
      F.Kind = FindingKind::Conflict;
      F.Replacements.clear();
      F.Message = "not converted: its edit overlaps the conversion " + By +
                  ", which keeps the old name; left unchanged";
      continue;
    }
    F.Replacements.clear();
    F.Message += "; the conversion " + By + " rewrites this token";
  }
}

} // namespace

void applyWholeRenames(std::vector<Finding> &Findings) {
  yieldToConversions(Findings);
  // The first blocking site of each rename, in order.
  std::map<std::string, const Finding *> Blocked;
  for (const Finding &F : Findings)
    if (!F.WholeRename.empty() && F.Kind != FindingKind::Converted)
      Blocked.try_emplace(F.WholeRename, &F);
  if (Blocked.empty())
    return;
  std::map<std::string, std::string> Reasons;
  for (const auto &[Name, F] : Blocked)
    Reasons[Name] = "the rename of '" + Name +
                    "' is made whole or not at all, and is refused at " +
                    place(*F);
  for (Finding &F : Findings) {
    auto It = Reasons.find(F.WholeRename);
    if (It == Reasons.end() || F.Kind != FindingKind::Converted)
      continue;
    F.Message = withdrawnMessage(F, It->second);
    F.Kind = FindingKind::Refused;
    F.Replacements.clear();
  }
}

} // namespace pgmigrate
