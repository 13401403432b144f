//===- TranslationUnitRunner.h - Rules over translation units ---*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H
#define PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H

#include "CompilationDatabases.h"
#include "ProgressLine.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "pgmigrate/UnitCoverage.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

struct TranslationUnitResult {
  CompileJob Job;
  /// False when clang could not parse the unit; its findings are dropped.
  bool Parsed = false;
  /// Clang's errors for the unit, one "file:line:col: error: ..." per line,
  /// or why its compile command could not run.
  std::string Errors;
  /// The compile command could not run (missing directory, the source is
  /// not a readable regular file): Errors says why.
  bool NotRun = false;
  /// The warnings of a unit whose command has -Werror (which the tool
  /// drops), one per line: the kernel's build would fail on them.
  std::string WerrorWarnings;
  /// Every warning of the parse, one per line: --verify compares the
  /// rewritten unit's with them.
  std::string Warnings;
  std::vector<Finding> Findings;
  /// The unit's provenance facts, when a rule that pairs is enabled.
  std::optional<ProvenanceFacts> Facts;
  /// For every file the findings edit, a hash of the bytes the unit parsed
  /// (xxHash64): the edits' offsets are valid for those bytes only.
  std::map<std::string, uint64_t> ContentHashes;
  /// Every file the unit read (real paths, sorted), for the pre-filter,
  /// and the xxHash64 of the bytes it read of each (0: not read, only
  /// looked up), to tell whether a stored result still holds.
  std::vector<std::string> ReadFiles;
  std::vector<uint64_t> ReadHashes;
  /// What the unit saw, recorded by the rules that ask for it
  /// (Rule::recordCoverage): for the lexical half of name-conflicts.
  UnitCoverage Coverage;
  /// Where the result comes from: a parse, or a UnitResultStore.
  enum class OriginKind { Parse, Cache, Shard } Origin = OriginKind::Parse;
  /// What the store had to say about the unit (an entry it ignored, a
  /// cache it cannot write), or "".
  std::string StoreNote;
};

/// Where a unit's result may come from instead of a parse, and where a
/// parsed result goes: the facts cache (FactsCache.h), the shard files of
/// a merge run (ShardFiles.h). Called from worker threads.
class UnitResultStore {
public:
  virtual ~UnitResultStore();
  virtual std::optional<TranslationUnitResult> find(const CompileJob &Job,
                                                    std::string &Note) = 0;
  virtual void keep(const TranslationUnitResult &Result, std::string &Note) = 0;
};

/// What clang says of a unit, without running the rules (--verify).
struct UnitDiagnostics {
  /// One "file:line:col: error: message" (or warning) per line; Errors
  /// also says why a command could not run.
  std::string Errors;
  std::string Warnings;
};

/// Why a compile command cannot run (its directory is missing, its source
/// is not a readable regular file), or "".
std::string whyNotRunnable(const clang::tooling::CompileCommand &Command);

/// Runs the enabled rules over one unit at a time. Each call builds its own
/// ClangTool on a private file system view (no process-wide chdir), so calls
/// may run in parallel.
class TranslationUnitRunner {
public:
  TranslationUnitRunner(const CompilationDatabases &Databases,
                        const MigrationOptions &Options,
                        std::string ClangResourceDir)
      : Databases(Databases), Options(Options),
        ClangResourceDir(std::move(ClangResourceDir)) {}

  TranslationUnitResult run(const CompileJob &Job) const;

  /// Parses Job's command(s) over FS (the files as they are, or with
  /// rewritten ones laid over them), with the adjustments run() makes, and
  /// returns clang's errors and warnings.
  UnitDiagnostics
  diagnose(const CompileJob &Job,
           llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) const;

  /// Called with each result in the order of Jobs, as soon as it and the
  /// results before it are done, on the thread of runAll(); it may move
  /// out what it keeps (the facts), so that a run holds one unit's whole
  /// result per worker, not every unit's.
  using ResultConsumer =
      llvm::function_ref<void(size_t, TranslationUnitResult &)>;

  /// Runs every job on Threads workers; results in the order of Jobs
  /// whatever the scheduling, after Consume (when given) saw each.
  /// With a Store, a unit it holds is not parsed, and every unit parsed
  /// is given to it.
  std::vector<TranslationUnitResult>
  runAll(const std::vector<CompileJob> &Jobs, unsigned Threads,
         ProgressLine &Progress, UnitResultStore *Store = nullptr,
         ResultConsumer Consume = nullptr) const;

private:
  /// A ClangTool for Job over FS with the tool's argument adjustments;
  /// HadWerror says, once it ran, whether the command had -Werror.
  clang::tooling::ClangTool
  makeTool(const CompileJob &Job,
           llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
           bool &HadWerror) const;

  const CompilationDatabases &Databases;
  const MigrationOptions &Options;
  std::string ClangResourceDir;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H
