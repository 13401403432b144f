//===- ReplacementSet.cpp -------------------------------------------------===//

#include "ReplacementSet.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <tuple>

namespace pgmigrate {

void ReplacementSet::add(std::vector<Finding> Findings) {
  for (Finding &F : Findings)
    All.push_back(std::move(F));
}

static std::string position(const Finding &F) {
  return std::to_string(F.Line) + ":" + std::to_string(F.Column);
}

static Finding conflictAt(const Finding &Site, std::string Reason) {
  Finding Conflict = Site;
  Conflict.Kind = FindingKind::Conflict;
  Conflict.Replacements.clear();
  Conflict.Message = "not converted: " + Reason + "; left unchanged";
  return Conflict;
}

// Two edits of one file that cannot both apply in a well-defined way:
// overlapping ranges, an insertion strictly inside or at the start of
// another edit, or two insertions at one offset.
static bool overlap(const clang::tooling::Replacement &A,
                    const clang::tooling::Replacement &B) {
  unsigned AEnd = A.getOffset() + A.getLength();
  unsigned BEnd = B.getOffset() + B.getLength();
  if (A.getOffset() == B.getOffset())
    return true;
  return A.getOffset() < BEnd && B.getOffset() < AEnd;
}

ReplacementSet::Result ReplacementSet::merge() const {
  std::vector<Finding> Unique = All;
  llvm::sort(Unique);
  Unique.erase(std::unique(Unique.begin(), Unique.end()), Unique.end());

  // 1. One site, several opinions: translation units disagree.
  std::vector<Finding> Sites;
  auto SameSite = [](const Finding &A, const Finding &B) {
    return A.FilePath == B.FilePath && A.Offset == B.Offset && A.Rule == B.Rule;
  };
  for (size_t I = 0; I < Unique.size();) {
    size_t End = I + 1;
    while (End < Unique.size() && SameSite(Unique[I], Unique[End]))
      ++End;
    bool AnyConverted = false;
    for (size_t J = I; J < End; ++J)
      AnyConverted |= Unique[J].Kind == FindingKind::Converted;
    if (End - I == 1 || !AnyConverted) {
      for (size_t J = I; J < End; ++J)
        Sites.push_back(Unique[J]);
    } else {
      std::string Opinions;
      for (size_t J = I; J < End; ++J) {
        Opinions += Opinions.empty() ? "" : " | ";
        Opinions += Unique[J].Message;
      }
      Sites.push_back(
          conflictAt(Unique[I], "translation units disagree about this site: " +
                                    Opinions));
    }
    I = End;
  }

  // 2. Different sites whose edits overlap.
  struct OwnedEdit {
    const clang::tooling::Replacement *Edit;
    size_t Site;
  };
  std::map<std::string, std::vector<OwnedEdit>> EditsOfFile;
  for (size_t S = 0; S < Sites.size(); ++S)
    for (const clang::tooling::Replacement &R : Sites[S].Replacements)
      EditsOfFile[R.getFilePath().str()].push_back({&R, S});
  std::map<size_t, size_t> OverlapsWith; // site -> one site it overlaps
  for (auto &[File, Edits] : EditsOfFile) {
    llvm::sort(Edits, [](const OwnedEdit &A, const OwnedEdit &B) {
      return std::make_tuple(A.Edit->getOffset(), A.Edit->getLength(), A.Site) <
             std::make_tuple(B.Edit->getOffset(), B.Edit->getLength(), B.Site);
    });
    for (size_t I = 0; I < Edits.size(); ++I) {
      unsigned End = Edits[I].Edit->getOffset() + Edits[I].Edit->getLength();
      for (size_t J = I + 1; J < Edits.size(); ++J) {
        if (Edits[J].Edit->getOffset() > End ||
            (Edits[J].Edit->getOffset() == End &&
             Edits[J].Edit->getOffset() != Edits[I].Edit->getOffset()))
          break;
        if (Edits[I].Site == Edits[J].Site ||
            !overlap(*Edits[I].Edit, *Edits[J].Edit))
          continue;
        OverlapsWith.emplace(Edits[I].Site, Edits[J].Site);
        OverlapsWith.emplace(Edits[J].Site, Edits[I].Site);
      }
    }
  }

  Result Merged;
  for (size_t S = 0; S < Sites.size(); ++S) {
    auto It = OverlapsWith.find(S);
    if (It == OverlapsWith.end()) {
      Merged.Findings.push_back(Sites[S]);
      continue;
    }
    const Finding &Other = Sites[It->second];
    Merged.Findings.push_back(
        conflictAt(Sites[S], "its edit overlaps a different edit [" +
                                 Other.Rule + "] at " + position(Other) +
                                 " from another translation unit"));
  }

  // 3. The edits that survive. They no longer overlap, so add() succeeds;
  // if it did not, the site would become a conflict rather than be dropped.
  for (Finding &F : Merged.Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    std::map<std::string, clang::tooling::Replacements> Touched;
    bool Combined = true;
    for (const clang::tooling::Replacement &R : F.Replacements) {
      std::string File = R.getFilePath().str();
      if (!Touched.count(File))
        Touched[File] = Merged.EditsByFile[File];
      if (llvm::Error E = Touched[File].add(R)) {
        llvm::consumeError(std::move(E));
        Combined = false;
        break;
      }
    }
    if (!Combined) {
      F = conflictAt(F, "its edit cannot be combined with the file's other "
                        "edits");
      continue;
    }
    for (auto &[File, Edits] : Touched)
      Merged.EditsByFile[File] = std::move(Edits);
  }
  for (auto It = Merged.EditsByFile.begin(); It != Merged.EditsByFile.end();)
    It = It->second.empty() ? Merged.EditsByFile.erase(It) : std::next(It);
  llvm::sort(Merged.Findings);
  return Merged;
}

} // namespace pgmigrate
