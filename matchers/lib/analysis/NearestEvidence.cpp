//===- NearestEvidence.cpp ------------------------------------------------===//

#include "analysis/NearestEvidence.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

namespace pgmigrate {

static unsigned sharedDirectories(llvm::StringRef A, llvm::StringRef B) {
  unsigned Shared = 0;
  for (;;) {
    auto [DirA, RestA] = A.split('/');
    auto [DirB, RestB] = B.split('/');
    if (RestA.empty() || RestB.empty() || DirA != DirB)
      return Shared;
    ++Shared;
    A = RestA;
    B = RestB;
  }
}

static auto tieBreak(const LevelEvidence *E) {
  return std::tie(E->Node, E->Level, E->How, E->Read);
}

NearestEvidence::NearestEvidence(const GroupSummary &Group) {
  for (const auto *List : {&Group.Installs, &Group.Reads})
    for (const LevelEvidence *E : *List)
      ByFile[E->At.File].push_back(E);
  for (auto &[File, List] : ByFile)
    llvm::sort(List, [](const LevelEvidence *A, const LevelEvidence *B) {
      if (A->At.Line != B->At.Line)
        return A->At.Line < B->At.Line;
      return tieBreak(A) < tieBreak(B);
    });
}

// In another file than the site's: the most shared directories, then the
// least place, then the tie-break; each file's candidate is its first.
const LevelEvidence *NearestEvidence::bestElsewhere(const std::string &File) {
  auto [It, New] = Elsewhere.try_emplace(File, nullptr);
  if (!New)
    return It->second;
  const LevelEvidence *Best = nullptr;
  unsigned BestShared = 0;
  for (const auto &[Other, List] : ByFile) {
    const LevelEvidence *E = List.front();
    unsigned Shared = sharedDirectories(Other, File);
    bool Better =
        !Best || Shared > BestShared ||
        (Shared == BestShared &&
         (placeLess(E->At, Best->At) ||
          (!placeLess(Best->At, E->At) && tieBreak(E) < tieBreak(Best))));
    if (Better) {
      Best = E;
      BestShared = Shared;
    }
  }
  return It->second = Best;
}

const LevelEvidence *NearestEvidence::nearest(const SourcePlace &At) {
  auto Same = ByFile.find(At.File);
  if (Same == ByFile.end())
    return bestElsewhere(At.File);
  const std::vector<const LevelEvidence *> &List = Same->second;
  // The first at or after the site's line, and the first of the line
  // before it; the earlier line wins a tie in distance.
  auto After = llvm::partition_point(
      List, [&](const LevelEvidence *E) { return E->At.Line < At.Line; });
  const LevelEvidence *Below = nullptr;
  if (After != List.begin()) {
    unsigned Line = (*std::prev(After))->At.Line;
    Below = *llvm::partition_point(
        List, [&](const LevelEvidence *E) { return E->At.Line < Line; });
  }
  if (After == List.end())
    return Below;
  if (!Below || (*After)->At.Line - At.Line < At.Line - Below->At.Line)
    return *After;
  return Below;
}

std::string NearestEvidence::describe(const MergedSite &Site) {
  if (ByFile.empty())
    return "";
  const LevelEvidence *Best = nearest(Site.At);
  return Best->Level + " table, " + Best->How + atPlace(Best->At);
}

} // namespace pgmigrate
