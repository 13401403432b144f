//===- ArchPath.cpp -------------------------------------------------------===//

#include "pgmigrate/ArchPath.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

namespace {

// The last "arch/<name>/" of Path at or after byte Start that has at least
// one component after <name>.
std::optional<ArchDir> lastArchDir(llvm::StringRef Path, size_t Start) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Path.drop_front(Start).split(Parts, '/');
  for (size_t I = Parts.size(); I-- > 0;) {
    if (Parts[I] != "arch" || I + 2 >= Parts.size() || Parts[I + 1].empty())
      continue;
    size_t End = Start;
    for (size_t J = 0; J <= I + 1; ++J)
      End += Parts[J].size() + (J ? 1 : 0);
    return ArchDir{Parts[I + 1].str(), Path.take_front(End).str()};
  }
  return std::nullopt;
}

// Whether Dir (".../arch/<name>") is an arch directory of a kernel tree:
// the directory that holds its "arch" has the tree's top-level Kconfig or
// Kbuild.
bool inKernelTree(llvm::StringRef Dir) {
  llvm::StringRef Top =
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Dir));
  for (const char *Marker : {"Kconfig", "Kbuild"}) {
    llvm::SmallString<256> File(Top);
    llvm::sys::path::append(File, Marker);
    if (llvm::sys::fs::is_regular_file(File))
      return true;
  }
  return false;
}

} // namespace

std::optional<ArchDir> archDirOf(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::StringRef R = Root.rtrim('/');
  if (R.empty() || !Path.startswith(R) || Path.size() <= R.size() ||
      Path[R.size()] != '/')
    return lastArchDir(Path, 0);
  // Below the root first: what lies above it never makes a file arch code
  // (/home/arch/linux/mm/init.c is not arch "linux").
  if (std::optional<ArchDir> Below = lastArchDir(Path, R.size() + 1))
    return Below;
  // Unless the root itself is inside an arch directory (--root given as
  // arch/x86 or arch/x86/mm): a root strictly inside one is; a root that is
  // "arch/<name>" itself is when that name sits in a kernel tree.
  std::optional<ArchDir> Whole = lastArchDir(Path, 0);
  if (!Whole || Whole->Dir.size() > R.size())
    return std::nullopt;
  if (Whole->Dir.size() < R.size() || inKernelTree(Whole->Dir))
    return Whole;
  return std::nullopt;
}

std::string archNameOf(llvm::StringRef Path, llvm::StringRef Root) {
  if (std::optional<ArchDir> Arch = archDirOf(Path, Root))
    return Arch->Name;
  return "generic";
}

} // namespace pgmigrate
