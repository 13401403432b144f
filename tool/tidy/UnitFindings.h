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
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <vector>

namespace pgmigrate::tidy {

/// How far the pairing of allocations and frees reaches (see Pairing.h).
enum class PairingScope {
  /// The whole run, as in the CLI: a conversion paired with sites of other
  /// translation units (by table level) is refused, since one unit cannot
  /// know whether those convert. The default.
  Run,
  /// This translation unit alone, as the CLI pairs when it is given just
  /// this unit: other units are assumed to convert their sites too.
  Unit,
};

/// "run" or "unit"; nullopt for anything else.
std::optional<PairingScope> parsePairingScope(llvm::StringRef Text);
llvm::StringRef pairingScopeName(PairingScope Scope);

/// Merges Findings as the CLI merges a run (a header or a macro definition
/// reports once per expansion; their pairing keys unite; the pairing pass
/// over the unit), and with PairingScope::Run refuses the conversions
/// paired across units. Pairing is per check: today only zeroed-page gives
/// keys.
void settleUnitFindings(std::vector<Finding> &Findings, PairingScope Scope);

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_UNITFINDINGS_H
