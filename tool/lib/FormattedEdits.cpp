//===- FormattedEdits.cpp -------------------------------------------------===//

#include "FormattedEdits.h"
#include "llvm/ADT/STLExtras.h"
#include <limits>

namespace pgmigrate {

namespace {

/// The characters a finding's own edits in one file cover.
struct OwnRange {
  size_t Finding;
  unsigned Begin, End;
};

/// How far apart [A.Begin, A.End] and the edit R are; 0 when they overlap
/// or touch.
unsigned distance(const OwnRange &A, const clang::tooling::Replacement &R) {
  unsigned Begin = R.getOffset(), End = R.getOffset() + R.getLength();
  if (End < A.Begin)
    return A.Begin - End;
  if (Begin > A.End)
    return Begin - A.End;
  return 0;
}

} // namespace

void attachFormattedEdits(std::vector<Finding> &Findings, llvm::StringRef File,
                          const clang::tooling::Replacements &Formatted) {
  std::vector<OwnRange> Ranges;
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (Findings[I].Kind != FindingKind::Converted)
      continue;
    for (const clang::tooling::Replacement &R : Findings[I].Replacements)
      if (R.getFilePath() == File)
        Ranges.push_back({I, R.getOffset(), R.getOffset() + R.getLength()});
  }
  if (Ranges.empty())
    return;

  std::vector<std::vector<clang::tooling::Replacement>> Assigned(
      Findings.size());
  for (const clang::tooling::Replacement &R : Formatted) {
    const OwnRange *Owner = nullptr;
    unsigned Best = std::numeric_limits<unsigned>::max();
    for (const OwnRange &Range : Ranges) {
      unsigned D = distance(Range, R);
      if (D < Best) {
        Best = D;
        Owner = &Range;
      }
    }
    Assigned[Owner->Finding].push_back(R);
  }

  for (size_t I = 0; I < Findings.size(); ++I) {
    bool EditsFile = llvm::any_of(
        Ranges, [&](const OwnRange &Range) { return Range.Finding == I; });
    if (!EditsFile)
      continue;
    std::vector<clang::tooling::Replacement> Kept;
    for (const clang::tooling::Replacement &R : Findings[I].Replacements)
      if (R.getFilePath() != File)
        Kept.push_back(R);
    for (clang::tooling::Replacement &R : Assigned[I])
      Kept.push_back(std::move(R));
    Findings[I].Replacements = std::move(Kept);
  }
}

} // namespace pgmigrate
