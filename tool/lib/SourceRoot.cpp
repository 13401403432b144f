//===- SourceRoot.cpp -----------------------------------------------------===//

#include "SourceRoot.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

namespace fs = llvm::sys::fs;

// The nearest directory at or above Path (a file's own directory) for
// which Holds(directory) is true.
template <typename Predicate>
static std::optional<std::string> nearestAbove(llvm::StringRef Path,
                                               Predicate Holds) {
  llvm::SmallString<256> Dir(absolutePath(Path));
  if (!fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    if (Holds(Dir.str()))
      return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return std::nullopt;
}

static bool holds(llvm::StringRef Dir, llvm::StringRef Name) {
  llvm::SmallString<256> Entry(Dir);
  llvm::sys::path::append(Entry, Name);
  return fs::exists(Entry);
}

std::optional<std::string> gitTopLevel(llvm::StringRef Path) {
  return nearestAbove(Path,
                      [](llvm::StringRef Dir) { return holds(Dir, ".git"); });
}

std::optional<std::string> kernelTreeTop(llvm::StringRef Path) {
  return nearestAbove(Path, [](llvm::StringRef Dir) {
    return holds(Dir, "Kbuild") && holds(Dir, "MAINTAINERS");
  });
}

std::string commonAncestor(const std::vector<std::string> &Paths) {
  if (Paths.empty())
    return "/";
  std::string Common(llvm::sys::path::parent_path(Paths.front()));
  for (const std::string &Path : Paths)
    while (!relativeToRoot(Common, Path) && Common != "/" && !Common.empty())
      Common = std::string(llvm::sys::path::parent_path(Common));
  return Common.empty() ? "/" : Common;
}

// Dir (or a file) with symbolic links resolved, as given if it cannot be.
static std::string realDirectory(llvm::StringRef Dir) {
  llvm::SmallString<256> Real;
  if (fs::real_path(Dir, Real))
    return Dir.str();
  return std::string(Real);
}

std::string defaultRoot(const std::vector<std::string> &Paths) {
  if (Paths.empty())
    return realDirectory(absolutePath("."));
  std::vector<std::string> Real;
  for (const std::string &Path : Paths)
    Real.push_back(realDirectory(Path));
  // The first source inside a kernel tree names it, then the first inside
  // a git work tree (an entry whose directory is gone has neither).
  for (const std::string &Path : Real)
    if (std::optional<std::string> Top = kernelTreeTop(Path))
      return *Top;
  for (const std::string &Path : Real)
    if (std::optional<std::string> Top = gitTopLevel(Path))
      return *Top;
  return commonAncestor(Real);
}

llvm::Expected<std::string> checkedRoot(llvm::StringRef Given) {
  std::string Absolute = absolutePath(Given);
  if (!fs::is_directory(Absolute))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--root '" + Given + "' is not a directory" +
            (fs::exists(Absolute) ? "" : " (it does not exist)"));
  return realDirectory(Absolute);
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

} // namespace pgmigrate
