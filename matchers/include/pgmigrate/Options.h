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

  bool isEnabled(llvm::StringRef Rule) const;
  /// The names of the functions that implement the new API; rules never
  /// rewrite inside them.
  std::vector<std::string> apiImplementationNames() const;
};

/// The settings as the user spelled them.
struct OptionSettings {
  /// Comma-separated rule names, or "all"; unset means every implemented
  /// rule.
  std::optional<std::string> Rules;
  /// Rules to switch off (each entry may itself be comma-separated).
  std::vector<std::string> DisabledRules;
  /// "default" (pgtable_alloc/pgtable_free) or "addr"
  /// (pgtable_alloc_addr/pgtable_free_addr).
  std::string Api = "default";
  /// Override the names chosen by Api when non-empty.
  std::string AllocName;
  std::string FreeName;
};

/// Checks the settings and resolves them into options. Errors name the bad
/// value and list the valid ones.
llvm::Expected<MigrationOptions> buildOptions(const OptionSettings &Settings);

} // namespace pgmigrate

#endif // PGMIGRATE_OPTIONS_H
