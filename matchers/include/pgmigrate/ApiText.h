//===- ApiText.h - The new API's kernel text --------------------*- C++ -*-===//
//
// What a tree that lacks the address-based page-table API needs to gain it:
// the declarations for include/linux/mm.h and the definitions, with their
// kernel-doc comments, for mm/memory.c. The names are the options' (--api,
// --alloc-name, --free-name); the allocator is the _noprof function with
// its alloc_hooks() macro, as Linux 6.10 and later spell allocators.
// --emit-api prints this text; whatever adds the API to a tree for a check
// (a rebuild, a re-parse) uses the same.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_APITEXT_H
#define PGMIGRATE_APITEXT_H

#include "pgmigrate/Options.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// The prototypes and the allocator's macro, for include/linux/mm.h (after
/// pagetable_free(), which the definitions use).
std::string apiDeclarations(const MigrationOptions &Options);

/// The functions, each with its kernel-doc comment and EXPORT_SYMBOL(), for
/// mm/memory.c.
std::string apiDefinitions(const MigrationOptions &Options);

/// Text (an include/linux/mm.h) with apiDeclarations() before its last
/// #endif, when it does not declare the allocator already (as a _noprof
/// function, or a plain one before 6.10); otherwise Text.
std::string withApiDeclarations(llvm::StringRef Text,
                                const MigrationOptions &Options);

/// Text (an mm/memory.c) with apiDefinitions() at its end, when it does not
/// define the allocator already; otherwise Text.
std::string withApiDefinitions(llvm::StringRef Text,
                               const MigrationOptions &Options);

} // namespace pgmigrate

#endif // PGMIGRATE_APITEXT_H
