//===- UnitFindings.cpp ---------------------------------------------------===//

#include "UnitFindings.h"
#include "pgmigrate/FindingMerger.h"
#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

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

llvm::Expected<const RunDecisions *> loadRunDecisions(llvm::StringRef Path) {
  // clang-tidy creates the checks for every unit it runs; the file is read
  // once.
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<RunDecisions>> Loaded;
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<RunDecisions> &Slot = Loaded[Path.str()];
  if (Slot)
    return Slot.get();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s",
                                   Buffer.getError().message().c_str());
  llvm::Expected<RunDecisions> Run =
      runDecisionsFromJson((*Buffer)->getBuffer());
  if (!Run)
    return Run.takeError();
  Slot = std::make_unique<RunDecisions>(std::move(*Run));
  return Slot.get();
}

void settleUnitFindings(std::vector<Finding> &Findings,
                        std::optional<ProvenanceFacts> Facts,
                        const ProvenanceOptions &Provenance, PairingScope Scope,
                        const RunDecisions *Decisions,
                        llvm::StringRef FactsFile) {
  // The rules' own edits, for the run's conversions that the unit alone
  // would withdraw.
  std::map<std::pair<std::string, std::string>, RuleEdits> Original;
  if (Decisions)
    for (const Finding &F : Findings)
      if (!F.ObjectSite.empty() && F.Kind == FindingKind::Converted)
        Original.try_emplace({F.ObjectSite, F.Rule},
                             RuleEdits{F.Replacements, F.GuardedReplacements});
  // What the unit shows itself, decided as the CLI decides its run.
  FindingMerger Merger(Provenance);
  Merger.add(std::move(Findings));
  if (Facts)
    Merger.addFacts(std::move(*Facts));
  Findings = Merger.merge().Findings;
  if (Decisions) {
    applyRunDecisions(Findings, *Decisions, Original, FactsFile);
    return;
  }
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
