//===- SourceRoot.cpp -----------------------------------------------------===//

#include "SourceRoot.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

std::optional<std::string> gitTopLevel(llvm::StringRef Path) {
  llvm::SmallString<256> Dir(absolutePath(Path));
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return std::nullopt;
}

std::optional<std::string> relativeToRoot(llvm::StringRef Root,
                                          llvm::StringRef Path) {
  llvm::SmallString<256> Prefix(Root);
  while (Prefix.size() > 1 && llvm::sys::path::is_separator(Prefix.back()))
    Prefix.pop_back();
  if (!Path.startswith(Prefix))
    return std::nullopt;
  llvm::StringRef Rest = Path.drop_front(Prefix.size());
  if (Prefix != "/") {
    if (Rest.empty() || !llvm::sys::path::is_separator(Rest.front()))
      return std::nullopt;
    Rest = Rest.drop_front();
  }
  if (Rest.empty())
    return std::nullopt;
  return llvm::sys::path::convert_to_slash(Rest);
}

void refuseEditsOutsideRoot(std::vector<Finding> &Findings,
                            llvm::StringRef Root) {
  for (Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    for (const clang::tooling::Replacement &R : F.Replacements) {
      if (relativeToRoot(Root, R.getFilePath()))
        continue;
      F.Kind = FindingKind::Refused;
      F.Message = "not converted: '" + R.getFilePath().str() +
                  "' is outside the root '" + Root.str() + "' (see --root); " +
                  F.Message;
      F.Replacements.clear();
      break;
    }
  }
}

} // namespace pgmigrate
