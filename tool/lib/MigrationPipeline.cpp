//===- MigrationPipeline.cpp ----------------------------------------------===//

#include "MigrationPipeline.h"
#include "EditFormatter.h"
#include "EditTransaction.h"
#include "EditVerifier.h"
#include "FactsCache.h"
#include "FormattedEdits.h"
#include "GitChanges.h"
#include "ProgressLine.h"
#include "ShardFiles.h"
#include "SourceRoot.h"
#include "TranslationUnitRunner.h"
#include "pgmigrate/FindingMerger.h"
#include "pgmigrate/MinimalEdits.h"
#include "pgmigrate/Rules.h"
#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <set>

namespace pgmigrate {

unsigned PipelineResult::errorCount() const {
  unsigned Count = 0;
  for (const PipelineMessage &M : Messages)
    Count += M.IsError;
  return Count;
}

namespace {

// The files some finding's edits (guarded or not) change.
std::set<std::string> filesEditedBy(const std::vector<Finding> &Findings) {
  std::set<std::string> Files;
  for (const Finding &F : Findings)
    for (const auto *Edits : {&F.Replacements, &F.GuardedReplacements})
      for (const clang::tooling::Replacement &R : *Edits)
        Files.insert(R.getFilePath().str());
  return Files;
}

class Pipeline {
public:
  Pipeline(PipelineRequest &Request, PipelineResult &Result)
      : Request(Request), Result(Result),
        Merger(ProvenanceOptions{Request.Options.StrictFamilies,
                                 Request.Options.LevelTarget}) {}

  void run() {
    if (!selectUnits() || !chooseRoot() || !findChangedFiles())
      return;
    // The lexical half of name-conflicts learns from every unit, so it
    // exists before they run (with the tree root the rules judge arch by).
    Lexical.emplace(Request.Options, Request.ScanRoot);
    if (!openStores())
      return;
    if (Request.Shard)
      return runShard();
    runUnits();
    if (!Request.ScanRoot.empty())
      scanTree();
    modifyForTesting();
    withdrawFilesOutsideRoot();
    withdrawChangedFiles();
    // Merge, format, and (for -i) check every file to write; a file that
    // cannot take its edits withdraws their groups, and the merge is redone
    // without them (each round withdraws one file more, so this ends).
    for (;;) {
      std::map<std::string, std::string> Bad = mergeAndFormat();
      if (Bad.empty() && verifyChanges())
        continue;
      if (Bad.empty() && Request.InPlace)
        Bad = unwritableFiles();
      if (Bad.empty())
        break;
      for (const auto &[Path, Why] : Bad) {
        Merger.withdrawFile(Path, "'" + Path + "': " + Why);
        error("cannot edit '" + Path + "': " + Why +
                  "; its edits and their object groups are withdrawn",
              Path);
      }
    }
    if (Request.KeepDecisions)
      Result.Decisions = RunDecisions::of(Result.Findings, Merger.takeFacts());
  }

private:
  void error(const llvm::Twine &Text, llvm::StringRef File = "") {
    Result.Messages.push_back({true, Text.str(), File.str()});
  }
  void warning(const llvm::Twine &Text, llvm::StringRef File = "") {
    Result.Messages.push_back({false, Text.str(), File.str()});
  }

