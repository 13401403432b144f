//===- TranslationUnitRunner.h - Rules over translation units ---*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H
#define PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H

#include "CompilationDatabases.h"
#include "ProgressLine.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "pgmigrate/UnitCoverage.h"
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
  std::vector<Finding> Findings;
  /// The unit's provenance facts, when a rule that pairs is enabled.
  std::optional<ProvenanceFacts> Facts;
  /// For every file the findings edit, a hash of the bytes the unit parsed
  /// (xxHash64): the edits' offsets are valid for those bytes only.
  std::map<std::string, uint64_t> ContentHashes;
  /// Every file the unit read (real paths), for the pre-filter.
  std::vector<std::string> ReadFiles;
  /// What the unit saw, recorded by the rules that ask for it
  /// (Rule::recordCoverage): for the lexical half of name-conflicts.
  UnitCoverage Coverage;
};

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

  /// Runs every job on Threads workers; results in the order of Jobs
  /// whatever the scheduling.
  std::vector<TranslationUnitResult> runAll(const std::vector<CompileJob> &Jobs,
                                            unsigned Threads,
                                            ProgressLine &Progress) const;

private:
  const CompilationDatabases &Databases;
  const MigrationOptions &Options;
  std::string ClangResourceDir;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TRANSLATIONUNITRUNNER_H
