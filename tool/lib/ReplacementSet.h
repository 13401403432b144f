//===- ReplacementSet.h - Merging findings across translation units -*- C++
//-*-===//
//
// A header is seen by many translation units (and by several compile
// databases): the same site arrives many times. Identical findings count
// once. Units that disagree about a site (different edits, or one converts
// where another refuses), or edits that overlap, make a conflict: those
// sites are left alone and reported, and the other edits of the file still
// apply. Then sites that pair (Pairing.h) convert together or not at all.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_REPLACEMENTSET_H
#define PGMIGRATE_TOOL_REPLACEMENTSET_H

#include "pgmigrate/Finding.h"
#include "clang/Tooling/Core/Replacement.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

class ReplacementSet {
public:
  /// Adds the findings of one translation unit.
  void add(std::vector<Finding> Findings);

  struct Result {
    /// Every finding once, sorted; sites in conflict have Kind Conflict and
    /// no replacements.
    std::vector<Finding> Findings;
    /// The edits of the converted findings, by absolute file path.
    std::map<std::string, clang::tooling::Replacements> EditsByFile;
  };

  /// Deduplicates, finds the conflicts and collects the edits.
  Result merge() const;

private:
  std::vector<Finding> All;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_REPLACEMENTSET_H
