//===- ArchPath.h - Which arch of a kernel tree a file belongs to -*- C++
//-*-===//
//
// Pairing groups tables per arch, name-conflicts groups names per arch and
// keeps the API's own definitions outside arch/: all of them ask this one
// question. A file belongs to arch <name> when its path, below the tree
// root, holds the components "arch/<name>/" followed by at least one more
// component; the last such pair counts (the one nearest the file). The part
// of the path above the root never counts, so a tree checked out under
// /home/arch/linux is not arch "linux" -- unless the root itself lies in an
// arch directory (--root arch/x86/mm; --root arch/x86 when the directory
// above "arch" has the tree's Kconfig or Kbuild).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ARCHPATH_H
#define PGMIGRATE_ARCHPATH_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pgmigrate {

struct ArchDir {
  /// The arch's name: "x86", "sparc".
  std::string Name;
  /// The path up to and including <name>: "/src/linux/arch/x86".
  std::string Dir;
};

/// The arch directory that holds Path (absolute or relative), judged below
/// Root when Path is inside Root (Root empty: the whole path counts).
std::optional<ArchDir> archDirOf(llvm::StringRef Path,
                                 llvm::StringRef Root = "");

/// The arch's name, or "generic" for code outside arch/.
std::string archNameOf(llvm::StringRef Path, llvm::StringRef Root = "");

/// True for a file of an arch/<name>/ directory.
inline bool isArchCode(llvm::StringRef Path, llvm::StringRef Root = "") {
  return archDirOf(Path, Root).has_value();
}

} // namespace pgmigrate

#endif // PGMIGRATE_ARCHPATH_H
