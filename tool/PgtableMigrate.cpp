//===- PgtableMigrate.cpp - The pgtable-migrate command line --------------===//
//
// A thin front end over the rules library: reads compile databases, runs the
// enabled rules over every selected translation unit on -j workers, merges
// the findings, and prints a diff (or edits in place, or exports fixes) plus
// the diagnostics.
//
//===----------------------------------------------------------------------===//

#include "CompilationDatabases.h"
#include "DiagnosticsWriter.h"
#include "DiffWriter.h"
#include "EditTransaction.h"
#include "FactsCache.h"
#include "FixesExport.h"
#include "HtmlReport.h"
#include "MigrationPipeline.h"
#include "OutputFile.h"
#include "PatchSeries.h"
#include "RuleOptionFlags.h"
#include "SarifWriter.h"
#include "SourceRoot.h"
#include "pgmigrate/ApiText.h"
#include "pgmigrate/NameConflictsScan.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <unistd.h>

using namespace pgmigrate;
namespace cl = llvm::cl;

#ifndef PGMIGRATE_CLANG_RESOURCE_DIR
#error "PGMIGRATE_CLANG_RESOURCE_DIR must name clang's resource directory"
#endif

static constexpr llvm::StringLiteral ToolVersion = "0.1.0";

static cl::OptionCategory Category("pgtable-migrate options");

static cl::list<std::string>
    BuildPaths("p",
               cl::desc("Build directory with compile_commands.json, or "
                        "that file (repeat for several databases)"),
               cl::value_desc("build-dir"), cl::Prefix, cl::cat(Category));
static cl::list<std::string>
    SourcePaths(cl::Positional,
                cl::desc("[PATH...]  files or directories to process "
                         "(default: every file of the databases)"),
                cl::cat(Category));
static cl::opt<std::string>
    RulesOption("rules",
                cl::desc("Comma-separated rules to run (default: all "
                         "implemented; see --list-rules)"),
                cl::value_desc("names"), cl::cat(Category));
static cl::list<std::string>
    DisabledRules("disable-rule", cl::desc("Rule not to run (repeatable)"),
                  cl::value_desc("name"), cl::cat(Category));
static cl::opt<bool> ListRules("list-rules",
                               cl::desc("List the rules and exit"),
                               cl::cat(Category));
static cl::opt<std::string> EmitApi(
    "emit-api", cl::ValueOptional,
    cl::desc("Print the new API for a tree that lacks it, then exit: "
             "'declarations' (for include/linux/mm.h), 'definitions' (for "
             "mm/memory.c), or both, each under a comment naming its file, "
             "when no value is given; the names follow --api, --alloc-name "
             "and --free-name"),
    cl::value_desc("part"), cl::cat(Category));
static cl::opt<std::string> ScanTree(
    "scan-tree",
    cl::desc("name-conflicts: also scan every .c/.h/.S file under this "
             "directory lexically (files no database covers, #if branches "
             "no configuration compiles); works without -p too"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<unsigned> Jobs("j",
                              cl::desc("Worker threads (default: all cores)"),
                              cl::init(0), cl::Prefix, cl::cat(Category));
static cl::opt<bool> PrefilterOption(
    "prefilter",
    cl::desc("Parse only the units that can yield a finding or a fact the "
             "solve uses (the default; see tool/README.md)"),
    cl::cat(Category));
static cl::opt<bool> NoPrefilter(
    "no-prefilter",
    cl::desc("Parse every unit of the databases (same output, slower)"),
    cl::cat(Category));
static cl::opt<bool> VerifyOption(
    "verify",
    cl::desc("Parse every unit with edits again over the rewritten files "
             "(in memory) and withdraw, with their object groups, the edits "
             "of one that gains an error or a warning (the default)"),
    cl::cat(Category));
static cl::opt<bool>
    NoVerify("no-verify",
             cl::desc("Do not parse the rewritten units again (faster; the "
                      "edits are not checked to compile)"),
             cl::cat(Category));
static cl::opt<bool> PrefilterTrace(
    "prefilter-trace",
    cl::desc("Say on stderr why the pre-filter takes each name and unit"),
    cl::Hidden, cl::cat(Category));
static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep each unit's results here between runs; a unit whose "
             "files are unchanged is not parsed again (default: "
             "$XDG_CACHE_HOME/pgtable-migrate)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Neither read nor write the facts cache "
                                      "(the later of --cache-dir and "
                                      "--no-cache counts)"),
                             cl::cat(Category));
