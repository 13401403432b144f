//===- DiffWriter.h - Unified diffs that git apply accepts ------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_DIFFWRITER_H
#define PGMIGRATE_TOOL_DIFFWRITER_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// The unified diff that Edits (all for one file, whose contents are Old)
/// make to the file at RelativePath (relative to the tree's root,
/// '/'-separated), with a `diff --git a/.. b/..` header and Context lines of
/// context around each change; "" when the edits change nothing. Only the
/// lines around the edits are compared, so the cost follows the edits, not
/// the file's length; the hunks are those the whole-file unifiedDiff() below
/// gives for the same change. A missing final newline is marked as git and
/// diff(1) mark it. Edits must apply to Old.
std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        const clang::tooling::Replacements &Edits,
                        unsigned Context = 3);

/// The unified diff from Old to New, comparing the whole files (Myers'
/// shortest edit script); otherwise as above.
std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context = 3);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_DIFFWRITER_H
