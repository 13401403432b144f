//===- DescriptorRename.h - pagetable_alloc() -> ptdesc_alloc() -*- C++ -*-===//
//
// Shared by the two halves of rule "rename-descriptor" (the AST rule and
// its part of the lexical tree scan): the names it renames, their new
// names, and the words of its findings.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_DESCRIPTORRENAME_H
#define PGMIGRATE_RULES_DESCRIPTORRENAME_H

#include "pgmigrate/Options.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pgmigrate {

/// Finding::WholeRename of the rename: every rename of both names and
/// every refusal that blocks one share it.
inline constexpr llvm::StringLiteral DescriptorRenameGroup = "pagetable_alloc";

/// Whether Options rename the descriptor allocator: RenameDescriptorApi,
/// with rule rename-descriptor enabled (options made by hand, with no
/// rule list, count as enabled).
bool descriptorRenameActive(const MigrationOptions &Options);

/// The names renamed: pagetable_alloc, pagetable_alloc_noprof.
std::vector<std::string> descriptorOldNames();

/// The new name of Old (one of descriptorOldNames()): DescriptorAllocName,
/// or its _noprof form.
std::string descriptorNewName(const MigrationOptions &Options,
                              llvm::StringRef Old);

/// "'pagetable_alloc' (the descriptor allocator): <what>; renamed to 'NEW'".
std::string descriptorRenamed(llvm::StringRef Name, llvm::StringRef What,
                              llvm::StringRef NewName);

/// "'pagetable_alloc' (the descriptor allocator): <what>; not renamed:
/// <reason>".
std::string descriptorRefused(llvm::StringRef Name, llvm::StringRef What,
                              llvm::StringRef Reason);

/// The refusal reason for a new name already in use.
std::string descriptorNameTaken(llvm::StringRef NewName, llvm::StringRef How);

/// The report of a declaration named like the allocator that is not it (a
/// parameter, a field, ...): it is left alone, and the rename goes on.
std::string descriptorNotAllocator(llvm::StringRef Name, llvm::StringRef What);

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_DESCRIPTORRENAME_H
