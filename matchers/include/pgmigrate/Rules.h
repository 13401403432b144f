//===- Rules.h - The rule registry ------------------------------*- C++ -*-===//
//
// Every rule is one row of the registry (lib/Rules.cpp): its stable name,
// a summary, a factory and its options. The front ends are generated from
// it: the CLI's --rules/--list-rules and switches, the clang-tidy module's
// checks "pgtable-<name>" and their options. Rule names are part of the
// user interface (--rules=, diagnostics' [rule-name], check names): they
// never change.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_H
#define PGMIGRATE_RULES_H

#include "pgmigrate/OptionSpec.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <vector>

namespace pgmigrate {

struct RuleInfo {
  llvm::StringRef Name;
  llvm::StringRef Summary;
  std::unique_ptr<Rule> (*Create)(const MigrationOptions &Options);
  /// The rule's own options (beyond commonOptionSpecs()).
  llvm::ArrayRef<OptionSpec> (*Options)();
  /// The rule gives its findings pairing keys (Pairing.h): a front end that
  /// sees one unit at a time must say how far pairing reaches.
  bool Pairs = false;

  /// The options the rule reads: the common ones, then its own.
  std::vector<const OptionSpec *> optionSpecs() const;
};

/// Every rule, in a fixed order.
llvm::ArrayRef<RuleInfo> allRules();

/// The rule called Name, or nullptr.
const RuleInfo *findRule(llvm::StringRef Name);

/// A new instance of the rule called Name, or nullptr when there is no such
/// rule.
std::unique_ptr<Rule> createRule(llvm::StringRef Name,
                                 const MigrationOptions &Options);

/// Every option of every rule, each key once: the common options, then each
/// rule's own in registry order.
std::vector<const OptionSpec *> allOptionSpecs();

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_H
