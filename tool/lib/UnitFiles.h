//===- UnitFiles.h - The files a unit may read, without parsing -*- C++ -*-===//
//
// For the pre-filter (UnitPrefilter.h): every file a compile command may
// read. Two sources, the exact one first:
//  * the kernel's dependency record, build/DIR/.NAME.o.cmd (the compiler's
//    -MD list for that object), when it is newer than every file it lists;
//  * otherwise a lexical walk of #include directives from the source and
//    the -include files, through the command's -iquote/-I/-isystem/
//    -idirafter directories (and clang's default ones unless -nostdinc),
//    every #if branch taken: a superset of what the preprocessor reads.
//    An #include of a macro (#include TRACE_INCLUDE(...)) cannot be
//    followed: the set is then marked incomplete.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_UNITFILES_H
#define PGMIGRATE_TOOL_UNITFILES_H

#include "SourceSummary.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// Files by number, each with its summary, read once.
class SourceFileTable {
public:
  /// The number of Path (absolute, real), added when new.
  unsigned idOf(llvm::StringRef Path);
  const std::string &path(unsigned Id) const { return Paths[Id]; }
  /// The number of Path when it is known.
  std::optional<unsigned> find(llvm::StringRef Path) const {
    auto It = Ids.find(Path);
    return It == Ids.end() ? std::nullopt : std::optional(It->second);
  }
  size_t size() const { return Paths.size(); }
  /// The summary of file Id, read on first use (an unreadable file has an
  /// empty one). Thread-safe once every id exists.
  const SourceSummary &summary(unsigned Id);
  /// Reads the summaries of every file on Threads workers.
  void summarizeAll(unsigned Threads);
  /// Frees the identifier lists of the summaries read so far, the files'
  /// and their macros' (once an index of them is built).
  void dropIndexedLists();

private:
  std::vector<std::string> Paths;
  llvm::StringMap<unsigned> Ids;
  std::vector<std::unique_ptr<SourceSummary>> Summaries;
};

struct UnitFileSet {
  /// File ids; the unit's source first.
  std::vector<unsigned> Files;
  /// False when the set may miss files: on the walk, an #include of a
  /// macro, or one found in no directory of the search path outside a
  /// system header of a command without -nostdinc (clang may know
  /// directories the command does not name; a missing file elsewhere is in
  /// an #if branch not compiled, or the unit does not build).
  bool Complete = true;
  /// Why not, for --prefilter-trace: the first such #include and its file.
  std::string Incomplete;
  /// Taken from the kernel's dependency record.
  bool FromDependencyFile = false;
};

class UnitFilesFinder {
public:
  UnitFilesFinder(SourceFileTable &Table, std::string ClangResourceDir)
      : Table(Table), ResourceDir(std::move(ClangResourceDir)) {}

  UnitFileSet filesOf(const clang::tooling::CompileCommand &Command);

  /// Absolute, dot-free and with symbolic links resolved (cached).
  std::string realPath(llvm::StringRef Path, llvm::StringRef Directory);

private:
  struct SearchPath {
    std::vector<std::string> Quote, Angled;
    std::vector<std::string> Forced;
    /// -isystem, -idirafter and clang's own directories.
    std::vector<std::string> System;
    bool NoStdInc = false;
  };
  SearchPath searchPathOf(const clang::tooling::CompileCommand &Command);
  bool fromDependencyFile(const clang::tooling::CompileCommand &Command,
                          UnitFileSet &Set);
  void walkIncludes(const clang::tooling::CompileCommand &Command,
                    UnitFileSet &Set);
  /// The files #include Name may mean, from a file in IncluderDir.
  std::vector<std::string> resolve(const SearchPath &Paths,
                                   const SourceSummary::Include &Include,
                                   llvm::StringRef IncluderDir,
                                   llvm::StringRef IncluderPath);
  bool isFile(const std::string &Path);
  /// Modification time of Path, 0 when it cannot be read.
  int64_t modificationTime(const std::string &Path);

  SourceFileTable &Table;
  std::string ResourceDir;
  std::map<std::string, bool> IsFile;
  std::map<std::string, int64_t> Times;
  std::map<std::string, std::string> RealPaths;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_UNITFILES_H
