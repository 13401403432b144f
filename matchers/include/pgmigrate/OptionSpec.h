//===- OptionSpec.h - One setting of the rules, for every front end -*- C++
//-*-===//
//
// A rule's settings are declared once, as rows of OptionSpec. The front
// ends are generated from the rows: the CLI makes one switch per row
// (--<Flag>), the clang-tidy plugin one check option per row (<Key>, in
// --dump-config), and buildOptions() turns the values of either into
// MigrationOptions with the row's default and the row's checks. Adding an
// option is one row (plus the MigrationOptions field its rule reads).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_OPTIONSPEC_H
#define PGMIGRATE_OPTIONSPEC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace pgmigrate {

struct MigrationOptions;

enum class OptionType {
  /// A word or pattern: --flag=VALUE, `Key: VALUE`.
  Text,
  /// On or off: --flag, `Key: true`.
  Bool,
};

struct OptionSpec {
  /// The clang-tidy check option: `CheckOptions: {pgtable-<rule>.<Key>: ..}`.
  llvm::StringLiteral Key;
  /// The CLI switch without its dashes: kebab-case of Key.
  llvm::StringLiteral Flag;
  OptionType Type;
  /// The value when none is given, as text ("false"/"true" for Bool).
  llvm::StringLiteral Default;
  /// The CLI's name for the value in --help ("name", "pattern").
  llvm::StringLiteral ValueName;
  /// One sentence for --help and the documentation.
  llvm::StringLiteral Help;
  /// Checks Value and stores it in Options; the error names the bad value
  /// and what would be valid. Values are applied in the order of the rows.
  llvm::Error (*Apply)(llvm::StringRef Value, MigrationOptions &Options);
};

/// The options every rule reads: the target API and its names.
llvm::ArrayRef<OptionSpec> commonOptionSpecs();

/// "true" or "false" for a Bool option's text; nullopt otherwise.
std::optional<bool> parseBoolOption(llvm::StringRef Value);

} // namespace pgmigrate

#endif // PGMIGRATE_OPTIONSPEC_H