  bool selectUnits();
  bool chooseRoot();
  bool findChangedFiles();
  void keepScopeGroups(FindingMerger::Result &Merged);
  bool openStores();
  void runShard();
  void runUnits();
  std::unique_ptr<UnitPrefilter> makePrefilter() const;
  std::vector<std::vector<clang::tooling::CompileCommand>> unitCommands() const;
  std::vector<TranslationUnitResult>
  runJobs(const TranslationUnitRunner &Runner,
          const std::vector<CompileJob> &Jobs,
          TranslationUnitRunner::ResultConsumer Consume = nullptr);
  /// Moves a parsed unit's facts to the merger as soon as it is done: a
  /// run holds the facts of the program (each fact once), not those of
  /// every unit. Unit: the unit's index.
  void takeFacts(size_t Unit, TranslationUnitResult &Result) {
    if (Result.Parsed && Result.Facts)
      Merger.addFacts(std::move(*Result.Facts), Unit);
    Result.Facts.reset();
  }
  std::vector<TranslationUnitResult>
  runPrefiltered(const TranslationUnitRunner &Runner, std::vector<bool> &Ran);
  void scanTree();
  void keepForVerify(const TranslationUnitResult &Unit);
  void noteEdits(const std::vector<Finding> &Findings,
                 const std::map<std::string, uint64_t> &Hashes);
  void modifyForTesting();
  void withdrawFilesOutsideRoot();
  void withdrawChangedFiles();
  std::map<std::string, std::string> mergeAndFormat();
  /// --verify: withdraws the rewritten files every unit that no longer
  /// compiles as it did reads; true when it withdrew any (merge again).
  bool verifyChanges();
  void mutateForTesting(FindingMerger::Result &Merged) const;
  std::map<std::string, std::string> unwritableFiles() const;
  std::string formatFile(const std::string &Path,
                         const clang::tooling::Replacements &Edits);

