//===- ShardFiles.h - A run split over processes or machines ----*- C++ -*-===//
//
// --shard=K/N parses a fixed slice of the units (the K-th of every N, in
// the order the pre-filter's first round or the databases list them) and
// writes their results to --facts-out; a merge run given the files
// (--facts=F...) takes those units from them, parses whatever else it
// needs itself (the pre-filter's later rounds, a unit no shard held, a
// record whose files changed since), then solves and writes the edits as
// one process would: the output is the same byte for byte.
//
// A shard file names the run it belongs to (runKey(): the tool, its
// options); the merge refuses a file of another run. Shards must see the
// tree and the databases at the same paths as the merge (one checkout on a
// shared volume, or identical checkouts at one path).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_SHARDFILES_H
#define PGMIGRATE_TOOL_SHARDFILES_H

#include "FactsCache.h"
#include "OutputFile.h"
#include "TranslationUnitRunner.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

/// --shard=K/N, K in 1..N.
struct ShardSpec {
  unsigned Index = 1;
  unsigned Count = 1;

  static llvm::Expected<ShardSpec> parse(llvm::StringRef Text);
  /// Whether this shard takes the unit at Position of the ordered list.
  bool takes(size_t Position) const { return Position % Count == Index - 1; }
};

/// Writes a shard's results to its --facts-out file as its units finish,
/// one record at a time (a run holds one unit's facts, not the shard's);
/// the file appears whole, by finish(), or not at all. A result that
/// cannot be stored exactly is left out: the merge parses that unit.
class ShardFileWriter {
public:
  static llvm::Expected<std::unique_ptr<ShardFileWriter>>
  open(llvm::StringRef Path, llvm::StringRef RunKey, const ShardSpec &Shard,
       unsigned Units, const CompilationDatabases &Databases);
  void add(const TranslationUnitResult &Result);
  llvm::Error finish();

private:
  ShardFileWriter(std::unique_ptr<StreamedOutputFile> File,
                  const CompilationDatabases &Databases)
      : File(std::move(File)), Databases(Databases) {}
  std::unique_ptr<StreamedOutputFile> File;
  const CompilationDatabases &Databases;
  unsigned Records = 0;
};

/// The units of shard files, for a merge run.
class ShardRecords : public UnitResultStore {
public:
  /// Reads the index of every file (each unit's record is read when the
  /// run asks for it); a file that is missing, damaged, cut short or of
  /// another run is an error naming it.
  static llvm::Expected<std::unique_ptr<ShardRecords>>
  load(const std::vector<std::string> &Paths, llvm::StringRef RunKey,
       const CompilationDatabases &Databases, FileHashes &Hashes);

  /// The unit's record, when a shard held it, its commands are the
  /// merge's, and its files are unchanged (else Note says why not).
  std::optional<TranslationUnitResult> find(const CompileJob &Job,
                                            std::string &Note) override;
  void keep(const TranslationUnitResult &, std::string &) override {}

  /// Units the files hold.
  size_t size() const { return Records.size(); }

private:
  ShardRecords(const CompilationDatabases &Databases, FileHashes &Hashes)
      : Databases(Databases), Hashes(Hashes) {}

  /// Where a unit's record lies: read when the run asks for the unit.
  struct Record {
    std::string File;
    llvm::json::Value Commands;
    uint64_t Offset = 0, Size = 0;
  };
  const CompilationDatabases &Databases;
  FileHashes &Hashes;
  /// By database name and unit path.
  std::map<std::pair<std::string, std::string>, Record> Records;
};

/// Tries each store in turn; gives what was parsed to every one.
class StoreChain : public UnitResultStore {
public:
  void add(UnitResultStore &Store) { Stores.push_back(&Store); }
  bool empty() const { return Stores.empty(); }
  std::optional<TranslationUnitResult> find(const CompileJob &Job,
                                            std::string &Note) override;
  void keep(const TranslationUnitResult &Result, std::string &Note) override;

private:
  std::vector<UnitResultStore *> Stores;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SHARDFILES_H
