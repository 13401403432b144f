//===- UnitFindings.cpp ---------------------------------------------------===//

#include "UnitFindings.h"
#include "pgmigrate/FindingMerger.h"
#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace pgmigrate::tidy {

std::optional<PairingScope> parsePairingScope(llvm::StringRef Text) {
  if (Text == "run")
    return PairingScope::Run;
  if (Text == "unit")
    return PairingScope::Unit;
  return std::nullopt;
}

llvm::StringRef pairingScopeName(PairingScope Scope) {
  return Scope == PairingScope::Run ? "run" : "unit";
}

// Withdraws a conversion whose group reaches beyond the unit, in the words
// of the pairing pass: the reason, then what it would have done.
static void refuseAcrossUnits(Finding &F, const PairingKey &Key) {
  llvm::StringRef Was = F.Message;
  std::string Would = Was.consume_front("replace ") ? "replace " + Was.str()
                                                    : "do: " + Was.str();
  F.Message = "not converted: its object group (" + Key.describe() +
              ") reaches beyond this translation unit (a header, a "
              "function other units call, a field or a global), which one "
              "clang-tidy unit cannot decide (pgtable-migrate solves over "
              "the whole run; PairingScope 'unit' decides within the "
              "unit); it would " +
              Would;
  F.Kind = FindingKind::Refused;
  F.Replacements.clear();
}

void settleUnitFindings(std::vector<Finding> &Findings,
                        std::optional<ProvenanceFacts> Facts,
                        const ProvenanceOptions &Provenance,
                        PairingScope Scope) {
  // What the unit shows itself, decided as the CLI decides its run.
  FindingMerger Merger(Provenance);
  Merger.add(std::move(Findings));
  if (Facts)
    Merger.addFacts(std::move(*Facts));
  Findings = Merger.merge().Findings;
  if (Scope == PairingScope::Unit)
    return;

  bool Withdrew = false;
  for (Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    auto Shared = llvm::find_if(
        F.PairingKeys, [](const PairingKey &Key) { return !Key.unitLocal(); });
    if (Shared == F.PairingKeys.end())
      continue;
    refuseAcrossUnits(F, *Shared);
    Withdrew = true;
  }
  // Sites paired with the withdrawn ones follow them.
  if (Withdrew)
    applyPairing(Findings);
}

} // namespace pgmigrate::tidy
