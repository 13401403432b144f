//===- FactsCache.h - Units' results kept between runs ----------*- C++ -*-===//
//
// --cache-dir: one file per unit (a UnitRecord), named by a hash of the
// run's key (the tool's binary, its options, the clang resource directory)
// and the unit's compile commands. An entry holds every file the unit read
// with the hash of its bytes, and is used only while every one of those
// files still has those bytes: touching a header re-parses exactly the
// units that read it. An entry that is corrupt or was written for another
// key is ignored with a note and replaced, never trusted.
//
// Entries are written whole (a temporary file renamed over the name), so
// runs may share a cache and a killed run leaves no half entry. Only units
// that parsed are kept; a unit that failed is parsed again next time, so
// its errors are reported again.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_FACTSCACHE_H
#define PGMIGRATE_TOOL_FACTSCACHE_H

#include "TranslationUnitRunner.h"
#include "pgmigrate/Options.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// What stays the same for a result to stay valid, whatever the unit: the
/// tool (a hash of its executable), the options, the clang resource
/// directory. "" when the executable cannot be read.
std::string runKey(const MigrationOptions &Options,
                   llvm::StringRef ClangResourceDir);

/// The default cache: $XDG_CACHE_HOME/pgtable-migrate, else
/// $HOME/.cache/pgtable-migrate; "" when neither is set.
std::string defaultCacheDir();

/// The current bytes of files, hashed once per run (thread-safe).
class FileHashes {
public:
  /// xxHash64 of Path's bytes, or nullopt when it cannot be read.
  std::optional<uint64_t> of(const std::string &Path);

private:
  std::mutex Lock;
  std::map<std::string, std::optional<uint64_t>> Known;
};

/// Whether every file Result read still has the bytes it read.
bool stillHolds(const TranslationUnitResult &Result, FileHashes &Hashes);

/// The commands of a unit as JSON, to tell whose a stored record is.
llvm::json::Value
commandsToJson(const std::vector<clang::tooling::CompileCommand> &Commands);

class FactsCache : public UnitResultStore {
public:
  FactsCache(std::string Dir, std::string RunKey, FileHashes &Hashes,
             const CompilationDatabases &Databases)
      : Dir(std::move(Dir)), RunKey(std::move(RunKey)), Hashes(Hashes),
        Databases(Databases) {}

  /// The stored result of Job, when there is one that still holds. Note is
  /// set when an entry was ignored (corrupt, foreign).
  std::optional<TranslationUnitResult> find(const CompileJob &Job,
                                            std::string &Note) override;

  /// Stores Result (of a unit that parsed). Note is set, once per cache,
  /// when the cache cannot be written.
  void keep(const TranslationUnitResult &Result, std::string &Note) override;

  const std::string &dir() const { return Dir; }

private:
  std::string
  entryPath(const std::vector<clang::tooling::CompileCommand> &Commands) const;

  std::string Dir;
  std::string RunKey;
  FileHashes &Hashes;
  const CompilationDatabases &Databases;
  std::atomic<bool> WriteFailed{false};
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_FACTSCACHE_H
