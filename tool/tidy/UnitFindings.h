//===- UnitFindings.h - What one translation unit can decide ----*- C++ -*-===//
//
// The CLI merges the findings of every unit of a run before it decides; a
// clang-tidy check sees one unit. settleUnitFindings() merges the unit's
// findings with the CLI's merger (pgmigrate/FindingMerger.h: repeats count
// once, disagreements and overlapping edits become conflicts, the pairing
// pass), and refuses, with the reason, every conversion whose fate depends
// on units the check cannot see.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_UNITFINDINGS_H
#define PGMIGRATE_TIDY_UNITFINDINGS_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/Provenance.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "pgmigrate/RunDecisions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <vector>

namespace pgmigrate::tidy {

/// How far the pairing of allocations and frees reaches (see Pairing.h).
enum class PairingScope {
  /// The whole run, as in the CLI: a conversion whose object group reaches
  /// beyond this unit (a header, a non-static function, a field, a global)
  /// is refused, since one unit cannot know how the rest of the group is
  /// decided. The default.
  Run,
  /// This translation unit alone, as the CLI pairs when it is given just
  /// this unit: other units are assumed to convert their sites too.
  Unit,
};

/// "run" or "unit"; nullopt for anything else.
std::optional<PairingScope> parsePairingScope(llvm::StringRef Text);
llvm::StringRef pairingScopeName(PairingScope Scope);

/// Merges Findings as the CLI merges a run (a header or a macro definition
/// reports once per expansion; the provenance solve over the unit's Facts;
/// the pairing pass). Given a run's Decisions (read from FactsFile), each
/// site the provenance decides takes the run's decision; otherwise, with
/// PairingScope::Run, the conversions whose object group reaches beyond
/// the unit are refused.
void settleUnitFindings(std::vector<Finding> &Findings,
                        std::optional<ProvenanceFacts> Facts,
                        const ProvenanceOptions &Provenance, PairingScope Scope,
                        const RunDecisions *Decisions = nullptr,
                        llvm::StringRef FactsFile = "");

/// The decisions of the facts file at Path, read once per process.
llvm::Expected<const RunDecisions *> loadRunDecisions(llvm::StringRef Path);

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_UNITFINDINGS_H
