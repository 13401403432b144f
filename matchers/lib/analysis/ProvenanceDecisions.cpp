//===- ProvenanceDecisions.cpp --------------------------------------------===//

#include "analysis/ProvenanceDecisions.h"

namespace pgmigrate {

// A conversion the solve withdraws, in the words of the pairing pass: the
// reason, then what it would have done.
static void withdraw(Finding &F, const std::string &Reason) {
  llvm::StringRef Was = F.Message;
  F.Message = "not converted: " + Reason + "; it would " +
              (Was.consume_front("replace ") ? "replace " + Was.str()
                                             : "do: " + Was.str()) +
              F.MessageNote;
  F.Kind = FindingKind::Refused;
  F.Replacements.clear();
}

void applyProvenance(std::vector<Finding> &Findings,
                     const ProvenanceResult &Result) {
  for (Finding &F : Findings) {
    if (F.ObjectSite.empty())
      continue;
    auto It = Result.Sites.find(F.ObjectSite);
    if (It == Result.Sites.end()) {
      // Only a front end that collected no facts for the unit gets here.
      if (F.Kind == FindingKind::Converted)
        withdraw(F, "no provenance facts were collected for this site");
      F.MessageNote.clear();
      continue;
    }
    const SiteDecision &D = It->second;
    F.PairingKeys.push_back(
        PairingKey::object(D.Group, D.GroupName, D.UnitLocal));
    if (F.Kind == FindingKind::Converted) {
      if (D.Convert)
        F.Message += " (" + D.Evidence + ")" + F.MessageNote;
      else
        withdraw(F, D.Reason);
    }
    F.MessageNote.clear();
  }
}

} // namespace pgmigrate
