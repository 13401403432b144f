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

// Keys of groups that reach beyond one unit: every table of a level in an
// arch, whichever file allocates or frees it.
static bool isRunWideKey(const PairingKey &Key) {
  return Key.kind() == PairingKey::Kind::Level;
}

// Withdraws a conversion paired across units, in the words of the pairing
// pass: the reason, then what it would have done.
static void refuseAcrossUnits(Finding &F, const PairingKey &Key) {
  llvm::StringRef Was = F.Message;
  std::string Would = Was.consume_front("replace ") ? "replace " + Was.str()
                                                    : "do: " + Was.str();
  F.Message = "not converted: it pairs (" + Key.describe() +
              ") with the allocations and frees of other translation units, "
              "which one clang-tidy unit does not see (pgtable-migrate pairs "
              "over the whole run; PairingScope 'unit' pairs within the "
              "unit); it would " +
              Would;
  F.Kind = FindingKind::Refused;
  F.Replacements.clear();
}

void settleUnitFindings(std::vector<Finding> &Findings, PairingScope Scope) {
  // What the unit shows itself, decided as the CLI decides its run.
  FindingMerger Merger;
  Merger.add(std::move(Findings));
  Findings = Merger.merge().Findings;
  if (Scope == PairingScope::Unit)
    return;

  bool Withdrew = false;
  for (Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    std::vector<PairingKey> Keys = F.PairingKeys;
    llvm::sort(Keys);
    auto RunWide = llvm::find_if(Keys, isRunWideKey);
    if (RunWide == Keys.end())
      continue;
    refuseAcrossUnits(F, *RunWide);
    Withdrew = true;
  }
  // Sites paired with the withdrawn ones by other keys follow them.
  if (Withdrew)
    applyPairing(Findings);
}

} // namespace pgmigrate::tidy
