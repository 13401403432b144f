//===- ProvenanceDecisions.cpp --------------------------------------------===//

#include "analysis/ProvenanceDecisions.h"
#include "analysis/LevelTarget.h"
#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <set>

namespace pgmigrate {

// The object sites a finding stands for: one, or one per expansion of a
// macro's definition.
static std::vector<std::string> objectSitesOf(const Finding &F) {
  std::vector<std::string> Sites;
  if (!F.ObjectSite.empty())
    Sites.push_back(F.ObjectSite);
  llvm::append_range(Sites, F.MoreObjectSites);
  return Sites;
}

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
    for (const std::string &Site : objectSitesOf(F))
      Reported.insert(Site);
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
    if (F.Kind != FindingKind::Converted || !F.GuardedReplacements.empty())
      continue;
    for (const std::string &Site : objectSitesOf(F)) {
      auto It = Result.Sites.find(Site);
      if (It != Result.Sites.end() && !It->second.NullTest.empty())
        Blocked.try_emplace(It->second.Group, It->second.NullTest);
    }
  }
  return Blocked;
}

// The conversion of a converted site: its evidence, and for a free that
// may be given NULL, the form with the NULL test.
static void convert(Finding &F, const SiteDecision &D) {
  if (!D.NullTest.empty()) {
    F.Replacements = F.GuardedReplacements;
    F.Message = F.GuardedMessage;
    F.AddsNullTest = true;
  }
  F.Message += " (" + D.Evidence + ")" + F.MessageNote;
  if (!D.NullTest.empty())
    F.Message += "; adds a NULL test: " + D.NullTest;
}

// Why a finding that stands for several sites (an edit of a macro's
// definition) cannot convert: the first of its other sites that does not,
// and that site's reason.
static std::string otherExpansionReason(const Finding &F,
                                        const ProvenanceResult &Result) {
  for (const std::string &Site : F.MoreObjectSites) {
    auto It = Result.Sites.find(Site);
    if (It == Result.Sites.end())
      return "no provenance facts were collected for one of its expansions";
    if (!It->second.Convert)
      return "the expansion at " +
             shortPlaceName(It->second.At.File, It->second.At.Line) +
             " is not converted (" + It->second.Reason + ")";
    if (!It->second.NullTest.empty())
      return "the expansion at " +
             shortPlaceName(It->second.At.File, It->second.At.Line) +
             " would need a NULL test, which a macro's definition cannot "
             "take: " +
             It->second.NullTest;
  }
  return "";
}

// --target=level: why each group cannot take its level's constructor and
// destructor, the solve's reason first, else the first of its converted
// findings that has no per-level form, by finding order.
static std::map<unsigned, std::string>
levelBlockers(const std::vector<Finding> &Findings,
              const ProvenanceResult &Result) {
  std::map<unsigned, std::string> Blocked;
  for (const auto &[Key, D] : Result.Sites)
    if (D.Convert && !D.LevelBlocker.empty())
      Blocked.try_emplace(D.Group, D.LevelBlocker);
  for (const Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    for (const std::string &Site : objectSitesOf(F)) {
      auto It = Result.Sites.find(Site);
      if (It == Result.Sites.end() || !It->second.Convert)
        continue;
      std::string Problem = levelFormProblem(F, It->second.Level);
      if (!Problem.empty())
        Blocked.try_emplace(It->second.Group,
                            "at " + shortSiteName(F) + ", " + Problem);
    }
  }
  return Blocked;
}

void applyProvenance(std::vector<Finding> &Findings,
                     const ProvenanceResult &Result, bool LevelTarget) {
  std::map<unsigned, std::string> Unreported =
      unreportedSites(Findings, Result);
  std::map<unsigned, std::string> Unguardable =
      unguardableFrees(Findings, Result);
  std::map<unsigned, std::string> NoLevelForm;
  if (LevelTarget)
    NoLevelForm = levelBlockers(Findings, Result);
  for (Finding &F : Findings) {
    // One run, one target: the rewrites to the new API that no object
    // group decides (ptdesc-free, ptdesc-address) are not made under
    // --target=level; renames are.
    if (LevelTarget && F.ObjectSite.empty() &&
        F.Kind == FindingKind::Converted &&
        (F.Rule == "ptdesc-free" || F.Rule == "ptdesc-address")) {
      withdraw(F, "--target=level converts object groups of kernel page "
                  "tables only, and this rewrite to the new API is none "
                  "(--target=pgtable converts it)");
      continue;
    }
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
    // Every expansion's group pairs with the edit. An edit in another file
    // than the call's expansion (a macro's definition in a header) is seen
    // by every unit that expands it: no unit decides it alone.
    bool EditElsewhere =
        llvm::any_of(F.Replacements, [&](const clang::tooling::Replacement &R) {
          return R.getFilePath() != D.At.File;
        });
    for (const std::string &Site : objectSitesOf(F)) {
      auto Other = Result.Sites.find(Site);
      if (Other != Result.Sites.end())
        F.PairingKeys.push_back(
            PairingKey::object(Other->second.Group, Other->second.GroupName,
                               Other->second.UnitLocal && !EditElsewhere));
    }
    auto Stuck = Unreported.find(D.Group);
    auto Unguarded = Unguardable.find(D.Group);
    std::string Expansion = otherExpansionReason(F, Result);
    if (F.Kind == FindingKind::Converted && Stuck != Unreported.end())
      withdraw(F, Stuck->second);
    else if (F.Kind == FindingKind::Converted) {
      if (!D.Convert)
        withdraw(F, D.Reason);
      else if (Unguarded != Unguardable.end())
        withdraw(F, Unguarded->second);
      else if (!Expansion.empty())
        withdraw(F, Expansion);
      else if (auto Level = NoLevelForm.find(D.Group);
               Level != NoLevelForm.end())
        withdraw(F, "--target=level: " + Level->second +
                        " (--target=pgtable converts it)");
      else {
        convert(F, D);
        if (LevelTarget)
          applyLevelForm(F, D.Level);
      }
    }
    F.MessageNote.clear();
  }
}

} // namespace pgmigrate
