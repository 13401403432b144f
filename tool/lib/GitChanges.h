//===- GitChanges.h - The files a git revision's diff touches ---*- C++ -*-===//
//
// --since REV limits a run to what changed since REV: the files of
// `git diff REV` in the work tree (staged or not, both sides of a rename,
// deletions left out: they have no code to look at) and the untracked
// files git does not ignore, as a pull request's CI sees its branch.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_GITCHANGES_H
#define PGMIGRATE_TOOL_GITCHANGES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>

namespace pgmigrate {

/// The real paths of the files that differ from Rev in the git work tree
/// that holds Dir. An error names what failed: no git, Dir outside a work
/// tree, a revision git does not know (with git's own message).
llvm::Expected<std::set<std::string>> filesChangedSince(llvm::StringRef Dir,
                                                        llvm::StringRef Rev);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_GITCHANGES_H
