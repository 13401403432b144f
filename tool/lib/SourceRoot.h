//===- SourceRoot.h - The tree the diff's paths are relative to -*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_SOURCEROOT_H
#define PGMIGRATE_TOOL_SOURCEROOT_H

#include "pgmigrate/AbsolutePath.h" // absolutePath(), for the roots
#include "pgmigrate/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// The top level of the git work tree holding Path (the nearest directory
/// above it with a .git entry), if any.
std::optional<std::string> gitTopLevel(llvm::StringRef Path);

/// Path relative to Root with '/' separators, or nothing when Path is not
/// inside Root. Both must be absolute.
std::optional<std::string> relativeToRoot(llvm::StringRef Root,
                                          llvm::StringRef Path);

/// The tool edits files under Root only: a converted finding with an edit
/// outside it (a header from another tree, such as a toolchain's or a
/// model's) becomes a refusal that says so, in every output mode.
void refuseEditsOutsideRoot(std::vector<Finding> &Findings,
                            llvm::StringRef Root);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SOURCEROOT_H
