//===- AbsolutePath.h - One spelling for every path -------------*- C++ -*-===//
//
// Findings, edits, filters and roots are compared as strings, so every
// front end and rule spells a path the same way: absolute, with "." and
// ".." removed. A relative path is taken from the current directory, or
// from the working directory of a unit's FileManager (the compile command's
// directory while a unit runs). A file a unit read is named by its real
// path (symbolic links resolved), so that one header reached under two
// names is one file, and a link out of the tree is seen for what it is.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ABSOLUTEPATH_H
#define PGMIGRATE_ABSOLUTEPATH_H

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// The absolute, dot-free form of Path (relative paths are taken from the
/// current directory).
std::string absolutePath(llvm::StringRef Path);

/// The absolute, dot-free form of Path, a file name as Files knows it
/// (relative paths are taken from Files' working directory).
std::string absolutePath(llvm::StringRef Path, const clang::FileManager &Files);

/// The real path of the file Entry (as Files opened it), or its absolute,
/// dot-free name when the file system does not tell.
std::string realFilePath(clang::FileEntryRef Entry,
                         const clang::FileManager &Files);

/// The real path of the file that holds FileLoc, or "" when it is not a
/// real file (scratch space, command line).
std::string absoluteFilePath(clang::SourceLocation FileLoc,
                             const clang::SourceManager &SM);

} // namespace pgmigrate

#endif // PGMIGRATE_ABSOLUTEPATH_H
