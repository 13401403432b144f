//===- TestingMutants.h - Deliberately wrong migrations ---------*- C++ -*-===//
//
// Test-only (--testing-mutant=NAME). Each mutant makes the tool write a
// migration that is wrong in one way a rewriter could get wrong, so that
// the negative controls (testdata/mutants) can show the equivalence suite
// and --verify catch it: a suite no wrong migration can break proves
// nothing. The mutants change the converted findings' edits after the
// merge, except skip-descriptor-uses, which the ptdesc-address rule makes
// (MigrationOptions::TestingSkipDescriptorUses), and break-names, which
// renames the formatted edits.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_TESTINGMUTANTS_H
#define PGMIGRATE_TOOL_TESTINGMUTANTS_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

enum class Mutant {
  None,
  /// The new API's names become names nothing declares: the rewritten
  /// unit does not compile (--verify must withdraw it).
  BreakNames,
  /// Allocations converted, their frees left on the old API.
  KeepFrees,
  /// Frees converted, their allocations left on the old API.
  KeepAllocations,
  /// An allocation of order N > 0 converted with order 0: its free then
  /// releases one page where the code released 2^N.
  WrongOrder,
  /// An allocation whose table relies on zeroing converted to a ptdesc
  /// allocation without __GFP_ZERO.
  DropZeroing,
  /// A ptdesc still needed (its constructor, its kernel-table mark)
  /// converted, the statements that need it dropped.
  SkipDescriptorUses,
  /// Each converted free names the table one level up (pte -> pmd,
  /// pmd -> pud): a pmd table freed as its pte table, a pud table twice.
  LevelUp,
  /// With --target=level: each converted free of a pmd or pud table calls
  /// the new API's free instead of its level's destructor, so a
  /// pmd_alloc_one() table is freed by pgtable_free() with its constructor
  /// state still set.
  LevelPgtableFree,
};

/// The mutant named Name ("" is None), or nullopt.
std::optional<Mutant> parseMutant(llvm::StringRef Name);
/// Every mutant's name, comma-separated, for messages.
std::string mutantNames();

/// Makes the converted Findings' edits wrong as Kind says (the mutants
/// that act after the merge; the others leave them alone).
void mutateFindings(Mutant Kind, const MigrationOptions &Options,
                    std::vector<Finding> &Findings);

/// break-names: every identifier of Edits that is the new API's name gets
/// a "_broken" suffix.
clang::tooling::Replacements
breakApiNames(const clang::tooling::Replacements &Edits,
              const MigrationOptions &Options);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TESTINGMUTANTS_H
