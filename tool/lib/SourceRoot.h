//===- SourceRoot.h - The tree the diff's paths are relative to -*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_SOURCEROOT_H
#define PGMIGRATE_TOOL_SOURCEROOT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pgmigrate {

/// The absolute, dot-free form of Path (relative paths are taken from the
/// current directory).
std::string absolutePath(llvm::StringRef Path);

/// The top level of the git work tree holding Path (the nearest directory
/// above it with a .git entry), if any.
std::optional<std::string> gitTopLevel(llvm::StringRef Path);

/// Path relative to Root with '/' separators, or nothing when Path is not
/// inside Root. Both must be absolute.
std::optional<std::string> relativeToRoot(llvm::StringRef Root,
                                          llvm::StringRef Path);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SOURCEROOT_H
