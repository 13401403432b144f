//===- CompilationDatabases.cpp -------------------------------------------===//

#include "CompilationDatabases.h"
#include "SourceRoot.h"
#include "pgmigrate/AbsolutePath.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace pgmigrate {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<CompilationDatabases>
CompilationDatabases::load(const std::vector<std::string> &Paths) {
  CompilationDatabases Result;
  for (const std::string &Given : Paths) {
    llvm::SmallString<256> File(Given);
    if (llvm::sys::fs::is_directory(File))
      llvm::sys::path::append(File, "compile_commands.json");
    if (!llvm::sys::fs::exists(File))
      return error("no compile database at '" + File +
                   "' (-p takes a build directory holding "
                   "compile_commands.json, or that file)");
    // A FIFO or a device would block the read or never end it.
    if (!llvm::sys::fs::is_regular_file(File))
      return error("compile database '" + File + "' is not a regular file");
    std::string Message;
    std::unique_ptr<clang::tooling::JSONCompilationDatabase> Database =
        clang::tooling::JSONCompilationDatabase::loadFromFile(
            File, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!Database)
      return error("cannot read compile database '" + File + "': " + Message);
    if (Database->getAllFiles().empty())
      return error("compile database '" + File + "' has no entries");
    Result.Databases.push_back({std::string(File), std::move(Database)});
  }
  return std::move(Result);
}

CompilationDatabases CompilationDatabases::fixed(
    std::unique_ptr<clang::tooling::CompilationDatabase> Database) {
  CompilationDatabases Result;
  Result.Databases.push_back({"command line", std::move(Database), true});
  return Result;
}

// Path names Filter itself or lies inside the directory Filter.
// Whether a database entry is a C translation unit (not assembly).
static bool isCSource(llvm::StringRef File) {
  return File.endswith(".c") || File.endswith(".h");
}

static bool isUnder(llvm::StringRef Path, llvm::StringRef Filter) {
  if (Path == Filter)
    return true;
  return Path.startswith(Filter) &&
         (Filter.endswith("/") || Path[Filter.size()] == '/');
}

std::vector<CompileJob>
CompilationDatabases::select(const std::vector<std::string> &Filters,
                             std::vector<std::string> &Unmatched) const {
  std::vector<CompileJob> Jobs;
  std::vector<std::string> AbsoluteFilters;
  for (const std::string &Filter : Filters)
    AbsoluteFilters.push_back(absolutePath(Filter));
  std::vector<bool> Used(Filters.size(), false);

  for (unsigned D = 0; D < Databases.size(); ++D) {
    if (Databases[D].IsFixed) {
      // "--": every PATH is a file to compile with the given flags.
      for (size_t I = 0; I < Filters.size(); ++I) {
        if (llvm::sys::fs::is_directory(AbsoluteFilters[I])) {
          Unmatched.push_back("'" + Filters[I] +
                              "' is a directory; with '--' give source files");
          Used[I] = true;
          continue;
        }
        if (!llvm::sys::fs::exists(AbsoluteFilters[I])) {
          Unmatched.push_back("no such file: '" + Filters[I] + "'");
          Used[I] = true;
          continue;
        }
        Jobs.push_back({AbsoluteFilters[I], AbsoluteFilters[I], D});
        Used[I] = true;
      }
      continue;
    }
    for (const std::string &File : Databases[D].Database->getAllFiles()) {
      // A kernel database also lists assembly (.S) units: they are not C,
      // and the lexical tree scan is what reaches them.
      if (!isCSource(File))
        continue;
      std::string Path = absolutePath(File);
      bool Selected = Filters.empty();
      for (size_t I = 0; I < Filters.size(); ++I) {
        if (isUnder(Path, AbsoluteFilters[I])) {
          Selected = true;
          Used[I] = true;
        }
      }
      if (Selected)
        Jobs.push_back({File, Path, D});
    }
  }

  for (size_t I = 0; I < Filters.size(); ++I) {
    if (Used[I])
      continue;
    std::string Databases;
    for (unsigned D = 0; D < size(); ++D)
      Databases += (D ? ", '" : "'") + name(D).str() + "'";
    Unmatched.push_back("'" + Filters[I] +
                        "' is not covered by any compile database (" +
                        Databases + ")");
  }

  llvm::sort(Jobs, [](const CompileJob &A, const CompileJob &B) {
    return std::tie(A.Path, A.Database) < std::tie(B.Path, B.Database);
  });
  Jobs.erase(std::unique(Jobs.begin(), Jobs.end(),
                         [](const CompileJob &A, const CompileJob &B) {
                           return A.Path == B.Path && A.Database == B.Database;
                         }),
             Jobs.end());
  return Jobs;
}

} // namespace pgmigrate
