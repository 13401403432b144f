//===- ProvenanceGroups.h - What each object group holds --------*- C++ -*-===//
//
// The second step of the provenance solve: the object groups, each with
// the facts about its nodes, so that a group can be decided on its own.
// An allocation and a free are in one group when the allocation's page may
// flow to the free (directed reachability over the graph's edges), and
// groups are closed under that. A group's forward nodes are those its
// allocations' pages may reach: what happens there (an escape, a call of a
// function no unit defines) may happen to its pages. Its backward nodes are
// those its frees' values may come from: an unknown origin there may be
// freed. A reader of a table (a function that takes it and does nothing
// that reaches a free) therefore joins no groups.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H
#define PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H

#include "analysis/ProvenanceGraph.h"
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pgmigrate {

/// One object group and what the facts say about it. Every list keeps the
/// order of the graph's (sorted) lists.
struct GroupSummary {
  /// Every node, sorted by name; those the allocations reach, and those
  /// the frees' values come from (each sorted).
  std::vector<std::string> Nodes, Forward, Backward;
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
/// The frees of Group that may be given NULL and do not test for it, by
/// site key, with why ("the free at ... may be given NULL (...), which
/// free_page() ignores and pgtable_free() does not accept").
std::map<std::string, std::string> nullFrees(const GroupSummary &Group,
                                             const ProvenanceGraph &Graph);

std::string groupBlocker(const GroupSummary &Group,
                         const ProvenanceGraph &Graph);

/// " at arch/x86/mm/init.c:12", or "" when At is nowhere.
std::string atPlace(const SourcePlace &At);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_PROVENANCEGROUPS_H
