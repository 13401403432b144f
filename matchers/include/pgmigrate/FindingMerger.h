//===- FindingMerger.h - Findings of many units, decided once ---*- C++ -*-===//
//
// A header is seen by many translation units (and by several compile
// databases): the same site arrives many times. Identical findings count
// once, and their pairing keys unite. Units that disagree about a site
// (different edits, or one converts where another refuses), or edits that
// overlap, make a conflict: those sites are left alone and reported, and
// the other edits of the file still apply. Then the provenance solve over
// the facts of every unit (Provenance.h) decides the sites it owns, and
// sites that pair (Pairing.h) convert together or not at all. The CLI merges
// every unit of its run; the clang-tidy plugin merges one unit's findings the
// same way.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FINDINGMERGER_H
#define PGMIGRATE_FINDINGMERGER_H

#include "pgmigrate/FactsAccumulator.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Provenance.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

class FindingMerger {
public:
  explicit FindingMerger(ProvenanceOptions Options = {}) : Options(Options) {}

  /// Adds the findings of one translation unit.
  void add(std::vector<Finding> Findings);
  /// Adds the provenance facts of one translation unit, the Order-th of
  /// the run (units may come in any order; each fact is kept once).
  void addFacts(ProvenanceFacts Facts, uint32_t Order = 0) {
    UnitFacts.add(std::move(Facts), Order);
  }
  /// Withdraws every conversion that edits File, with its object group:
  /// the file cannot take the edits (it changed after it was parsed, it
  /// cannot be written, it lies outside the tree). Reason says why.
  void withdrawFile(std::string File, std::string Reason) {
    WithdrawnFiles.emplace(std::move(File), std::move(Reason));
  }
  /// Withdraws every conversion whose object group might reach code the
  /// facts lack (a unit that failed to parse, named in Reason): all but
  /// those whose groups are private to one unit that parsed and lie outside
  /// the failed units' own files (FailedFiles). Conversions with no object
  /// group (renames, and rewrites that are the same call whatever made the
  /// page) stay.
  void withdrawBeyondUnits(std::vector<std::string> FailedFiles,
                           std::string Reason) {
    this->FailedFiles = std::move(FailedFiles);
    FailedUnitsReason = std::move(Reason);
  }
  /// The facts added so far (FactsAccumulator::sofar()).
  std::vector<const ProvenanceFacts *> factsSoFar() const {
    return UnitFacts.sofar();
  }
  /// The facts added, one per configuration, moved out (after merge()).
  std::vector<ProvenanceFacts> takeFacts() { return UnitFacts.take(); }

  struct Result {
    /// Every finding once, sorted; sites in conflict have Kind Conflict and
    /// no replacements.
    std::vector<Finding> Findings;
    /// The edits of the converted findings, by absolute file path.
    std::map<std::string, clang::tooling::Replacements> EditsByFile;
    /// Object groups of the provenance solve that have a site, by outcome.
    /// A split group (some members converted, some not) is a bug of the
    /// solve or the pairing pass; the front ends report it as an error.
    unsigned ConvertedGroups = 0;
    unsigned RefusedGroups = 0;
    std::vector<std::string> SplitGroups;
  };

  /// Deduplicates, finds the conflicts, solves provenance, pairs, and
  /// collects the edits.
  Result merge() const;

private:
  void applyWithdrawals(std::vector<Finding> &Findings) const;

  ProvenanceOptions Options;
  std::map<std::string, std::string> WithdrawnFiles;
  std::vector<std::string> FailedFiles;
  std::string FailedUnitsReason;
  std::vector<Finding> All;
  FactsAccumulator UnitFacts;
};

/// Adds the pairing keys and object sites of From that Into lacks (a repeat
/// of a finding may know keys the first report did not; an edit of a
/// macro's definition is reported once per expansion, each its own site).
void uniteRepeat(Finding &Into, const Finding &From);

/// Drops each finding of the sorted Findings that repeats its predecessor
/// (Same(previous, finding)), keeping the union of their pairing keys and
/// object sites.
void dropRepeats(
    std::vector<Finding> &Findings,
    llvm::function_ref<bool(const Finding &, const Finding &)> Same);

} // namespace pgmigrate

#endif // PGMIGRATE_FINDINGMERGER_H
