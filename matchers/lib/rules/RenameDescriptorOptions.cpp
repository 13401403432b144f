//===- RenameDescriptorOptions.cpp - The options of rename-descriptor -----===//

#include "pgmigrate/Options.h"
#include "rules/RenameDescriptorRule.h"
#include "clang/Basic/CharInfo.h"

namespace pgmigrate {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static llvm::Error applyRename(llvm::StringRef Value,
                               MigrationOptions &Options) {
  std::optional<bool> On = parseBoolOption(Value);
  if (!On)
    return error("rename descriptor API '" + Value +
                 "' is not 'true' or 'false'");
  Options.RenameDescriptorApi = *On;
  return llvm::Error::success();
}

static llvm::Error applyName(llvm::StringRef Value, MigrationOptions &Options) {
  if (!clang::isValidAsciiIdentifier(Value))
    return error("descriptor alloc name '" + Value + "' is not a C identifier");
  if (Value == "pagetable_alloc" || Value.endswith("_noprof"))
    return error("descriptor alloc name '" + Value +
                 "' must differ from 'pagetable_alloc' and not end in "
                 "'_noprof' (its _noprof form follows it)");
  // The options are applied in the order of the rows: the common ones,
  // the new API's names among them, come first.
  if (Value == Options.AllocName || Value == Options.FreeName)
    return error("descriptor alloc name '" + Value +
                 "' is a name of the new API");
  Options.DescriptorAllocName = Value.str();
  return llvm::Error::success();
}

static const OptionSpec Specs[] = {
    {"RenameDescriptorApi", "rename-descriptor-api", OptionType::Bool, "false",
     "",
     "rename the descriptor allocator pagetable_alloc() (and its _noprof "
     "function) across the tree (default: off)",
     applyRename},
    {"DescriptorAllocName", "descriptor-alloc-name", OptionType::Text,
     "ptdesc_alloc", "name",
     "new name of the descriptor allocator; its _noprof form follows it "
     "(default 'ptdesc_alloc')",
     applyName},
};

llvm::ArrayRef<OptionSpec> RenameDescriptorRule::optionSpecs() { return Specs; }

} // namespace pgmigrate
