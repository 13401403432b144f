//===- Rules.h - The migration rules by stable name -------------*- C++ -*-===//
//
// Rule names are part of the user interface (--rules=, --disable-rule=,
// diagnostics' [rule-name], clang-tidy check names "pgtable-<name>"): they
// never change.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_H
#define PGMIGRATE_RULES_H

#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace pgmigrate {

namespace rule_names {
/// pagetable_alloc() + ptdesc_address() -> pgtable_alloc().
inline constexpr llvm::StringLiteral PtdescAddress = "ptdesc-address";
/// pagetable_free(virt_to_ptdesc(p)) -> pgtable_free(p).
inline constexpr llvm::StringLiteral PtdescFree = "ptdesc-free";
/// get_zeroed_page()/__get_free_pages() page tables -> pgtable_alloc().
inline constexpr llvm::StringLiteral ZeroedPage = "zeroed-page";
/// Declarations that clash with the new API's names.
inline constexpr llvm::StringLiteral NameConflicts = "name-conflicts";
} // namespace rule_names

struct RuleInfo {
  llvm::StringRef Name;
  llvm::StringRef Summary;
};

/// Every rule, in a fixed order.
llvm::ArrayRef<RuleInfo> allRules();

/// The rule called Name, or nullptr.
const RuleInfo *findRule(llvm::StringRef Name);

/// A new instance of the rule called Name, or nullptr when there is no such
/// rule.
std::unique_ptr<Rule> createRule(llvm::StringRef Name,
                                 const MigrationOptions &Options);

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_H
