//===- ProvenanceGroups.h - What each object group holds --------*- C++ -*-===//
//
// The second step of the provenance solve: the groups of the joined graph
// (ProvenanceGraph.h) that have a site, each with the facts about its
// nodes, so that a group can be decided on its own.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H
#define PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H

#include "analysis/ProvenanceGraph.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pgmigrate {

/// One object group and what the facts say about it. Every list keeps the
/// order of the graph's (sorted) lists.
struct GroupSummary {
  /// Every node, sorted by name.
  std::vector<std::string> Nodes;
  /// By key.
  std::vector<const MergedSite *> Sites;
  std::vector<const LevelEvidence *> Installs;
  /// Reads out of entries, contract frees and root-field loads included.
  std::vector<const LevelEvidence *> Reads;
  std::vector<const ProvenanceFacts::Unknown *> Escapes;
  std::vector<const ProvenanceFacts::Unknown *> UnknownOrigins;
  /// Calls that pass a node of the group: the call and the index of that
  /// argument in Call.Arguments.
  std::vector<std::pair<const CallEvidence *, size_t>> Calls;
};

/// The groups that have a site, in the order of their least site key.
std::vector<GroupSummary> summarizeGroups(const ProvenanceGraph &Graph);

/// The first blocker of a group (see Provenance.h), as the reason every
/// site of the group gives; "" when nothing blocks it.
std::string groupBlocker(const GroupSummary &Group,
                         const ProvenanceGraph &Graph);

/// " at arch/x86/mm/init.c:12", or "" when At is nowhere.
std::string atPlace(const SourcePlace &At);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H
