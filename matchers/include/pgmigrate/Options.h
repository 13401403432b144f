//===- Options.h - Settings every front end shares --------------*- C++ -*-===//
//
// The CLI's switches and a clang-tidy check's CheckOptions both end up in a
// MigrationOptions, built by the same function so defaults and errors agree.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_OPTIONS_H
#define PGMIGRATE_OPTIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// What the rules do: which of them run and which names they emit.
struct MigrationOptions {
  /// Stable names of the rules that run, sorted. Only implemented rules.
  std::vector<std::string> EnabledRules;
  /// The allocation and free functions of the new API.
  std::string AllocName = "pgtable_alloc";
  std::string FreeName = "pgtable_free";
  /// The kernel tree's root (absolute), when the front end knows it: a
  /// file's arch is judged by its path below the root (see ArchPath.h).
  std::string TreeRoot;

  /// name-conflicts: rename the clashing declarations and their uses
  /// (otherwise they are only reported).
  bool RenameConflicts = false;
  /// name-conflicts: a clashing file-scope name (function, prototype, macro,
  /// global variable, typedef, enumerator) becomes this prefix + the name.
  std::string ConflictPrefix = "__";
  /// name-conflicts: the new name of a clashing parameter or block-scope
  /// variable, and of a clashing struct/union field; "%s" is the old name.
  std::string ConflictParamName = "%s_fn";
  std::string ConflictFieldName = "%s_fn";

  /// rename-descriptor: rename the descriptor allocator pagetable_alloc()
  /// (and pagetable_alloc_noprof()) to DescriptorAllocName (and its _noprof
  /// form) across the tree; off, the rule does nothing.
  bool RenameDescriptorApi = false;
  std::string DescriptorAllocName = "ptdesc_alloc";

  /// zeroed-page: tables read out of entries join every object group of
  /// their level (ProvenanceOptions::StrictFamilies).
  bool StrictFamilies = false;
  /// --target=level: converted groups of kernel tables take their level's
  /// constructor and destructor (ProvenanceOptions::LevelTarget); the
  /// default target is the new API.
  bool LevelTarget = false;

  /// Test-only (--testing-mutant=skip-descriptor-uses): ptdesc-address
  /// converts a ptdesc that is still needed, dropping the statements that
  /// pass it to a constructor or marker. The negative controls
  /// (testdata/mutants) check that the scenarios catch the result.
  bool TestingSkipDescriptorUses = false;

  bool isEnabled(llvm::StringRef Rule) const;
  /// The names of the functions that implement the new API; rules never
  /// rewrite inside them.
  std::vector<std::string> apiImplementationNames() const;
  /// The names a declaration must not have (name-conflicts): pgtable_alloc,
  /// pgtable_free, the configured names, and the _noprof form of each;
  /// sorted, each once.
  std::vector<std::string> conflictNames() const;
  /// The descriptor allocator's name in the code the run produces:
  /// DescriptorAllocName with RenameDescriptorApi, else pagetable_alloc.
  std::string descriptorAllocName() const;
};

/// The settings as the user spelled them.
struct OptionSettings {
  /// Comma-separated rule names, or "all"; unset means every implemented
  /// rule.
  std::optional<std::string> Rules;
  /// Rules to switch off (each entry may itself be comma-separated).
  std::vector<std::string> DisabledRules;
  /// Option values by OptionSpec::Key ("Api", "ConflictPrefix", ...); an
  /// option without a value takes its spec's default.
  std::map<std::string, std::string> Values;
};

/// Checks the settings and resolves them into options, each option through
/// its OptionSpec (see Rules.h for the rows). Errors name the bad value and
/// list the valid ones.
llvm::Expected<MigrationOptions> buildOptions(const OptionSettings &Settings);

} // namespace pgmigrate

#endif // PGMIGRATE_OPTIONS_H
