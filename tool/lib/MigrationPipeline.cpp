//===- MigrationPipeline.cpp ----------------------------------------------===//

#include "MigrationPipeline.h"
#include "EditFormatter.h"
#include "FormattedEdits.h"
#include "ProgressLine.h"
#include "SourceRoot.h"
#include "TranslationUnitRunner.h"
#include "pgmigrate/FindingMerger.h"
#include "llvm/Support/MemoryBuffer.h"

namespace pgmigrate {

unsigned PipelineResult::errorCount() const {
  unsigned Count = 0;
  for (const PipelineMessage &M : Messages)
    Count += M.IsError;
  return Count;
}

namespace {

class Pipeline {
public:
  Pipeline(PipelineRequest &Request, PipelineResult &Result)
      : Request(Request), Result(Result),
        Merger(ProvenanceOptions{Request.Options.StrictFamilies}) {}

  void run() {
    if (!selectUnits())
      return;
    chooseRoot();
    // The lexical half of name-conflicts learns from every unit, so it
    // exists before they run (with the tree root the rules judge arch by).
    Lexical.emplace(Request.Options, Request.ScanRoot);
    runUnits();
    if (!Request.ScanRoot.empty())
      scanTree();
    FindingMerger::Result Merged = Merger.merge();
    Result.Findings = std::move(Merged.Findings);
    Result.ConvertedGroups = Merged.ConvertedGroups;
    Result.RefusedGroups = Merged.RefusedGroups;
    for (const std::string &Group : Merged.SplitGroups)
      error("internal error: object group '" + Group +
            "' would be half converted; none of its sites is written");
    for (const auto &[Path, Edits] : Merged.EditsByFile)
      formatFile(Path, Edits);
    if (Request.KeepDecisions)
      Result.Decisions = RunDecisions::of(Result.Findings, Merger.takeFacts());
  }

private:
  void error(const llvm::Twine &Text) {
    Result.Messages.push_back({true, Text.str()});
  }
  void warning(const llvm::Twine &Text) {
    Result.Messages.push_back({false, Text.str()});
  }

  bool selectUnits();
  void chooseRoot();
  void runUnits();
  void scanTree();
  void formatFile(const std::string &Path,
                  const clang::tooling::Replacements &Edits);

  PipelineRequest &Request;
  PipelineResult &Result;
  std::optional<CompilationDatabases> Databases;
  std::vector<CompileJob> Units;
  FindingMerger Merger;
  /// The lexical half of name-conflicts: what the units saw, then the tree.
  std::optional<NameConflictsScan> Lexical;
};

// The databases and the units the PATH arguments select. With only
// --scan-tree there is neither.
bool Pipeline::selectUnits() {
  if (Request.FixedDatabase) {
    Databases = CompilationDatabases::fixed(std::move(Request.FixedDatabase));
  } else if (!Request.BuildPaths.empty()) {
    llvm::Expected<CompilationDatabases> Loaded =
        CompilationDatabases::load(Request.BuildPaths);
    if (!Loaded) {
      error(llvm::toString(Loaded.takeError()));
      Result.Aborted = true;
      return false;
    }
    Databases = std::move(*Loaded);
  }
  if (!Databases)
    return true;
  std::vector<std::string> Unmatched;
  Units = Databases->select(Request.SourcePaths, Unmatched);
  for (const std::string &Message : Unmatched)
    error(Message);
  if (Units.empty()) {
    error("no translation unit to process");
    Result.Aborted = true;
    return false;
  }
  return true;
}

void Pipeline::chooseRoot() {
  if (!Request.RootOption.empty())
    Result.Root = absolutePath(Request.RootOption);
  else if (std::optional<std::string> Top = gitTopLevel(
               Units.empty() ? Request.ScanRoot : Units.front().Path))
    Result.Root = *Top;
  else
    Result.Root = absolutePath(".");
  Request.Options.TreeRoot = Result.Root;
}

// The rules over every unit; a unit that does not parse is skipped, and
// what the others saw goes to the merge and to the tree scan.
void Pipeline::runUnits() {
  if (!Databases)
    return;
  ProgressLine Progress(Request.ShowProgress, Units.size());
  TranslationUnitRunner Runner(*Databases, Request.Options,
                               Request.ClangResourceDir);
  std::vector<TranslationUnitResult> Results =
      Runner.runAll(Units, Request.Threads, Progress);
  Result.Units = Results.size();
  for (TranslationUnitResult &Unit : Results) {
    if (!Unit.Parsed) {
      ++Result.FailedUnits;
      error("cannot parse '" + Unit.Job.Path + "' (database '" +
            Databases->name(Unit.Job.Database) + "'); skipped it:\n" +
            llvm::StringRef(Unit.Errors).rtrim());
      continue;
    }
    Lexical->addUnit(std::move(Unit.Coverage), Unit.Findings);
    refuseEditsOutsideRoot(Unit.Findings, Result.Root);
    Merger.add(std::move(Unit.Findings));
    if (Unit.Facts)
      Merger.addFacts(std::move(*Unit.Facts));
  }
}

void Pipeline::scanTree() {
  Result.ScanRoot = Request.ScanRoot;
  Result.Scan =
      pgmigrate::scanTree(Request.ScanRoot, *Lexical, Request.Threads);
  for (const std::string &Message : Result.Scan->Errors)
    error(Message);
  refuseEditsOutsideRoot(Result.Scan->Findings, Result.Root);
  Merger.add(std::move(Result.Scan->Findings));
  Result.Scan->Findings.clear();
}

// One file's edits in the tree's style (its .clang-format), applied.
void Pipeline::formatFile(const std::string &Path,
                          const clang::tooling::Replacements &Edits) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    error("cannot read '" + Path + "': " + Buffer.getError().message());
    return;
  }
  FileChange Change;
  Change.Path = Path;
  Change.Old = (*Buffer)->getBuffer().str();
  llvm::Expected<clang::tooling::Replacements> Formatted =
      formatEdits(Path, Change.Old, Edits);
  if (Formatted) {
    Change.Edits = std::move(*Formatted);
  } else {
    warning("not formatting the edits of '" + Path +
            "': " + llvm::toString(Formatted.takeError()));
    Change.Edits = Edits;
  }
  llvm::Expected<std::string> New =
      clang::tooling::applyAllReplacements(Change.Old, Change.Edits);
  if (!New) {
    error("cannot apply the edits to '" + Path +
          "': " + llvm::toString(New.takeError()));
    return;
  }
  Change.New = std::move(*New);
  attachFormattedEdits(Result.Findings, Path, Change.Edits);
  if (Change.New != Change.Old)
    Result.Changes.push_back(std::move(Change));
}

} // namespace

PipelineResult runPipeline(PipelineRequest Request) {
  PipelineResult Result;
  Pipeline(Request, Result).run();
  return Result;
}

} // namespace pgmigrate