  PipelineRequest &Request;
  PipelineResult &Result;
  std::optional<CompilationDatabases> Databases;
  std::vector<CompileJob> Units;
  FindingMerger Merger;
  /// The lexical half of name-conflicts: what the units saw, then the tree.
  std::optional<NameConflictsScan> Lexical;
  /// Every file some finding edits, with the hashes of the bytes each
  /// producer (unit or tree scan) computed its edits on.
  std::map<std::string, std::set<uint64_t>> EditedFiles;
  /// Where units' results come from besides a parse (shard files, the
  /// facts cache), and what those stores check files against.
  FileHashes Hashes;
  std::string RunKey;
  std::unique_ptr<ShardRecords> Shards;
  /// --verify: the units whose findings edit files, and the checker.
  std::vector<UnitWithEdits> UnitsWithEdits;
  std::optional<TranslationUnitRunner> VerifyRunner;
  std::optional<EditVerifier> Verifier;
  std::optional<FactsCache> Cache;
  StoreChain Stores;
  /// --since: the files changed since the revision.
  std::optional<std::set<std::string>> ChangedFiles;
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

bool Pipeline::chooseRoot() {
  if (!Request.RootOption.empty()) {
    llvm::Expected<std::string> Root = checkedRoot(Request.RootOption);
    if (!Root) {
      error(llvm::toString(Root.takeError()));
      Result.Aborted = true;
      return false;
    }
    Result.Root = *Root;
  } else {
    std::vector<std::string> Sources;
    for (const CompileJob &Unit : Units)
      Sources.push_back(Unit.Path);
    if (Sources.empty())
      Sources.push_back(Request.ScanRoot);
    Result.Root = defaultRoot(Sources);
  }
  Request.Options.TreeRoot = Result.Root;
  return true;
}

// --since: the files changed since the revision, in the root's git tree.
bool Pipeline::findChangedFiles() {
  if (Request.SinceRevision.empty())
    return true;
  // The scope's groups are found whole by the pre-filter's rounds; shards
  // slice the units without them.
  if (!Request.Prefilter || Request.Shard || !Request.ShardFiles.empty()) {
    error("--since needs the pre-filter's rounds: it cannot go with "
          "--no-prefilter, --shard or --facts");
    Result.Aborted = true;
    return false;
  }
  llvm::Expected<std::set<std::string>> Files =
      filesChangedSince(Result.Root, Request.SinceRevision);
  if (!Files) {
    error(llvm::toString(Files.takeError()));
    Result.Aborted = true;
    return false;
  }
  Result.Since.emplace();
  Result.Since->Revision = Request.SinceRevision;
  Result.Since->ChangedFiles = Files->size();
  ChangedFiles = std::move(*Files);
  return true;
}

// --since: only the findings of the scope's files and of the object groups
// they are in; the pulled-in units' other sites were seen without their
// groups' other units, so they are left out, not decided. name-conflicts'
// renames and whole renames (rename-descriptor) count everywhere (their
// units are all parsed).
void Pipeline::keepScopeGroups(FindingMerger::Result &Merged) {
  std::set<std::string> Scope(Result.Since->Files.begin(),
                              Result.Since->Files.end());
  auto FileInScope = [&](llvm::StringRef Path) {
    llvm::SmallString<256> Real;
    return Scope.count(Path.str()) || (!llvm::sys::fs::real_path(Path, Real) &&
                                       Scope.count(std::string(Real)));
  };
  // Where the finding is reported, or where its call is expanded (the
  // file of its object site's key, "FILE:OFFSET[@...]").
  auto InScope = [&](const Finding &F) {
    llvm::StringRef Site = F.ObjectSite;
    Site = Site.take_front(Site.find('@')).rsplit(':').first;
    return F.Rule == "name-conflicts" || !F.WholeRename.empty() ||
           FileInScope(F.FilePath) || (!Site.empty() && FileInScope(Site));
  };
  llvm::EquivalenceClasses<unsigned> Groups;
  std::set<unsigned> ScopeGroups;
  for (const Finding &F : Merged.Findings)
    for (const PairingKey &Key : F.PairingKeys)
      Groups.unionSets(F.PairingKeys.front().group(), Key.group());
  for (const Finding &F : Merged.Findings)
    if (!F.PairingKeys.empty() && InScope(F))
      ScopeGroups.insert(Groups.getLeaderValue(F.PairingKeys.front().group()));
  // Counted afresh: a withdrawal merges again.
  Result.Since->LeftOut = 0;
  std::vector<Finding> Kept;
  std::set<unsigned> Converted, Refused;
  for (Finding &F : Merged.Findings) {
    bool Keep = F.PairingKeys.empty() ? InScope(F)
                                      : ScopeGroups.count(Groups.getLeaderValue(
                                            F.PairingKeys.front().group()));
    if (!Keep) {
      ++Result.Since->LeftOut;
      continue;
    }
    if (!F.PairingKeys.empty())
      (F.Kind == FindingKind::Converted ? Converted : Refused)
          .insert(Groups.getLeaderValue(F.PairingKeys.front().group()));
    Kept.push_back(std::move(F));
  }
  Merged.Findings = std::move(Kept);
  Merged.ConvertedGroups = Converted.size();
  Merged.RefusedGroups = Refused.size();
  Merged.EditsByFile.clear();
  for (const Finding &F : Merged.Findings)
    if (F.Kind == FindingKind::Converted)
      for (const clang::tooling::Replacement &R : F.Replacements)
        llvm::consumeError(Merged.EditsByFile[R.getFilePath().str()].add(R));
}

// The shard files of a merge run and the facts cache, when asked for.
bool Pipeline::openStores() {
  if (!Databases || (Request.CacheDir.empty() && !Request.Shard &&
                     Request.ShardFiles.empty()))
    return true;
  RunKey = runKey(Request.Options, Request.ClangResourceDir);
  if (RunKey.empty()) {
    // Without a key nothing stored can be told apart from another build's.
    if (Request.Shard || !Request.ShardFiles.empty()) {
      error("cannot read the tool's own executable to name its shard files");
      Result.Aborted = true;
      return false;
    }
    warning("cannot read the tool's own executable to key the facts cache; "
            "running without it");
    return true;
  }
  if (!Request.ShardFiles.empty()) {
    llvm::Expected<std::unique_ptr<ShardRecords>> Loaded =
        ShardRecords::load(Request.ShardFiles, RunKey, *Databases, Hashes);
    if (!Loaded) {
      error(llvm::toString(Loaded.takeError()));
      Result.Aborted = true;
      return false;
    }
    Shards = std::move(*Loaded);
    Stores.add(*Shards);
  }
  if (!Request.CacheDir.empty()) {
    Cache.emplace(Request.CacheDir, RunKey, Hashes, *Databases);
    Stores.add(*Cache);
  }
  return true;
}

// The units in the order shards slice them: the pre-filter's first round
// (a lexical choice every shard makes alike) or every unit.
void Pipeline::runShard() {
  std::vector<size_t> Order;
  if (Request.Prefilter) {
    Order = makePrefilter()->start(unitCommands());
  } else {
    for (size_t I = 0; I < Units.size(); ++I)
      Order.push_back(I);
  }
  std::vector<CompileJob> Jobs;
  for (size_t K = 0; K < Order.size(); ++K)
    if (Request.Shard->takes(K))
      Jobs.push_back(Units[Order[K]]);
  llvm::Expected<std::unique_ptr<ShardFileWriter>> Out = ShardFileWriter::open(
      Request.ShardOut, RunKey, *Request.Shard, Units.size(), *Databases);
  if (!Out) {
    error(llvm::toString(Out.takeError()));
    Result.Aborted = true;
    return;
  }
  TranslationUnitRunner Runner(*Databases, Request.Options,
                               Request.ClangResourceDir);
  // Each unit's record is written as it is done, and its facts dropped.
  std::vector<TranslationUnitResult> Results =
      runJobs(Runner, Jobs, [&](size_t, TranslationUnitResult &Unit) {
        (*Out)->add(Unit);
        Unit.Facts.reset();
      });
  Result.Units = Units.size();
  Result.ShardRan = Jobs.size();
  for (const TranslationUnitResult &Unit : Results)
    Result.FailedUnits += !Unit.Parsed;
  if (llvm::Error Err = (*Out)->finish())
    error(llvm::toString(std::move(Err)));
}

std::vector<std::vector<clang::tooling::CompileCommand>>
Pipeline::unitCommands() const {
  std::vector<std::vector<clang::tooling::CompileCommand>> Commands;
  for (const CompileJob &Unit : Units)
    Commands.push_back(
        Databases->database(Unit.Database).getCompileCommands(Unit.File));
  return Commands;
}

// Jobs through the stores (or parsed), with the stores' notes as warnings;
// Consume sees each result as soon as it is done.
std::vector<TranslationUnitResult>
Pipeline::runJobs(const TranslationUnitRunner &Runner,
                  const std::vector<CompileJob> &Jobs,
                  TranslationUnitRunner::ResultConsumer Consume) {
  ProgressLine Progress(Request.ShowProgress, Jobs.size());
  std::vector<TranslationUnitResult> Results =
      Runner.runAll(Jobs, Request.Threads, Progress,
                    Stores.empty() ? nullptr : &Stores, Consume);
  for (const TranslationUnitResult &Unit : Results) {
    if (!Unit.StoreNote.empty())
      warning(Unit.StoreNote, Unit.Job.Path);
    Result.CachedUnits +=
        Unit.Origin == TranslationUnitResult::OriginKind::Cache;
    Result.ShardUnits +=
        Unit.Origin == TranslationUnitResult::OriginKind::Shard;
  }
  return Results;
}

// The rules over every unit; a unit that does not parse is skipped, and
// what the others saw goes to the merge and to the tree scan.
void Pipeline::runUnits() {
  if (!Databases)
    return;
  TranslationUnitRunner Runner(*Databases, Request.Options,
                               Request.ClangResourceDir);
  std::vector<TranslationUnitResult> Results;
  std::vector<bool> Ran;
  if (Request.Prefilter) {
    Results = runPrefiltered(Runner, Ran);
  } else {
    Results = runJobs(Runner, Units, [&](size_t I, TranslationUnitResult &R) {
      takeFacts(I, R);
    });
    Ran.assign(Results.size(), true);
  }
  Result.Units = Results.size();
  std::vector<std::string> FailedFiles;
  // In the units' order, whichever round parsed them: the merge is the
  // same as without the pre-filter.
  for (size_t I = 0; I < Results.size(); ++I) {
    if (!Ran[I])
      continue;
    TranslationUnitResult &Unit = Results[I];
    std::string Database = Databases->name(Unit.Job.Database).str();
    if (!Unit.Parsed) {
      ++Result.FailedUnits;
      FailedFiles.push_back(Unit.Job.Path);
      error((Unit.NotRun ? "cannot run '" : "cannot parse '") + Unit.Job.Path +
                "' (database '" + Database + "'); skipped it:\n" +
                llvm::StringRef(Unit.Errors).rtrim(),
            Unit.Job.Path);
      continue;
    }
    if (!Unit.WerrorWarnings.empty())
      warning("'" + Unit.Job.Path + "' (database '" + Database +
                  "') has warnings that its -Werror makes errors; the tool "
                  "reads it without -Werror, the build would fail:\n" +
                  llvm::StringRef(Unit.WerrorWarnings).rtrim(),
              Unit.Job.Path);
    Lexical->addUnit(std::move(Unit.Coverage), Unit.Findings);
    if (Request.Verify)
      keepForVerify(Unit);
    noteEdits(Unit.Findings, Unit.ContentHashes);
    Merger.add(std::move(Unit.Findings));
  }
  // What a failed unit does with a table is unknown: only groups private
  // to units that parsed may convert.
  if (!FailedFiles.empty())
    Merger.withdrawBeyondUnits(
        FailedFiles, FailedFiles.size() == 1
                         ? "unit '" + FailedFiles.front() +
                               "' failed, and this object's group may reach it"
                         : std::to_string(FailedFiles.size()) +
                               " units failed (the first: '" +
                               FailedFiles.front() +
                               "'), and this object's group may reach them");
}

// The units the pre-filter selects, round after round; Ran[I] tells
// whether unit I was parsed.
std::vector<TranslationUnitResult>
Pipeline::runPrefiltered(const TranslationUnitRunner &Runner,
                         std::vector<bool> &Ran) {
  std::unique_ptr<UnitPrefilter> Filter = makePrefilter();
  std::vector<TranslationUnitResult> Results(Units.size());
  Ran.assign(Units.size(), false);
  for (std::vector<size_t> Round = Filter->start(unitCommands());
       !Round.empty(); Round = Filter->next(Merger.factsSoFar())) {
    std::vector<CompileJob> Jobs;
    for (size_t I : Round)
      Jobs.push_back(Units[I]);
    std::vector<TranslationUnitResult> Out =
        runJobs(Runner, Jobs, [&](size_t K, TranslationUnitResult &R) {
          takeFacts(Round[K], R);
        });
    for (size_t K = 0; K < Round.size(); ++K) {
      size_t I = Round[K];
      Results[I] = std::move(Out[K]);
      Ran[I] = true;
      Filter->parsed(I, Results[I].ReadFiles);
    }
  }
  for (size_t I = 0; I < Units.size(); ++I)
    if (!Ran[I])
      Results[I].Job = Units[I];
  Result.Prefilter = Filter->stats();
  if (Result.Since)
    Result.Since->Files = Filter->scopeFiles();
  return Results;
}

std::unique_ptr<UnitPrefilter> Pipeline::makePrefilter() const {
  std::vector<std::string> Triggers, WholeTree;
  for (const std::string &Name : Request.Options.EnabledRules)
    if (std::unique_ptr<Rule> R = createRule(Name, Request.Options))
      R->addTriggerNames(Name == "name-conflicts" || Name == "rename-descriptor"
                             ? WholeTree
                             : Triggers);
  llvm::append_range(Triggers, WholeTree);
  auto Filter = std::make_unique<UnitPrefilter>(
      std::move(Triggers), Request.ClangResourceDir, Request.Threads);
  // A rename must see every unit that spells the name, changed or not.
  if (ChangedFiles)
    Filter->setChangedFiles(*ChangedFiles, WholeTree,
                            Request.Options.StrictFamilies);
  if (Request.PrefilterTrace)
    Filter->setTrace(&llvm::errs());
  return Filter;
}

// Remembers the files Findings edit, and the bytes they were computed on.
void Pipeline::noteEdits(const std::vector<Finding> &Findings,
                         const std::map<std::string, uint64_t> &Hashes) {
  for (const std::string &Path : filesEditedBy(Findings)) {
    auto It = Hashes.find(Path);
    // A file whose bytes the producer did not record cannot be checked: it
    // counts as changed.
    EditedFiles[Path].insert(It == Hashes.end() ? 0 : It->second);
  }
}

// A unit whose findings edit files, with what it read, for --verify.
void Pipeline::keepForVerify(const TranslationUnitResult &Unit) {
  UnitWithEdits Kept;
  Kept.EditedFiles = filesEditedBy(Unit.Findings);
  if (Kept.EditedFiles.empty())
    return;
  Kept.Job = Unit.Job;
  Kept.ReadFiles = Unit.ReadFiles;
  Kept.Warnings = Unit.Warnings;
  UnitsWithEdits.push_back(std::move(Kept));
}

bool Pipeline::verifyChanges() {
  if (!Request.Verify || UnitsWithEdits.empty() || Result.Changes.empty())
    return false;
  if (!Verifier) {
    VerifyRunner.emplace(*Databases, Request.Options, Request.ClangResourceDir);
    Verifier.emplace(*VerifyRunner, Request.Options, Request.Threads);
  }
  std::map<std::string, std::string> NewContents;
  for (const FileChange &Change : Result.Changes)
    NewContents[Change.Path] = Change.New;
  std::vector<VerifyFailure> Failures =
      Verifier->verify(UnitsWithEdits, NewContents);
  Result.VerifiedUnits = Verifier->verifiedUnits();
  for (const VerifyFailure &Failure : Failures) {
    const UnitWithEdits &Unit = UnitsWithEdits[Failure.Unit];
    ++Result.FailedVerifications;
    std::string Why = "'" + Unit.Job.Path +
                      "' does not compile as it did once rewritten (--verify)";
    // Which edit breaks the unit is not known: every rewritten file it
    // reads goes back to what it was (a header another unit edits too),
    // so that the unit compiles as before.
    std::set<std::string> Withdrawn;
    for (const std::string &File : Unit.EditedFiles)
      if (NewContents.count(File))
        Withdrawn.insert(File);
    for (const std::string &File : Unit.ReadFiles)
      if (NewContents.count(File))
        Withdrawn.insert(File);
    for (const std::string &File : Withdrawn)
      Merger.withdrawFile(File, Why);
    error(Why +
              "; the edits of the rewritten files it reads and their object "
              "groups are withdrawn:\n" +
              llvm::StringRef(Failure.Messages).rtrim(),
          Unit.Job.Path);
  }
  return !Failures.empty();
}

// Test-only (--testing-mutant): the converted findings' edits made wrong
// (TestingMutants.h), and the files' edits collected from them again.
void Pipeline::mutateForTesting(FindingMerger::Result &Merged) const {
  mutateFindings(Request.TestingMutant, Request.Options, Merged.Findings);
  Merged.EditsByFile.clear();
  for (const Finding &F : Merged.Findings)
    if (F.Kind == FindingKind::Converted)
      for (const clang::tooling::Replacement &R : F.Replacements)
        llvm::consumeError(Merged.EditsByFile[R.getFilePath().str()].add(R));
}

void Pipeline::modifyForTesting() {
  if (Request.TestingModifyAfterParse.empty())
    return;
  const std::string &Path = Request.TestingModifyAfterParse;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Old =
      llvm::MemoryBuffer::getFile(Path);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (!Old || EC) {
    error("testing: cannot modify '" + Path + "'");
    return;
  }
  OS << "/* modified during the run */\n" << (*Old)->getBuffer();
}

// One error for every file to edit that lies outside the root; their
// groups are refused.
void Pipeline::withdrawFilesOutsideRoot() {
  std::vector<std::string> Outside;
  for (const auto &[Path, Hashes] : EditedFiles)
    if (!relativeToRoot(Result.Root, Path)) {
      Outside.push_back(Path);
      Merger.withdrawFile(Path, "'" + Path + "' is outside the root '" +
                                    Result.Root + "'");
    }
  if (Outside.empty())
    return;
  std::string Listed;
  for (size_t I = 0; I < Outside.size() && I < 3; ++I)
    Listed += (I ? ", '" : "'") + Outside[I] + "'";
  if (Outside.size() > 3)
    Listed += " and " + std::to_string(Outside.size() - 3) + " more";
  error(
      std::to_string(Outside.size()) +
          (Outside.size() == 1 ? " file to edit lies" : " files to edit lie") +
          " outside the root '" + Result.Root + "': " + Listed +
          "; their sites are not converted (give --root the tree that "
          "holds them)",
      Outside.front());
}

// A file whose bytes differ from those the edits were computed on (it
// changed during the run, between two units, or since) cannot take them.
void Pipeline::withdrawChangedFiles() {
  for (const auto &[Path, Hashes] : EditedFiles) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Now =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (Now && Hashes.size() == 1 &&
        *Hashes.begin() == llvm::xxHash64((*Now)->getBuffer()))
      continue;
    std::string Why =
        Now ? "it changed while the tool ran"
            : "it cannot be read (" + Now.getError().message() + ")";
    Merger.withdrawFile(Path, "'" + Path + "': " + Why);
    error("'" + Path + "': " + Why +
              "; its edits and their object groups are withdrawn",
          Path);
  }
}

// The merge and every file's edits formatted; the files that could not
// take them, with why.
std::map<std::string, std::string> Pipeline::mergeAndFormat() {
  Result.Changes.clear();
  FindingMerger::Result Merged = Merger.merge();
  if (Result.Since)
    keepScopeGroups(Merged);
  if (Request.TestingMutant != Mutant::None)
    mutateForTesting(Merged);
  Result.Findings = std::move(Merged.Findings);
  Result.ConvertedGroups = Merged.ConvertedGroups;
  Result.RefusedGroups = Merged.RefusedGroups;
  for (const std::string &Group : Merged.SplitGroups)
    error("internal error: object group '" + Group +
          "' would be half converted; none of its sites is written");
  std::map<std::string, std::string> Bad;
  for (const auto &[Path, Edits] : Merged.EditsByFile)
    if (std::string Why = formatFile(Path, Edits); !Why.empty())
      Bad[Path] = Why;
  return Bad;
}

// For --in-place: the files that cannot be written, with why.
std::map<std::string, std::string> Pipeline::unwritableFiles() const {
  std::map<std::string, std::string> Bad;
  for (const FileChange &Change : Result.Changes)
    if (std::string Why = whyNotRewritable(Change.Path, Change.Old);
        !Why.empty())
      Bad[Change.Path] = Why;
  return Bad;
}

void Pipeline::scanTree() {
  Result.ScanRoot = Request.ScanRoot;
  Result.Scan =
      pgmigrate::scanTree(Request.ScanRoot, *Lexical, Request.Threads);
  for (const std::string &Message : Result.Scan->Errors)
    error(Message);
  noteEdits(Result.Scan->Findings, Result.Scan->ContentHashes);
  Merger.add(std::move(Result.Scan->Findings));
  Result.Scan->Findings.clear();
}

// One file's edits in the tree's style (its .clang-format), applied; why
// they could not be, or "".
std::string Pipeline::formatFile(const std::string &Path,
                                 const clang::tooling::Replacements &Edits) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "it cannot be read (" + Buffer.getError().message() + ")";
  FileChange Change;
  Change.Path = Path;
  Change.Old = (*Buffer)->getBuffer().str();
  const std::set<uint64_t> &Parsed = EditedFiles[Path];
  if (Parsed.size() != 1 || *Parsed.begin() != llvm::xxHash64(Change.Old))
    return "it changed while the tool ran";
  llvm::Expected<clang::tooling::Replacements> Formatted =
      formatEdits(Path, Change.Old, Edits);
  if (Formatted) {
    Change.Edits = std::move(*Formatted);
  } else {
    warning("not formatting the edits of '" + Path +
            "': " + llvm::toString(Formatted.takeError()));
    Change.Edits = Edits;
  }
  if (Request.TestingMutant == Mutant::BreakNames)
    Change.Edits = breakApiNames(Change.Edits, Request.Options);
  // Every output then carries only what changes (MinimalEdits.h).
  Change.Edits = minimalEdits(Change.Old, Change.Edits);
  llvm::Expected<std::string> New =
      clang::tooling::applyAllReplacements(Change.Old, Change.Edits);
  if (!New)
    return "its edits cannot be applied (" + llvm::toString(New.takeError()) +
           ")";
  Change.New = std::move(*New);
  attachFormattedEdits(Result.Findings, Path, Change.Edits);
  if (Change.New != Change.Old)
    Result.Changes.push_back(std::move(Change));
  return "";
}

} // namespace

PipelineResult runPipeline(PipelineRequest Request) {
  PipelineResult Result;
  Pipeline(Request, Result).run();
  return Result;
}

} // namespace pgmigrate
