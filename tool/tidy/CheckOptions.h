//===- CheckOptions.h - The CLI's settings as clang-tidy options -*- C++
//-*-===//
//
// Every pgtable-migrate switch that changes what a rule does is a check
// option with the same default. The values go through buildOptions(), the
// function the CLI uses, so both front ends accept and reject the same
// settings with the same words.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_CHECKOPTIONS_H
#define PGMIGRATE_TIDY_CHECKOPTIONS_H

#include "pgmigrate/Options.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate::tidy {

/// Sets of options a check reads; every check reads TargetNames.
enum OptionGroup : unsigned {
  /// Api, AllocName, FreeName (--api, --alloc-name, --free-name).
  TargetNames = 1u << 0,
  /// RenameConflicts, ConflictPrefix, ConflictParamName, ConflictFieldName
  /// (--rename-conflicts, --conflict-prefix, --conflict-param-name,
  /// --conflict-field-name).
  ConflictRenaming = 1u << 1,
  /// PairingScope: the plugin's own (the CLI always pairs over its whole
  /// run); see UnitFindings.h.
  Pairing = 1u << 2,
};

/// One check option and the OptionSettings field it sets. Exactly one of
/// Text and Flag is set; the default is that field's default in
/// OptionSettings, which is also the CLI's.
struct CheckOption {
  llvm::StringLiteral Name;
  /// The CLI switch it mirrors, for documentation and messages.
  llvm::StringLiteral CliSwitch;
  OptionGroup Group;
  std::string OptionSettings::*Text = nullptr;
  bool OptionSettings::*Flag = nullptr;
};

/// Every check option, in the order --dump-config shows them.
llvm::ArrayRef<CheckOption> allCheckOptions();

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_CHECKOPTIONS_H
