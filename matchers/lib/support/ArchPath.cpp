//===- ArchPath.cpp -------------------------------------------------------===//

#include "pgmigrate/ArchPath.h"
#include "llvm/ADT/SmallVector.h"

namespace pgmigrate {

std::optional<ArchDir> archDirOf(llvm::StringRef Path, llvm::StringRef Root) {
  // Only the part below Root counts.
  size_t Start = 0;
  llvm::StringRef R = Root.rtrim('/');
  if (!R.empty() && Path.startswith(R) && Path.size() > R.size() &&
      Path[R.size()] == '/')
    Start = R.size() + 1;

  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Path.drop_front(Start).split(Parts, '/');
  // Parts[I] == "arch", Parts[I + 1] the name, then at least the file.
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

std::string archNameOf(llvm::StringRef Path, llvm::StringRef Root) {
  if (std::optional<ArchDir> Arch = archDirOf(Path, Root))
    return Arch->Name;
  return "generic";
}

} // namespace pgmigrate
