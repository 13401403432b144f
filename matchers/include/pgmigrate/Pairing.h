//===- Pairing.h - Sites that convert together or not at all ----*- C++ -*-===//
//
// An allocation and the free of the same object must both move to the new
// API, or neither. The provenance solve (Provenance.h) puts each finding it
// decides into its object group, as a pairing key (PairingKey.h): the
// allocations and frees that values flow between, across every translation
// unit of the run.
//
// After the findings of all units are merged, applyPairing() refuses every
// converted member of a group that has a member which is not converted
// (refused, or a conflict between units), or whose members disagree on the
// page order. The front ends call it: the CLI after merging, a clang-tidy
// check over one unit's findings.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PAIRING_H
#define PGMIGRATE_PAIRING_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/PairingKey.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pgmigrate {

/// A place, for messages: File from its last "arch/" component when there
/// is one (else the whole path), then ":" and Line.
std::string shortPlaceName(llvm::StringRef File, unsigned Line);

/// Where a finding is, for messages: shortPlaceName() of its path and line.
std::string shortSiteName(const Finding &F);

/// The message of a conversion that is withdrawn: "not converted: Reason;
/// it would replace ...".
std::string withdrawnMessage(const Finding &F, llvm::StringRef Reason);

/// Refuses the converted findings of every blocked group (see above) and
/// drops their edits; each says which site blocks it. Deterministic: the
/// result depends only on the findings, not on their order.
void applyPairing(std::vector<Finding> &Findings);

} // namespace pgmigrate

#endif // PGMIGRATE_PAIRING_H
