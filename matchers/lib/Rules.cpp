//===- Rules.cpp - The rule registry --------------------------------------===//
//
// One row per rule. A new rule is its file pair in rules/, its row here,
// its source line in CMakeLists.txt and its tests; the front ends and their
// options follow from the row.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/Rules.h"
#include "rules/NameConflictsRule.h"
#include "rules/PtdescAddressRule.h"
#include "rules/PtdescFreeRule.h"
#include "rules/RenameDescriptorRule.h"
#include "rules/ZeroedPageRule.h"
#include "llvm/ADT/StringSet.h"

namespace pgmigrate {

Rule::~Rule() = default;

template <typename RuleT>
static std::unique_ptr<Rule> create(const MigrationOptions &Options) {
  return std::make_unique<RuleT>(Options);
}

static llvm::ArrayRef<OptionSpec> noOptions() { return {}; }

static const RuleInfo Registry[] = {
    {PtdescAddressRule::Name,
     "pt = pagetable_alloc(gfp, order) used only through ptdesc_address() "
     "-> pgtable_alloc(gfp, order)",
     create<PtdescAddressRule>, noOptions},
    {PtdescFreeRule::Name,
     "pagetable_free(virt_to_ptdesc(p)) -> pgtable_free(p)",
     create<PtdescFreeRule>, noOptions},
    {ZeroedPageRule::Name,
     "get_zeroed_page()/__get_free_pages() of a page table -> "
     "pgtable_alloc(), free_page() of it -> pgtable_free()",
     create<ZeroedPageRule>, ZeroedPageRule::optionSpecs, /*Pairs=*/true},
    {NameConflictsRule::Name,
     "declarations that clash with the new API's names (reported; renamed "
     "when option RenameConflicts is on)",
     create<NameConflictsRule>, NameConflictsRule::optionSpecs},
    {RenameDescriptorRule::Name,
     "pagetable_alloc() -> ptdesc_alloc() across the tree, declarations and "
     "uses (only when option RenameDescriptorApi is on)",
     create<RenameDescriptorRule>, RenameDescriptorRule::optionSpecs},
};

std::vector<const OptionSpec *> RuleInfo::optionSpecs() const {
  std::vector<const OptionSpec *> Specs;
  for (const OptionSpec &Spec : commonOptionSpecs())
    Specs.push_back(&Spec);
  for (const OptionSpec &Spec : Options())
    Specs.push_back(&Spec);
  return Specs;
}

llvm::ArrayRef<RuleInfo> allRules() { return Registry; }

const RuleInfo *findRule(llvm::StringRef Name) {
  for (const RuleInfo &Info : Registry)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

std::unique_ptr<Rule> createRule(llvm::StringRef Name,
                                 const MigrationOptions &Options) {
  const RuleInfo *Info = findRule(Name);
  return Info ? Info->Create(Options) : nullptr;
}

std::vector<const OptionSpec *> allOptionSpecs() {
  std::vector<const OptionSpec *> Specs;
  llvm::StringSet<> Seen;
  for (const RuleInfo &Info : Registry)
    for (const OptionSpec *Spec : Info.optionSpecs())
      if (Seen.insert(Spec->Key).second)
        Specs.push_back(Spec);
  return Specs;
}

} // namespace pgmigrate
