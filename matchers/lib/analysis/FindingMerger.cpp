//===- FindingMerger.cpp --------------------------------------------------===//

#include "pgmigrate/FindingMerger.h"
#include "analysis/ProvenanceDecisions.h"
#include "analysis/WholeRenames.h"
#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <set>
#include <tuple>

namespace pgmigrate {

void uniteRepeat(Finding &Into, const Finding &From) {
  for (const PairingKey &Key : From.PairingKeys)
    if (!llvm::is_contained(Into.PairingKeys, Key))
      Into.PairingKeys.push_back(Key);
  // One edit of a macro's definition seen through two expansions.
  auto AddSite = [&](const std::string &Site) {
    if (!Site.empty() && Site != Into.ObjectSite &&
        !llvm::is_contained(Into.MoreObjectSites, Site))
      Into.MoreObjectSites.push_back(Site);
  };
  AddSite(From.ObjectSite);
  for (const std::string &Site : From.MoreObjectSites)
    AddSite(Site);
  llvm::sort(Into.MoreObjectSites);
  // A constructor must be there in every configuration that sees the site.
  for (const auto &[Level, Why] : From.Level.Unavailable)
    Into.Level.Unavailable.try_emplace(Level, Why);
}

void dropRepeats(
    std::vector<Finding> &Findings,
    llvm::function_ref<bool(const Finding &, const Finding &)> Same) {
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    if (!Kept.empty() && Same(Kept.back(), F)) {
      uniteRepeat(Kept.back(), F);
      continue;
    }
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
}

void FindingMerger::add(std::vector<Finding> Findings) {
  for (Finding &F : Findings)
    All.push_back(std::move(F));
}

namespace {

std::string position(const Finding &F) {
  return std::to_string(F.Line) + ":" + std::to_string(F.Column);
}

Finding conflictAt(const Finding &Site, std::string Reason) {
  Finding Conflict = Site;
  Conflict.Kind = FindingKind::Conflict;
  Conflict.Replacements.clear();
  Conflict.Message = "not converted: " + Reason + "; left unchanged";
  return Conflict;
}

auto siteKey(const Finding &F) {
  return std::make_tuple(llvm::StringRef(F.SiteFile), F.SiteOffset,
                         F.SiteLength);
}

// Two edits of one file that cannot both apply in a well-defined way:
// overlapping ranges, an insertion strictly inside or at the start of
// another edit, or two insertions at one offset.
bool overlap(const clang::tooling::Replacement &A,
             const clang::tooling::Replacement &B) {
  unsigned AEnd = A.getOffset() + A.getLength();
  unsigned BEnd = B.getOffset() + B.getLength();
  if (A.getOffset() == B.getOffset())
    return true;
  return A.getOffset() < BEnd && B.getOffset() < AEnd;
}

// Two findings see the same code: their sites (file ranges after macro
// expansion) overlap, or are the same point.
bool sameCode(const Finding &A, const Finding &B) {
  if (A.SiteFile != B.SiteFile)
    return false;
  if (A.SiteOffset == B.SiteOffset)
    return true;
  return A.SiteOffset < B.SiteOffset + B.SiteLength &&
         B.SiteOffset < A.SiteOffset + A.SiteLength;
}

// Whether two findings about the same code say different things: a
// conversion against a refusal, or two conversions with different edits.
// Refusals never disagree with each other.
bool disagree(const Finding &A, const Finding &B) {
  if (A.Kind != FindingKind::Converted && B.Kind != FindingKind::Converted)
    return false;
  return A.Kind != B.Kind || A.Replacements != B.Replacements;
}

// Every (finding, site) once: a refusal at a macro definition has one site
// per expansion, and each may meet a different unit's conversion.
std::vector<Finding> uniqueReports(std::vector<Finding> Reports) {
  llvm::sort(Reports, [&](const Finding &A, const Finding &B) {
    if (A != B)
      return A < B;
    return siteKey(A) < siteKey(B);
  });
  dropRepeats(Reports, [](const Finding &A, const Finding &B) {
    return A == B && siteKey(A) == siteKey(B);
  });
  return Reports;
}

using Messages = std::map<size_t, std::vector<std::string>>;

// For each report, the messages of the reports that disagree about its
// code. Sites sorted by start; an overlap is found by scanning forward
// while the next site starts inside.
Messages findDisagreements(const std::vector<Finding> &Reports) {
  std::vector<size_t> BySite(Reports.size());
  for (size_t I = 0; I < Reports.size(); ++I)
    BySite[I] = I;
  llvm::sort(BySite, [&](size_t A, size_t B) {
    return std::make_tuple(siteKey(Reports[A]), A) <
           std::make_tuple(siteKey(Reports[B]), B);
  });
  Messages Disagreements;
  for (size_t I = 0; I < BySite.size(); ++I) {
    const Finding &A = Reports[BySite[I]];
    for (size_t J = I + 1; J < BySite.size(); ++J) {
      const Finding &B = Reports[BySite[J]];
      if (B.SiteFile != A.SiteFile ||
          (B.SiteOffset >= A.SiteOffset + A.SiteLength &&
           B.SiteOffset != A.SiteOffset))
        break;
      if (!sameCode(A, B) || !disagree(A, B) || renameMeetsOther(A, B))
        continue;
      Disagreements[BySite[I]].push_back(B.Message);
      Disagreements[BySite[J]].push_back(A.Message);
    }
  }
  return Disagreements;
}

// The conflict a conversion becomes when other units say Others about it.
Finding disagreementConflict(const Finding &Site,
                             std::vector<std::string> Others) {
  llvm::sort(Others);
  Others.erase(std::unique(Others.begin(), Others.end()), Others.end());
  // Listed in one order whatever the unit: both sides of a disagreement at
  // one place then read the same and are reported once.
  Others.push_back(Site.Message);
  llvm::sort(Others);
  Others.erase(std::unique(Others.begin(), Others.end()), Others.end());
  std::string Opinions;
  for (const std::string &Message : Others)
    Opinions += (Opinions.empty() ? "" : " | ") + Message;
  return conflictAt(Site,
                    "translation units disagree about this site: " + Opinions);
}

// Findings once each; a conversion that some unit disagrees with becomes a
// conflict (the refusal itself is still reported as it is).
std::vector<Finding> collapseSites(const std::vector<Finding> &Reports,
                                   Messages Disagreements) {
  std::vector<Finding> Sites;
  Messages Against; // by index in Sites
  for (size_t I = 0; I < Reports.size(); ++I) {
    if (Sites.empty() || Sites.back() != Reports[I])
      Sites.push_back(Reports[I]);
    else
      uniteRepeat(Sites.back(), Reports[I]);
    auto It = Disagreements.find(I);
    if (It != Disagreements.end() && Reports[I].Kind == FindingKind::Converted)
      for (std::string &Message : It->second)
        Against[Sites.size() - 1].push_back(std::move(Message));
  }
  for (auto &[Index, Others] : Against)
    Sites[Index] = disagreementConflict(Sites[Index], std::move(Others));
  return Sites;
}

// For each site whose edit overlaps another site's edit, one such site.
std::map<size_t, size_t> findOverlaps(const std::vector<Finding> &Sites) {
  struct OwnedEdit {
    const clang::tooling::Replacement *Edit;
    size_t Site;
  };
  std::map<std::string, std::vector<OwnedEdit>> EditsOfFile;
  for (size_t S = 0; S < Sites.size(); ++S)
    for (const clang::tooling::Replacement &R : Sites[S].Replacements)
      EditsOfFile[R.getFilePath().str()].push_back({&R, S});
  std::map<size_t, size_t> OverlapsWith;
  for (auto &[File, Edits] : EditsOfFile) {
    llvm::sort(Edits, [](const OwnedEdit &A, const OwnedEdit &B) {
      return std::make_tuple(A.Edit->getOffset(), A.Edit->getLength(), A.Site) <
             std::make_tuple(B.Edit->getOffset(), B.Edit->getLength(), B.Site);
    });
    for (size_t I = 0; I < Edits.size(); ++I) {
      unsigned End = Edits[I].Edit->getOffset() + Edits[I].Edit->getLength();
      for (size_t J = I + 1; J < Edits.size(); ++J) {
        if (Edits[J].Edit->getOffset() > End ||
            (Edits[J].Edit->getOffset() == End &&
             Edits[J].Edit->getOffset() != Edits[I].Edit->getOffset()))
          break;
        if (Edits[I].Site == Edits[J].Site ||
            !overlap(*Edits[I].Edit, *Edits[J].Edit) ||
            renameMeetsOther(Sites[Edits[I].Site], Sites[Edits[J].Site]))
          continue;
        OverlapsWith.emplace(Edits[I].Site, Edits[J].Site);
        OverlapsWith.emplace(Edits[J].Site, Edits[I].Site);
      }
    }
  }
  return OverlapsWith;
}

// The sites, those whose edits overlap another's as conflicts.
std::vector<Finding> withOverlapsInConflict(const std::vector<Finding> &Sites) {
  std::map<size_t, size_t> OverlapsWith = findOverlaps(Sites);
  std::vector<Finding> Decided;
  for (size_t S = 0; S < Sites.size(); ++S) {
    auto It = OverlapsWith.find(S);
    if (It == OverlapsWith.end()) {
      Decided.push_back(Sites[S]);
      continue;
    }
    const Finding &Other = Sites[It->second];
    Decided.push_back(conflictAt(Sites[S], "its edit overlaps a different "
                                           "edit [" +
                                               Other.Rule + "] at " +
                                               position(Other) +
                                               " from another translation "
                                               "unit"));
  }
  return Decided;
}

// The edits that survive, by file. They no longer overlap, so add()
// succeeds; if it did not, the site would become a conflict rather than be
// dropped. Each edit is added to its file's set in place (a copy per
// finding would cost the square of a file's edits); the rare finding that
// fails has its files rebuilt from the edits accepted before it.
void collectEdits(FindingMerger::Result &Merged) {
  std::map<std::string, std::vector<clang::tooling::Replacement>> Accepted;
  auto Rebuild = [&](const std::string &File) {
    clang::tooling::Replacements Edits;
    for (const clang::tooling::Replacement &R : Accepted[File])
      llvm::consumeError(Edits.add(R));
    Merged.EditsByFile[File] = std::move(Edits);
  };
  for (Finding &F : Merged.Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    std::set<std::string> Touched;
    bool Combined = true;
    for (const clang::tooling::Replacement &R : F.Replacements) {
      std::string File = R.getFilePath().str();
      Touched.insert(File);
      if (llvm::Error E = Merged.EditsByFile[File].add(R)) {
        llvm::consumeError(std::move(E));
        Combined = false;
        break;
      }
    }
    if (!Combined) {
      for (const std::string &File : Touched)
        Rebuild(File);
      F = conflictAt(F, "its edit cannot be combined with the file's other "
                        "edits");
      continue;
    }
    for (const clang::tooling::Replacement &R : F.Replacements)
      Accepted[R.getFilePath().str()].push_back(R);
  }
  for (auto It = Merged.EditsByFile.begin(); It != Merged.EditsByFile.end();)
    It = It->second.empty() ? Merged.EditsByFile.erase(It) : std::next(It);
}

// Counts the object groups by outcome, and names each that is split.
void countGroups(FindingMerger::Result &Merged) {
  std::map<PairingKey, std::pair<bool, bool>> Outcomes; // converted, not
  for (const Finding &F : Merged.Findings)
    for (const PairingKey &Key : F.PairingKeys) {
      auto &[Converted, NotConverted] = Outcomes[Key];
      (F.Kind == FindingKind::Converted ? Converted : NotConverted) = true;
    }
  for (auto &[Key, Outcome] : Outcomes) {
    if (Outcome.first && Outcome.second) {
      Merged.SplitGroups.push_back(Key.describe());
      for (Finding &F : Merged.Findings)
        if (F.Kind == FindingKind::Converted &&
            llvm::is_contained(F.PairingKeys, Key))
          F = conflictAt(F, "internal error: its object group would be "
                            "half converted");
      ++Merged.RefusedGroups;
    } else if (Outcome.first)
      ++Merged.ConvertedGroups;
    else
      ++Merged.RefusedGroups;
  }
}

// A conversion withdrawn before pairing: a refusal that says why, which the
// pairing pass then extends to the rest of its object group.
void withdraw(Finding &F, llvm::StringRef Reason) {
  F.Kind = FindingKind::Refused;
  F.Message = withdrawnMessage(F, Reason);
  F.Replacements.clear();
  F.GuardedReplacements.clear();
  F.AddsNullTest = false;
}

} // namespace

void FindingMerger::applyWithdrawals(std::vector<Finding> &Findings) const {
  for (Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    const std::string *Reason = nullptr;
    for (const clang::tooling::Replacement &R : F.Replacements) {
      auto It = WithdrawnFiles.find(R.getFilePath().str());
      if (It != WithdrawnFiles.end()) {
        Reason = &It->second;
        break;
      }
    }
    if (Reason) {
      withdraw(F, *Reason);
      continue;
    }
    // A conversion without an object group (a rename, a rewrite that is
    // the same call whatever allocated the page) does not depend on what
    // the failed units do with the page.
    if (FailedUnitsReason.empty() || F.PairingKeys.empty())
      continue;
    bool InFailedFile =
        llvm::any_of(F.Replacements, [&](const clang::tooling::Replacement &R) {
          return llvm::is_contained(FailedFiles, R.getFilePath());
        });
    bool Local = llvm::all_of(
        F.PairingKeys, [](const PairingKey &Key) { return Key.unitLocal(); });
    if (InFailedFile || !Local)
      withdraw(F, FailedUnitsReason);
  }
}

FindingMerger::Result FindingMerger::merge() const {
  std::vector<Finding> Reports = uniqueReports(All);
  // 1. Units that disagree about the same code; each finding once.
  Messages Disagreements = findDisagreements(Reports);
  std::vector<Finding> Sites = collapseSites(Reports, std::move(Disagreements));
  // 2. Different sites whose edits overlap.
  Result Merged;
  Merged.Findings = withOverlapsInConflict(Sites);
  // 3. Which sites hold page tables, and which convert together.
  ProvenanceResult Solved =
      solveProvenance(UnitFacts.facts(), KernelContracts::kernel(), Options);
  applyProvenance(Merged.Findings, Solved, Options.LevelTarget);
  // Files that cannot take their edits, units the facts lack.
  applyWithdrawals(Merged.Findings);
  // 4. Sites that convert together or not at all: a refusal or a conflict
  // in a pairing group withdraws its other conversions.
  applyPairing(Merged.Findings);
  // 4b. Renames made whole: yielding to the conversions around their
  // tokens, or withdrawn all together.
  applyWholeRenames(Merged.Findings);
  // 5. Every object group whole, checked; a split one is withdrawn.
  countGroups(Merged);
  // 6. The edits that survive.
  collectEdits(Merged);
  llvm::sort(Merged.Findings);
  Merged.Findings.erase(
      std::unique(Merged.Findings.begin(), Merged.Findings.end()),
      Merged.Findings.end());
  return Merged;
}

} // namespace pgmigrate
