//===- CompilationDatabases.h - The -p databases and their files -*- C++
//-*-===//
//
// A kernel is migrated with one compile database per architecture or
// configuration (-p may repeat); a single file can also be given with its
// flags after "--". This turns either into the list of translation units to
// run, filtered by the PATH arguments.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_COMPILATIONDATABASES_H
#define PGMIGRATE_TOOL_COMPILATIONDATABASES_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace pgmigrate {

/// One translation unit to run: a source file of one database.
struct CompileJob {
  /// The file as the database names it (what getCompileCommands expects).
  std::string File;
  /// Absolute, dot-free: for sorting, filtering and messages.
  std::string Path;
  unsigned Database = 0;
};

class CompilationDatabases {
public:
  /// Loads each of Paths: a build directory holding compile_commands.json,
  /// or the JSON file itself. A missing, unreadable, malformed or empty
  /// database is an error naming the file.
  static llvm::Expected<CompilationDatabases>
  load(const std::vector<std::string> &Paths);

  /// The flags after "--", applied to every file given as a PATH.
  static CompilationDatabases
  fixed(std::unique_ptr<clang::tooling::CompilationDatabase> Database);

  size_t size() const { return Databases.size(); }
  const clang::tooling::CompilationDatabase &database(unsigned I) const {
    return *Databases[I].Database;
  }
  /// The path the database was loaded from, or "command line".
  llvm::StringRef name(unsigned I) const { return Databases[I].Name; }

  /// The jobs for the PATH filters (files or directories), sorted by path
  /// then database. No filter means every file of every database. Each
  /// filter that selects nothing gets a message in Unmatched.
  std::vector<CompileJob> select(const std::vector<std::string> &Filters,
                                 std::vector<std::string> &Unmatched) const;

private:
  struct Loaded {
    std::string Name;
    std::unique_ptr<clang::tooling::CompilationDatabase> Database;
    bool IsFixed = false;
  };
  std::vector<Loaded> Databases;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_COMPILATIONDATABASES_H
