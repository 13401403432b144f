//===- MigrationPipeline.h - One run of the tool, start to end --*- C++ -*-===//
//
// The stages of a run, in order: the compile databases and the units they
// select, the rules over every unit (on worker threads), the lexical tree
// scan, the merge of all findings (conflicts between units, pairing), and
// the edits of each file formatted in the tree's style. The front end only
// parses its options, runs the pipeline and hands the result to writers;
// every writer sees the same findings and the same edits.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_MIGRATIONPIPELINE_H
#define PGMIGRATE_TOOL_MIGRATIONPIPELINE_H

#include "CompilationDatabases.h"
#include "ShardFiles.h"
#include "TestingMutants.h"
#include "TreeScan.h"
#include "UnitPrefilter.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/RunDecisions.h"
#include "clang/Tooling/Core/Replacement.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// What to run.
struct PipelineRequest {
  /// -p arguments: build directories or compile_commands.json files.
  std::vector<std::string> BuildPaths;
  /// The flags after "--", when given instead of -p.
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedDatabase;
  /// PATH arguments: the files and directories whose units run.
  std::vector<std::string> SourcePaths;
  /// --root as given ("" for the default: see defaultRoot() in
  /// SourceRoot.h).
  std::string RootOption;
  /// --scan-tree as an absolute directory, "" for none.
  std::string ScanRoot;
  MigrationOptions Options;
  unsigned Threads = 1;
  bool ShowProgress = false;
  /// Parse only the units that can matter (UnitPrefilter.h): --prefilter.
  bool Prefilter = false;
  /// --prefilter-trace: why each name and unit is taken, on stderr.
  bool PrefilterTrace = false;
  /// --cache-dir: where units' results are kept between runs ("": none).
  std::string CacheDir;
  /// --shard=K/N: run only that slice of the units and write their results
  /// to ShardOut; nothing is merged or written else.
  std::optional<ShardSpec> Shard;
  std::string ShardOut;
  /// --facts=F...: shard files whose units need no parse (a merge run).
  std::vector<std::string> ShardFiles;
  /// Keep the units' facts and the decisions (--facts-out).
  bool KeepDecisions = false;
  /// The edits will be written in place (--in-place): every file to change
  /// is checked first (EditTransaction.h), and a file that cannot take its
  /// edits withdraws their object groups.
  bool InPlace = false;
  /// --verify: parse every unit with edits again over the rewritten files,
  /// and withdraw the edits of one that no longer compiles as it did
  /// (EditVerifier.h).
  bool Verify = true;
  /// --since REV: only the sites of the files changed since the git
  /// revision REV and of the units that read one, with their object
  /// groups whole (UnitPrefilter.h); needs the pre-filter.
  std::string SinceRevision;
  /// Test-only: a deliberately wrong migration (TestingMutants.h).
  Mutant TestingMutant = Mutant::None;
  /// Test-only: a file to change (a comment put before its first line)
  /// once every unit has been parsed, as an editor might during a run.
  std::string TestingModifyAfterParse;
  std::string ClangResourceDir;
};

/// What --since limited the run to.
struct SinceScope {
  std::string Revision;
  /// Files changed since the revision (that exist).
  unsigned ChangedFiles = 0;
  /// The scope: the changed files and the sources of the units that read
  /// one (real paths).
  std::vector<std::string> Files;
  /// Sites of the units parsed that are in no object group of the scope,
  /// left out of every output.
  unsigned LeftOut = 0;
};

/// One file's edits, formatted, and its contents before and after (Path is
/// the file's real path).
struct FileChange {
  std::string Path;
  std::string Old;
  std::string New;
  clang::tooling::Replacements Edits;
};

/// A message for the user, in the order the run met it.
struct PipelineMessage {
  bool IsError = true;
  std::string Text;
  /// The file it is about (absolute), when there is one.
  std::string File;
};

struct PipelineResult {
  /// The run could not start (no database, no unit): the messages say why
  /// and nothing else is set.
  bool Aborted = false;
  /// The directory the outputs' paths are relative to.
  std::string Root;
  /// Every site once, decided (see pgmigrate/FindingMerger.h).
  std::vector<Finding> Findings;
  /// The files that change, in the order of their paths.
  std::vector<FileChange> Changes;
  /// Units run and units clang could not parse.
  unsigned Units = 0;
  unsigned FailedUnits = 0;
  /// Units taken from the facts cache and from shard files, not parsed.
  unsigned CachedUnits = 0;
  unsigned ShardUnits = 0;
  /// --verify: units parsed again over the rewritten files, and those
  /// whose edits it withdrew.
  unsigned VerifiedUnits = 0;
  unsigned FailedVerifications = 0;
  /// With --shard: the units this shard ran (the run stops after them).
  std::optional<unsigned> ShardRan;
  /// With the pre-filter: what it parsed and why.
  std::optional<PrefilterStats> Prefilter;
  /// With --since: the scope.
  std::optional<SinceScope> Since;
  /// Object groups of the provenance solve, converted and refused whole.
  unsigned ConvertedGroups = 0;
  unsigned RefusedGroups = 0;
  /// The lexical scan's counts, when --scan-tree ran, and its directory.
  std::optional<TreeScanResult> Scan;
  /// With KeepDecisions: every unit's facts and the provenance decisions.
  std::optional<RunDecisions> Decisions;
  std::string ScanRoot;
  std::vector<PipelineMessage> Messages;

  unsigned errorCount() const;
};

/// Runs every stage; never exits the process.
PipelineResult runPipeline(PipelineRequest Request);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_MIGRATIONPIPELINE_H
