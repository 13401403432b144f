//===- Rules.cpp - The rule registry --------------------------------------===//

#include "pgmigrate/Rules.h"
#include "rules/NameConflictsRule.h"
#include "rules/PtdescAddressRule.h"
#include "rules/PtdescFreeRule.h"
#include "rules/ZeroedPageRule.h"

namespace pgmigrate {

Rule::~Rule() = default;

static const RuleInfo Registry[] = {
    {rule_names::PtdescAddress,
     "pt = pagetable_alloc(gfp, order) used only through ptdesc_address() "
     "-> pgtable_alloc(gfp, order)"},
    {rule_names::PtdescFree,
     "pagetable_free(virt_to_ptdesc(p)) -> pgtable_free(p)"},
    {rule_names::ZeroedPage,
     "get_zeroed_page()/__get_free_pages() of a page table -> "
     "pgtable_alloc(), free_page() of it -> pgtable_free()"},
    {rule_names::NameConflicts,
     "declarations that clash with the new API's names (reported; renamed "
     "with --rename-conflicts)"},
};

llvm::ArrayRef<RuleInfo> allRules() { return Registry; }

const RuleInfo *findRule(llvm::StringRef Name) {
  for (const RuleInfo &Info : Registry)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

std::unique_ptr<Rule> createRule(llvm::StringRef Name,
                                 const MigrationOptions &Options) {
  if (Name == rule_names::PtdescAddress)
    return std::make_unique<PtdescAddressRule>(Options);
  if (Name == rule_names::PtdescFree)
    return std::make_unique<PtdescFreeRule>(Options);
  if (Name == rule_names::NameConflicts)
    return std::make_unique<NameConflictsRule>(Options);
  if (Name == rule_names::ZeroedPage)
    return std::make_unique<ZeroedPageRule>(Options);
  return nullptr;
}

} // namespace pgmigrate
