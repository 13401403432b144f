//===- DiffWriter.h - Unified diffs that git apply accepts ------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_DIFFWRITER_H
#define PGMIGRATE_TOOL_DIFFWRITER_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// The unified diff from Old to New of the file at RelativePath (relative to
/// the tree's root, '/'-separated), with a `diff --git a/.. b/..` header and
/// Context lines of context around each change; "" when they are equal.
/// A missing final newline is marked as git and diff(1) mark it.
std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context = 3);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_DIFFWRITER_H