static cl::opt<std::string> ShardOption(
    "shard",
    cl::desc("Run the K-th of N slices of the units and write their results "
             "to --facts-out; a run with --facts=FILE... merges them"),
    cl::value_desc("K/N"), cl::cat(Category));
static cl::list<std::string>
    ShardFacts("facts",
               cl::desc("A shard's --facts-out file: its units need no parse "
                        "(repeatable, or comma-separated)"),
               cl::value_desc("file"), cl::CommaSeparated, cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress line and no summary"),
                           cl::cat(Category));
static cl::opt<bool> InPlace("in-place",
                             cl::desc("Edit the files instead of printing "
                                      "a diff"),
                             cl::cat(Category));
static cl::alias InPlaceShort("i", cl::desc("Alias for --in-place"),
                              cl::aliasopt(InPlace), cl::NotHidden,
                              cl::cat(Category));
static cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the edits as clang-apply-replacements YAML"),
                cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> SeriesDir(
    "series",
    cl::desc("Also write the edits as a git format-patch series into this "
             "directory: renames first, one patch per arch, then one "
             "conversion patch per area, object groups whole, and "
             "0000-cover-letter.patch"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> Since(
    "since",
    cl::desc("Only the sites of files changed since the git revision REV "
             "(in the work tree, untracked files included) and of the units "
             "that read one, each with its whole object group: for CI on a "
             "pull request"),
    cl::value_desc("rev"), cl::cat(Category));
static cl::opt<std::string> HtmlReportFile(
    "html",
    cl::desc("Write a self-contained HTML report: a summary per arch, rule "
             "and status, every site (converted ones as diffs, refused ones "
             "with their reason and source), object groups together, "
             "filters and a permalink per site"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> SeriesIncludeApi(
    "series-include-api",
    cl::desc("--series: put the new API (--emit-api's text) in its own "
             "patch, after the renames"),
    cl::cat(Category));
enum class SeriesSplit { Path, Maintainers };
static cl::opt<SeriesSplit>
    Split("split", cl::desc("--series: how conversions are split into patches"),
          cl::values(clEnumValN(SeriesSplit::Path, "path",
                                "by area, the kernel's subject prefix of each "
                                "file's place (default)"),
                     clEnumValN(SeriesSplit::Maintainers, "maintainers",
                                "by the MAINTAINERS section that covers each "
                                "file, with its To: and Cc: lines")),
          cl::init(SeriesSplit::Path), cl::cat(Category));
static cl::opt<std::string> FactsOut(
    "facts-out",
    cl::desc("Write every unit's provenance facts and the run's decisions "
             "as JSON (the clang-tidy checks' FactsFile option reads it); "
             "with --shard, the shard's results for the merge run"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool>
    Check("check",
          cl::desc("Change nothing, print no diff; exit 1 if edits are "
                   "pending"),
          cl::cat(Category));
enum class DiagnosticsFormat { Text, Json, Sarif };
static cl::opt<DiagnosticsFormat> Format(
    "format", cl::desc("Format of the diagnostics"),
    cl::values(clEnumValN(DiagnosticsFormat::Text, "text",
                          "file:line:col: warning: message [rule] (default)"),
               clEnumValN(DiagnosticsFormat::Json, "json", "JSON"),
               clEnumValN(DiagnosticsFormat::Sarif, "sarif", "SARIF 2.1.0")),
    cl::init(DiagnosticsFormat::Text), cl::cat(Category));
static cl::opt<std::string>
    DiagnosticsFile("diagnostics-file",
                    cl::desc("Write the diagnostics here instead of stderr"),
                    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string>
    RootOption("root",
               cl::desc("Directory the diff's paths are relative to "
                        "(default: the git top level of the sources)"),
               cl::value_desc("dir"), cl::cat(Category));

// Test-only switches (hidden): the robustness tests use them to provoke, at
// a fixed point and without timing, what a user's tree or machine can do
// to a run.
static cl::opt<std::string> TestingModifyAfterParse(
    "testing-modify-after-parse",
    cl::desc("Testing: change FILE once every unit is parsed"), cl::Hidden);
static cl::opt<std::string>
    TestingMutant("testing-mutant",
                  cl::desc("Testing: write a deliberately wrong migration (see "
                           "tool/lib/TestingMutants.h)"),
                  cl::value_desc("name"), cl::Hidden);
static cl::opt<std::string> TestingFault(
    "testing-fault",
    cl::desc("Testing: stage-fail:N, sigterm-after-staging:N, "
             "sigint-after-staging:N or commit-fail:N for --in-place"),
    cl::Hidden);

static const char Overview[] =
    "pgtable-migrate: moves Linux arch code to pgtable_alloc()/pgtable_free()\n"
    "\n"
    "  pgtable-migrate -p BUILD_DIR [-p BUILD_DIR...] [PATH...]\n"
    "  pgtable-migrate FILE... -- COMPILER_FLAGS\n"
    "  pgtable-migrate --scan-tree=DIR [-p BUILD_DIR...] [--rename-conflicts]\n"
    "\n"
    "Prints a unified diff (for git apply) on stdout, a diagnostic for every\n"
    "site converted or refused, and a summary on stderr.\n"
    "Exit status: 0 done; 1 edits pending (--check); 2 a usage or input\n"
    "error, a unit that failed, a file that could not be written (with\n"
    "--in-place, then no file is changed).\n";

namespace {

/// Counts what went wrong; every error message names what failed.
struct ErrorLog {
  unsigned Count = 0;
  void report(const llvm::Twine &Message) {
    llvm::errs() << "pgtable-migrate: error: " << Message << "\n";
    ++Count;
  }
  void warn(const llvm::Twine &Message) {
    llvm::errs() << "pgtable-migrate: warning: " << Message << "\n";
  }
};

void listRules() {
  for (const RuleInfo &Info : allRules())
    llvm::outs() << Info.Name << "\n    " << Info.Summary << "\n";
}

void writeDiagnostics(llvm::raw_ostream &OS, const PipelineResult &Result) {
  const std::vector<Finding> &Findings = Result.Findings;
  llvm::StringRef Root = Result.Root;
  switch (Format) {
  case DiagnosticsFormat::Text:
    writeTextDiagnostics(OS, Findings);
    break;
  case DiagnosticsFormat::Json:
    writeJsonDiagnostics(OS, Findings, Root);
    break;
  case DiagnosticsFormat::Sarif:
    std::vector<SarifNotification> Notifications;
    for (const PipelineMessage &M : Result.Messages)
      Notifications.push_back({M.IsError, M.Text, M.File});
    writeSarif(OS, Findings, Notifications, Root, ToolVersion);
    break;
  }
}

/// The rules' options the switches describe, or nullopt after reporting a
/// usage error.
std::optional<MigrationOptions>
optionsFromFlags(const RuleOptionFlags &RuleFlags, ErrorLog &Errors) {
  OptionSettings Settings;
  if (RulesOption.getNumOccurrences())
    Settings.Rules = RulesOption;
  Settings.DisabledRules = DisabledRules;
  RuleFlags.collect(Settings);
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  if (!Options) {
    Errors.report(llvm::toString(Options.takeError()));
    return std::nullopt;
  }
  return std::move(*Options);
}

/// --emit-api: false after reporting a part it does not know.
bool emitApi(const MigrationOptions &Options, ErrorLog &Errors) {
  if (EmitApi == "declarations") {
    llvm::outs() << apiDeclarations(Options);
  } else if (EmitApi == "definitions") {
    llvm::outs() << apiDefinitions(Options);
  } else if (EmitApi.empty()) {
    llvm::outs() << "/* include/linux/mm.h */\n"
                 << apiDeclarations(Options) << "\n/* mm/memory.c */\n"
                 << apiDefinitions(Options);
  } else {
    Errors.report("--emit-api: '" + EmitApi +
                  "' is not a part: 'declarations' or 'definitions', or no "
                  "value for both");
    return false;
  }
  return true;
}

/// The request the switches describe, or nullopt after reporting a usage
/// error.
std::optional<PipelineRequest> requestFromFlags(
    const RuleOptionFlags &RuleFlags,
    std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed,
    const std::string &FixedError, ErrorLog &Errors) {
  std::optional<MigrationOptions> Options = optionsFromFlags(RuleFlags, Errors);
  if (!Options)
    return std::nullopt;
  if (Check && InPlace) {
    Errors.report("--check and --in-place exclude each other");
    return std::nullopt;
  }

  if (Options->RenameDescriptorApi && !Options->isEnabled("rename-descriptor"))
    Errors.warn("--rename-descriptor-api is ignored: rule rename-descriptor "
                "is not enabled");

  PipelineRequest Request;
  // --scan-tree: the tree the name-conflicts and rename-descriptor rules
  // scan lexically.
  if (!ScanTree.empty()) {
    Request.ScanRoot = absolutePath(ScanTree);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::is_directory(Request.ScanRoot) ||
        llvm::sys::fs::real_path(Request.ScanRoot, Real)) {
      Errors.report("--scan-tree: '" + Request.ScanRoot +
                    "' is not a directory");
      return std::nullopt;
    }
    Request.ScanRoot = std::string(Real);
    if (!NameConflictsScan::isEnabled(*Options)) {
      Errors.warn("--scan-tree is ignored: rule name-conflicts is not "
                  "enabled");
      Request.ScanRoot.clear();
    }
  }
  bool ScanOnly = !Request.ScanRoot.empty() && BuildPaths.empty() && !Fixed;
  if (!FixedError.empty()) {
    Errors.report("bad flags after '--': " + FixedError);
    return std::nullopt;
  }
  if (Fixed && !BuildPaths.empty()) {
    Errors.report("give either -p BUILD_DIR or '-- FLAGS', not both");
    return std::nullopt;
  }
  if (Fixed && SourcePaths.empty()) {
    Errors.report("with '-- FLAGS', name the source files before '--'");
    return std::nullopt;
  }
  if (!Fixed && BuildPaths.empty() && !ScanOnly) {
    Errors.report("no compile database: give -p BUILD_DIR (with "
                  "compile_commands.json), or FILE... -- FLAGS");
    return std::nullopt;
  }
  if (ScanOnly && !SourcePaths.empty()) {
    Errors.report("PATH arguments select translation units: give -p "
                  "BUILD_DIR with them, or only --scan-tree=DIR");
    return std::nullopt;
  }

  Request.BuildPaths = BuildPaths;
  Request.FixedDatabase = std::move(Fixed);
  Request.SourcePaths = SourcePaths;
  Request.RootOption = RootOption;
  Request.Options = std::move(*Options);
  Request.Threads = Jobs ? unsigned(Jobs)
                         : llvm::hardware_concurrency().compute_thread_count();
  Request.ShowProgress = !Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  if (!ShardOption.empty()) {
    llvm::Expected<ShardSpec> Shard = ShardSpec::parse(ShardOption);
    if (!Shard) {
      Errors.report(llvm::toString(Shard.takeError()));
      return std::nullopt;
    }
    if (FactsOut.empty()) {
      Errors.report("--shard needs --facts-out=FILE: the shard's results go "
                    "there for the merge run (--facts=FILE...)");
      return std::nullopt;
    }
    if (!ShardFacts.empty() || InPlace || !ExportFixes.empty() ||
        !Request.ScanRoot.empty()) {
      Errors.report("--shard runs units only: give --facts, --in-place, "
                    "--export-fixes and --scan-tree to the merge run");
      return std::nullopt;
    }
    Request.Shard = *Shard;
    Request.ShardOut = FactsOut;
  } else {
    Request.KeepDecisions = !FactsOut.empty();
  }
  Request.ShardFiles = ShardFacts;
  // The later of --cache-dir and --no-cache counts, so a wrapper's
  // --no-cache can be overridden after it.
  if (NoCache && NoCache.getPosition() > CacheDir.getPosition())
    Request.CacheDir.clear();
  else if (!CacheDir.empty())
    Request.CacheDir = CacheDir;
  else if (!NoCache)
    Request.CacheDir = defaultCacheDir();
  Request.Prefilter = !NoPrefilter;
  Request.PrefilterTrace = PrefilterTrace;
  Request.InPlace = InPlace;
  Request.TestingModifyAfterParse = TestingModifyAfterParse;
  Request.SinceRevision = Since;
  if (Since.getNumOccurrences() && Since.empty()) {
    Errors.report("--since needs a git revision");
    return std::nullopt;
  }
  // The later of --verify and --no-verify counts.
  Request.Verify =
      !NoVerify || VerifyOption.getPosition() > NoVerify.getPosition();
  std::optional<Mutant> Mutation = parseMutant(TestingMutant);
  if (!Mutation) {
    Errors.report("--testing-mutant: unknown mutant '" + TestingMutant +
                  "' (one of " + mutantNames() + ")");
    return std::nullopt;
  }
  Request.TestingMutant = *Mutation;
  Request.Options.TestingSkipDescriptorUses =
      *Mutation == Mutant::SkipDescriptorUses;
  Request.ClangResourceDir = PGMIGRATE_CLANG_RESOURCE_DIR;
  return Request;
}

/// The faults --testing-fault asks for.
std::optional<TransactionFaults> faultsFromFlag(ErrorLog &Errors) {
  TransactionFaults Faults;
  if (TestingFault.empty())
    return Faults;
  auto [Kind, Number] = llvm::StringRef(TestingFault).split(':');
  int N = -1;
  if (Number.getAsInteger(10, N) || N < 0) {
    Errors.report("--testing-fault: bad number in '" + TestingFault + "'");
    return std::nullopt;
  }
  if (Kind == "stage-fail")
    Faults.FailStaging = N;
  else if (Kind == "sigterm-after-staging" || Kind == "sigint-after-staging") {
    Faults.SignalAfterStaging = N;
    Faults.Signal = Kind == "sigint-after-staging" ? SIGINT : SIGTERM;
  } else if (Kind == "commit-fail")
    Faults.FailCommit = N;
  else {
    Errors.report("--testing-fault: unknown fault '" + Kind + "'");
    return std::nullopt;
  }
  return Faults;
}

/// Renders a report in memory and writes it whole to Path.
void writeReport(llvm::StringRef Path, ErrorLog &Errors,
                 llvm::function_ref<void(llvm::raw_ostream &)> Render) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Render(OS);
  if (llvm::Error E = writeOutputFile(Path, OS.str()))
    Errors.report(llvm::toString(std::move(E)));
}

/// --series: the edits as a patch series (PatchSeries.h).
void writePatchSeries(const PipelineResult &Result,
                      const MigrationOptions &Options, ErrorLog &Errors) {
  SeriesOptions Opts =
      seriesOptionsFromEnvironment(Result.Root, SeriesIncludeApi);
  Opts.SplitByMaintainers = Split == SeriesSplit::Maintainers;
  llvm::Expected<Series> S = planSeries(Result, Options, Opts);
  if (!S) {
    Errors.report(llvm::toString(S.takeError()));
    return;
  }
  if (S->Patches.empty()) {
    // A series of no patch is no series: nothing is written.
    if (!Quiet)
      llvm::errs() << "pgtable-migrate: no edits: no series written to '"
                   << SeriesDir << "'\n";
    return;
  }
  llvm::Expected<std::vector<std::string>> Written =
      writeSeries(*S, Opts, SeriesDir);
  if (!Written) {
    Errors.report(llvm::toString(Written.takeError()));
    return;
  }
  if (!Quiet)
    llvm::errs() << "pgtable-migrate: wrote " << S->Patches.size()
                 << (S->Patches.size() == 1 ? " patch" : " patches")
                 << " and a cover letter to '" << SeriesDir << "'\n";
}

/// Writes the diagnostics and the edits where the switches ask; returns
/// the number of files written in place.
unsigned writeOutputs(const PipelineResult &Result,
                      const MigrationOptions &Options, ErrorLog &Errors) {
  auto Diagnostics = [&](llvm::raw_ostream &OS) {
    writeDiagnostics(OS, Result);
  };
  if (DiagnosticsFile.empty())
    Diagnostics(llvm::errs());
  else
    writeReport(DiagnosticsFile, Errors, Diagnostics);

  if (!ExportFixes.empty()) {
    std::map<std::string, unsigned> LeftOut;
    writeReport(ExportFixes, Errors, [&](llvm::raw_ostream &OS) {
      std::map<std::string, clang::tooling::Replacements> Final;
      for (const FileChange &Change : Result.Changes)
        Final[Change.Path] = Change.Edits;
      LeftOut = writeFixesYaml(OS, Final, Result.Findings);
    });
    for (const auto &[File, Count] : LeftOut)
      Errors.report("'" + ExportFixes + "' leaves out " + llvm::Twine(Count) +
                    " edit(s) of '" + File +
                    "' (text that is not UTF-8, which YAML would replace, "
                    "or its object group); the diff and --in-place carry "
                    "them");
  }

  if (!SeriesDir.empty())
    writePatchSeries(Result, Options, Errors);

  if (!HtmlReportFile.empty())
    writeReport(HtmlReportFile, Errors, [&](llvm::raw_ostream &OS) {
      writeHtmlReport(OS, Result, Options, ToolVersion);
    });

  if (!FactsOut.empty() && Result.Decisions)
    writeReport(FactsOut, Errors, [&](llvm::raw_ostream &OS) {
      writeRunDecisions(OS, *Result.Decisions);
    });

  if (InPlace) {
    std::optional<TransactionFaults> Faults = faultsFromFlag(Errors);
    if (!Faults || Result.Changes.empty())
      return 0;
    std::vector<FileRewrite> Files;
    for (const FileChange &Change : Result.Changes)
      Files.push_back({Change.Path, Change.Old, Change.New});
    if (llvm::Error E = rewriteAll(Files, *Faults)) {
      Errors.report(llvm::toString(std::move(E)));
      return 0;
    }
    return Files.size();
  }
  if (Check)
    return 0;
  std::vector<std::pair<std::string, const FileChange *>> ByRelativePath;
  for (const FileChange &Change : Result.Changes) {
    // The pipeline withdrew every edit outside the root; a path here that
    // is not under it is a bug, and is not put in the diff.
    std::optional<std::string> Relative =
        relativeToRoot(Result.Root, Change.Path);
    if (!Relative) {
      Errors.report("internal error: '" + Change.Path +
                    "' is outside the root '" + Result.Root + "'");
      continue;
    }
    ByRelativePath.emplace_back(*Relative, &Change);
  }
  llvm::sort(ByRelativePath);
  for (const auto &[Relative, Change] : ByRelativePath)
    llvm::outs() << unifiedDiff(Relative, Change->Old, Change->Edits);
  llvm::outs().flush();
  if (llvm::outs().has_error()) {
    Errors.report("cannot write the diff to standard output: " +
                  llvm::outs().error().message());
    llvm::outs().clear_error();
  }
  return 0;
}

void printSummary(const PipelineResult &Result, unsigned Written,
                  const ErrorLog &Errors) {
  if (Result.Scan)
    llvm::errs() << "pgtable-migrate: scanned " << Result.Scan->FilesWalked
                 << " files under '" << Result.ScanRoot
                 << "': " << Result.Scan->FilesWithNames
                 << " mention the API's names, " << Result.Scan->Tokens
                 << " tokens, " << Result.Scan->DecidedLexically
                 << " decided lexically\n";
  unsigned Converted = 0, Refused = 0, Conflicts = 0;
  for (const Finding &F : Result.Findings) {
    Converted += F.Kind == FindingKind::Converted;
    Refused += F.Kind == FindingKind::Refused;
    Conflicts += F.Kind == FindingKind::Conflict;
  }
  llvm::errs() << "pgtable-migrate: " << Converted << " converted, " << Refused
               << " refused, " << Conflicts << " conflicts; "
               << Result.Changes.size() << " files to change";
  if (InPlace)
    llvm::errs() << " (" << Written << " written)";
  llvm::errs() << "; " << Result.Units << " translation units ("
               << Result.FailedUnits << " failed); " << Errors.Count
               << (Errors.Count == 1 ? " error\n" : " errors\n");
  // Said only when it left units out: a run on a tree whose every unit
  // matters reads as without it.
  if (Result.Prefilter && Result.Prefilter->Parsed < Result.Prefilter->Units)
    llvm::errs() << "pgtable-migrate: the pre-filter parsed "
                 << Result.Prefilter->Parsed << " of "
                 << Result.Prefilter->Units << " translation units ("
                 << Result.Prefilter->ForHeaders << " for a header they "
                 << "include) in " << Result.Prefilter->Rounds
                 << (Result.Prefilter->Rounds == 1 ? " round" : " rounds")
                 << "; the others cannot matter (--no-prefilter parses "
                    "them)\n";
  if (Result.Since)
    llvm::errs() << "pgtable-migrate: --since " << Result.Since->Revision
                 << ": " << Result.Since->ChangedFiles
                 << (Result.Since->ChangedFiles == 1 ? " file" : " files")
                 << " changed; the scope is " << Result.Since->Files.size()
                 << (Result.Since->Files.size() == 1 ? " file" : " files")
                 << " (those and the sources of units that read one); "
                 << Result.Since->LeftOut
                 << " sites outside its object groups left out\n";
  if (Result.CachedUnits || Result.ShardUnits) {
    std::vector<std::string> From;
    if (Result.ShardUnits)
      From.push_back(std::to_string(Result.ShardUnits) + " from shard files");
    if (Result.CachedUnits)
      From.push_back(std::to_string(Result.CachedUnits) +
                     " from the facts cache");
    llvm::errs() << "pgtable-migrate: "
                 << Result.ShardUnits + Result.CachedUnits
                 << " translation units were read back, not parsed: "
                 << llvm::join(From, ", ") << "\n";
  }
  if (Result.ConvertedGroups + Result.RefusedGroups)
    llvm::errs() << "pgtable-migrate: "
                 << Result.ConvertedGroups + Result.RefusedGroups
                 << " object groups, each converted or refused whole: "
                 << Result.ConvertedGroups << " converted, "
                 << Result.RefusedGroups << " refused\n";
  if (Result.VerifiedUnits)
    llvm::errs() << "pgtable-migrate: --verify parsed " << Result.VerifiedUnits
                 << (Result.VerifiedUnits == 1 ? " unit" : " units")
                 << " again over the rewritten files; "
                 << Result.FailedVerifications
                 << " no longer compiled as before (their edits are "
                    "withdrawn)\n";
}

} // namespace

// LLVM reports some failures (an output stream it cannot write, a
// directory ClangTool cannot enter) as fatal errors, which would print a
// stack dump and exit 1, the "edits pending" status. They end the run with
// one message and status 2 instead; temporary files are removed.
static void onFatalError(void *, const char *Reason, bool) {
  std::string Message = std::string("pgtable-migrate: error: ") + Reason + "\n";
  (void)!::write(2, Message.data(), Message.size());
  llvm::sys::RunInterruptHandlers();
  ::_exit(2);
}

// Standard error failing is the last error left to tell: the status says it.
static int finish(int Status) {
  llvm::outs().flush();
  bool Failed = llvm::outs().has_error() || llvm::errs().has_error();
  llvm::outs().clear_error();
  llvm::errs().clear_error();
  return Failed && Status == 0 ? 2 : Status;
}

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  llvm::install_fatal_error_handler(onFatalError);
  std::string FixedError;
  std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                    FixedError);
  RuleOptionFlags RuleFlags(Category);
  cl::HideUnrelatedOptions(Category);
  // With an error stream, a usage error returns instead of exiting with 1.
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &llvm::errs()))
    return finish(2);
  if (ListRules) {
    listRules();
    return finish(0);
  }

  ErrorLog Errors;
  if (EmitApi.getNumOccurrences()) {
    std::optional<MigrationOptions> Options =
        optionsFromFlags(RuleFlags, Errors);
    return finish(Options && emitApi(*Options, Errors) ? 0 : 2);
  }
  std::optional<PipelineRequest> Request =
      requestFromFlags(RuleFlags, std::move(Fixed), FixedError, Errors);
  if (!Request)
    return finish(2);
  MigrationOptions Options = Request->Options;
  PipelineResult Result = runPipeline(std::move(*Request));
  for (const PipelineMessage &Message : Result.Messages) {
    if (Message.IsError)
      Errors.report(Message.Text);
    else
      Errors.warn(Message.Text);
  }
  if (Result.Aborted)
    return finish(2);

  if (Result.ShardRan) {
    if (!Quiet)
      llvm::errs() << "pgtable-migrate: shard " << ShardOption << ": "
                   << *Result.ShardRan << " of " << Result.Units
                   << " translation units (" << Result.FailedUnits
                   << " failed, " << Result.CachedUnits
                   << " from the facts cache); results in '" << FactsOut
                   << "' for the merge run (--facts)\n";
    return finish(Errors.Count ? 2 : 0);
  }
  unsigned Written = writeOutputs(Result, Options, Errors);
  if (!Quiet)
    printSummary(Result, Written, Errors);
  if (Errors.Count)
    return finish(2);
  if (Check && !Result.Changes.empty())
    return finish(1);
  return finish(0);
}
