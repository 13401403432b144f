//===- ProvenanceDecisions.cpp --------------------------------------------===//

#include "analysis/ProvenanceDecisions.h"
#include "pgmigrate/Pairing.h"
#include <map>
#include <set>

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

// A site no rule reports (in a system header, or in the new API's own
// code) stays on the old API: its group cannot convert. The first such
// site of each group, by key.
static std::map<unsigned, std::string>
unreportedSites(const std::vector<Finding> &Findings,
                const ProvenanceResult &Result) {
  std::set<std::string> Reported;
  for (const Finding &F : Findings)
    Reported.insert(F.ObjectSite);
  std::map<unsigned, std::string> Blocked;
  for (const auto &[Key, D] : Result.Sites)
    if (!Reported.count(Key))
      Blocked.try_emplace(
          D.Group, D.Call + " at " + shortPlaceName(D.At.File, D.At.Line) +
                       ", which stays on the old API (no rule "
                       "edits it: it is in a system header or in the "
                       "new API's own code), is in its object group");
  return Blocked;
}

// A free that may be given NULL converts under a NULL test the rule adds;
// a group with one the rule cannot add it to (the free is inside an
// expression, its argument has side effects) is refused for that free's
// reason. The first such free of each group, by finding order.
static std::map<unsigned, std::string>
unguardableFrees(const std::vector<Finding> &Findings,
                 const ProvenanceResult &Result) {
  std::map<unsigned, std::string> Blocked;
  for (const Finding &F : Findings) {
    if (F.ObjectSite.empty() || F.Kind != FindingKind::Converted ||
        !F.GuardedReplacements.empty())
      continue;
    auto It = Result.Sites.find(F.ObjectSite);
    if (It != Result.Sites.end() && !It->second.NullTest.empty())
      Blocked.try_emplace(It->second.Group, It->second.NullTest);
  }
  return Blocked;
}

// The conversion of a converted site: its evidence, and for a free that
// may be given NULL, the form with the NULL test.
static void convert(Finding &F, const SiteDecision &D) {
  if (!D.NullTest.empty()) {
    F.Replacements = F.GuardedReplacements;
    F.Message = F.GuardedMessage;
  }
  F.Message += " (" + D.Evidence + ")" + F.MessageNote;
  if (!D.NullTest.empty())
    F.Message += "; adds a NULL test: " + D.NullTest;
}

void applyProvenance(std::vector<Finding> &Findings,
                     const ProvenanceResult &Result) {
  std::map<unsigned, std::string> Unreported =
      unreportedSites(Findings, Result);
  std::map<unsigned, std::string> Unguardable =
      unguardableFrees(Findings, Result);
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
    auto Stuck = Unreported.find(D.Group);
    auto Unguarded = Unguardable.find(D.Group);
    if (F.Kind == FindingKind::Converted && Stuck != Unreported.end())
      withdraw(F, Stuck->second);
    else if (F.Kind == FindingKind::Converted) {
      if (!D.Convert)
        withdraw(F, D.Reason);
      else if (Unguarded != Unguardable.end())
        withdraw(F, Unguarded->second);
      else
        convert(F, D);
    }
    F.MessageNote.clear();
  }
}

} // namespace pgmigrate
