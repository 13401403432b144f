//===- RunDecisions.h - A run's facts and decisions, for other front ends ===//
//
// What `pgtable-migrate --facts-out=FILE` writes: the provenance facts of
// the run, merged (one record per configuration, each fact once), and the run's
// final decision about every site that provenance decides (converted or
// refused, and the message). The clang-tidy checks read it (their FactsFile
// option) and take the same whole-program decisions as the CLI, although each
// sees one unit: a unit's own facts cannot show what other units do with its
// tables, and the decisions also depend on what the rules made of other units'
// sites.
//
// The file is JSON:
//
//   {"version": 1, "units": [<ProvenanceFacts as factsToJson() writes>],
//    "decisions": [{"site": KEY, "rule": "zeroed-page",
//                   "converted": true, "addsNullTest": false,
//                   "level": "pmd" (only when converted to it),
//                   "message": "replace ..."}]}
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RUNDECISIONS_H
#define PGMIGRATE_RUNDECISIONS_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pgmigrate {

struct RunDecisions {
  struct Decision {
    bool Converted = false;
    /// Converted with the NULL test the rule adds (Finding.h).
    bool AddsNullTest = false;
    /// The message of the run's finding ("replace ... (pmd table, ...)",
    /// "not converted: ...").
    std::string Message;
    /// Converted to this level's constructor or destructor
    /// (--target=level), or "" for the new API.
    std::string Level;
  };
  std::vector<ProvenanceFacts> Units;
  /// By (site key, rule).
  std::map<std::pair<std::string, std::string>, Decision> Decisions;

  /// The decisions of a run's merged findings (those with an object site),
  /// with its units' facts merged (mergeFactsByConfig()).
  static RunDecisions of(llvm::ArrayRef<Finding> Findings,
                         std::vector<ProvenanceFacts> Units);
};

std::string runDecisionsToJson(const RunDecisions &Run);
/// The same, written as it is made (a kernel run's facts are large).
void writeRunDecisions(llvm::raw_ostream &OS, const RunDecisions &Run);
/// Errors name the field that is wrong ("expected boolean at
/// run.decisions[3].converted").
llvm::Expected<RunDecisions> runDecisionsFromJson(llvm::StringRef Json);

/// A finding's edits as its rule made them: plain, and with a NULL test.
struct RuleEdits {
  std::vector<clang::tooling::Replacement> Plain, Guarded;
};

/// Puts the run's decisions on one unit's merged Findings. Original holds
/// each finding's edits as its rule made them, by (site key, rule), for
/// conversions the unit alone would have withdrawn. A site the run did not
/// decide is refused, naming File.
void applyRunDecisions(
    std::vector<Finding> &Findings, const RunDecisions &Run,
    const std::map<std::pair<std::string, std::string>, RuleEdits> &Original,
    llvm::StringRef File);

} // namespace pgmigrate

#endif // PGMIGRATE_RUNDECISIONS_H
