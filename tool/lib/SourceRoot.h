//===- SourceRoot.h - The tree the diff's paths are relative to -*- C++ -*-===//
//
// The tool edits files under one root only, and the diff's paths are
// relative to it. A root that is silently wrong turns every edit into a
// refusal and a CI gate into a pass, so the default is the tree that holds
// the sources (see defaultRoot()), never the current directory, and a file
// to edit outside the root fails the run.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_SOURCEROOT_H
#define PGMIGRATE_TOOL_SOURCEROOT_H

#include "pgmigrate/AbsolutePath.h" // absolutePath(), for the roots
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// The top level of the git work tree holding Path (the nearest directory
/// above it with a .git entry), if any.
std::optional<std::string> gitTopLevel(llvm::StringRef Path);

/// The top of the Linux tree holding Path: the nearest directory above it
/// with both of the kernel's top-level Kbuild and MAINTAINERS files.
std::optional<std::string> kernelTreeTop(llvm::StringRef Path);

/// The deepest directory that holds every one of Paths (absolute).
std::string commonAncestor(const std::vector<std::string> &Paths);

/// The root for the sources Paths (absolute): the kernel tree that holds
/// the first of them inside one, else the git work tree that holds the
/// first inside one, else the common ancestor of all of Paths. Symbolic
/// links resolved.
std::string defaultRoot(const std::vector<std::string> &Paths);

/// --root as given: an existing directory, as its real path.
llvm::Expected<std::string> checkedRoot(llvm::StringRef Given);

/// Path relative to Root with '/' separators, or nothing when Path is not
/// inside Root. Both must be absolute.
std::optional<std::string> relativeToRoot(llvm::StringRef Root,
                                          llvm::StringRef Path);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SOURCEROOT_H
