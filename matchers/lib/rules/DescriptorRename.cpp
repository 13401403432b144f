//===- DescriptorRename.cpp -----------------------------------------------===//

#include "rules/DescriptorRename.h"
#include "rules/RenameDescriptorRule.h"

namespace pgmigrate {

bool descriptorRenameActive(const MigrationOptions &Options) {
  return Options.RenameDescriptorApi &&
         (Options.EnabledRules.empty() ||
          Options.isEnabled(RenameDescriptorRule::Name));
}

std::vector<std::string> descriptorOldNames() {
  return {"pagetable_alloc", "pagetable_alloc_noprof"};
}

std::string descriptorNewName(const MigrationOptions &Options,
                              llvm::StringRef Old) {
  return Old.endswith("_noprof") ? Options.DescriptorAllocName + "_noprof"
                                 : Options.DescriptorAllocName;
}

static std::string lead(llvm::StringRef Name, llvm::StringRef What) {
  return "'" + Name.str() + "' (the descriptor allocator): " + What.str();
}

std::string descriptorRenamed(llvm::StringRef Name, llvm::StringRef What,
                              llvm::StringRef NewName) {
  return lead(Name, What) + "; renamed to '" + NewName.str() + "'";
}

std::string descriptorRefused(llvm::StringRef Name, llvm::StringRef What,
                              llvm::StringRef Reason) {
  return lead(Name, What) + "; not renamed: " + Reason.str();
}

std::string descriptorNameTaken(llvm::StringRef NewName, llvm::StringRef How) {
  return "the new name '" + NewName.str() + "' is already " + How.str() +
         "; choose another descriptor alloc name (nothing of the allocator "
         "is renamed)";
}

std::string descriptorNotAllocator(llvm::StringRef Name, llvm::StringRef What) {
  return "'" + Name.str() + "' is named like the descriptor allocator but is " +
         What.str() + "; not renamed (the allocator's rename goes on)";
}

} // namespace pgmigrate
