//===- NearestEvidence.h - What shows a site's object is a table -*- C++
//-*-===//
//
// Each converted site names the install or read that shows its object is a
// page table: the one nearest the site. In the site's file, the nearest
// line (the earlier line on a tie); else in the file that shares the most
// directories with the site's, then the first in placeLess() order; ties
// by node, level, how, and whether it is a read. Levels may differ within
// a group; the nearest one is named.
//
// A group can hold thousands of sites and installs (a generated file), so
// the evidence is indexed once per group: by file and line, and the choice
// for another file once per file of a site. Each site then costs a binary
// search, not a pass over the whole group.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_NEARESTEVIDENCE_H
#define PGMIGRATE_ANALYSIS_NEARESTEVIDENCE_H

#include "analysis/ProvenanceGroups.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

class NearestEvidence {
public:
  explicit NearestEvidence(const GroupSummary &Group);

  /// "pte table, installed by ... at FILE:LINE" for Site, or "" when the
  /// group has no install or read.
  std::string describe(const MergedSite &Site);

private:
  const LevelEvidence *nearest(const SourcePlace &At);
  const LevelEvidence *bestElsewhere(const std::string &File);

  /// By file, sorted by line, then the tie-break order.
  std::map<std::string, std::vector<const LevelEvidence *>> ByFile;
  /// bestElsewhere() by the site's file.
  std::map<std::string, const LevelEvidence *> Elsewhere;
};

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_NEARESTEVIDENCE_H
