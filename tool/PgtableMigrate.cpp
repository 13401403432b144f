//===- PgtableMigrate.cpp - The pgtable-migrate command line --------------===//
//
// A thin front end over the rules library: reads compile databases, runs the
// enabled rules over every selected translation unit on -j workers, merges
// the findings, and prints a diff (or edits in place, or exports fixes) plus
// the diagnostics.
//
//===----------------------------------------------------------------------===//

#include "AtomicFileWriter.h"
#include "CompilationDatabases.h"
#include "DiagnosticsWriter.h"
#include "DiffWriter.h"
#include "EditFormatter.h"
#include "FixesExport.h"
#include "ProgressLine.h"
#include "ReplacementSet.h"
#include "SarifWriter.h"
#include "SourceRoot.h"
#include "TranslationUnitRunner.h"
#include "TreeScan.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

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
static cl::opt<std::string>
    Api("api",
        cl::desc("Target API: 'default' (pgtable_alloc/pgtable_free) or "
                 "'addr' (pgtable_alloc_addr/pgtable_free_addr)"),
        cl::init("default"), cl::cat(Category));
static cl::opt<std::string> AllocName("alloc-name",
                                      cl::desc("Name of the new allocator"),
                                      cl::cat(Category));
static cl::opt<std::string> FreeName("free-name",
                                     cl::desc("Name of the new free function"),
                                     cl::cat(Category));
static cl::opt<bool> RenameConflicts(
    "rename-conflicts",
    cl::desc("name-conflicts: rename the clashing declarations and their "
             "uses (default: report them)"),
    cl::cat(Category));
static cl::opt<std::string> ConflictPrefix(
    "conflict-prefix",
    cl::desc("name-conflicts: prefix for a clashing function, prototype, "
             "macro, global variable, typedef or enumerator (default '__')"),
    cl::value_desc("prefix"), cl::init("__"), cl::cat(Category));
static cl::opt<std::string> ConflictParamName(
    "conflict-param-name",
    cl::desc("name-conflicts: new name of a clashing parameter or local "
             "variable, '%s' standing for the old name (default '%s_fn')"),
    cl::value_desc("pattern"), cl::init("%s_fn"), cl::cat(Category));
static cl::opt<std::string> ConflictFieldName(
    "conflict-field-name",
    cl::desc("name-conflicts: new name of a clashing struct or union field, "
             "'%s' standing for the old name (default '%s_fn')"),
    cl::value_desc("pattern"), cl::init("%s_fn"), cl::cat(Category));
static cl::opt<std::string> ScanTree(
    "scan-tree",
    cl::desc("name-conflicts: also scan every .c/.h/.S file under this "
             "directory lexically (files no database covers, #if branches "
             "no configuration compiles); works without -p too"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<unsigned> Jobs("j",
                              cl::desc("Worker threads (default: all cores)"),
                              cl::init(0), cl::Prefix, cl::cat(Category));
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

static const char Overview[] =
    "pgtable-migrate: moves Linux arch code to pgtable_alloc()/pgtable_free()\n"
    "\n"
    "  pgtable-migrate -p BUILD_DIR [-p BUILD_DIR...] [PATH...]\n"
    "  pgtable-migrate FILE... -- COMPILER_FLAGS\n"
    "  pgtable-migrate --scan-tree=DIR [-p BUILD_DIR...] [--rename-conflicts]\n"
    "\n"
    "Prints a unified diff (for git apply) on stdout, a diagnostic for every\n"
    "site converted or refused, and a summary on stderr.\n"
    "Exit status: 0 done; 1 edits pending (--check); 2 something failed.\n";

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

void writeDiagnostics(llvm::raw_ostream &OS,
                      const std::vector<Finding> &Findings,
                      llvm::StringRef Root) {
  switch (Format) {
  case DiagnosticsFormat::Text:
    writeTextDiagnostics(OS, Findings);
    break;
  case DiagnosticsFormat::Json:
    writeJsonDiagnostics(OS, Findings);
    break;
  case DiagnosticsFormat::Sarif:
    writeSarif(OS, Findings, Root, ToolVersion);
    break;
  }
}

/// One file's edits, formatted, and its contents before and after.
struct FileChange {
  std::string Path;
  std::string Old;
  std::string New;
  clang::tooling::Replacements Edits;
};

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  std::string FixedError;
  std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                    FixedError);
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview))
    return 2;
  ErrorLog Errors;

  if (ListRules) {
    listRules();
    return 0;
  }

  OptionSettings Settings;
  if (RulesOption.getNumOccurrences())
    Settings.Rules = RulesOption;
  Settings.DisabledRules = DisabledRules;
  Settings.Api = Api;
  Settings.AllocName = AllocName;
  Settings.FreeName = FreeName;
  Settings.RenameConflicts = RenameConflicts;
  Settings.ConflictPrefix = ConflictPrefix;
  Settings.ConflictLocalName = ConflictParamName;
  Settings.ConflictFieldName = ConflictFieldName;
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  if (!Options) {
    Errors.report(llvm::toString(Options.takeError()));
    return 2;
  }
  if (Check && InPlace) {
    Errors.report("--check and --in-place exclude each other");
    return 2;
  }

  // --scan-tree: the tree the name-conflicts rule scans lexically.
  std::string ScanRoot;
  if (!ScanTree.empty()) {
    ScanRoot = absolutePath(ScanTree);
    if (!llvm::sys::fs::is_directory(ScanRoot)) {
      Errors.report("--scan-tree: '" + ScanRoot + "' is not a directory");
      return 2;
    }
    if (!Options->isEnabled(rule_names::NameConflicts)) {
      Errors.warn("--scan-tree is ignored: rule name-conflicts is not "
                  "enabled");
      ScanRoot.clear();
    }
  }
  bool ScanOnly = !ScanRoot.empty() && BuildPaths.empty() && !Fixed;

  // The compile databases.
  std::optional<CompilationDatabases> Databases;
  if (!FixedError.empty()) {
    Errors.report("bad flags after '--': " + FixedError);
    return 2;
  }
  if (Fixed && !BuildPaths.empty()) {
    Errors.report("give either -p BUILD_DIR or '-- FLAGS', not both");
    return 2;
  }
  if (Fixed) {
    if (SourcePaths.empty()) {
      Errors.report("with '-- FLAGS', name the source files before '--'");
      return 2;
    }
    Databases = CompilationDatabases::fixed(std::move(Fixed));
  } else if (!BuildPaths.empty()) {
    llvm::Expected<CompilationDatabases> Loaded =
        CompilationDatabases::load(BuildPaths);
    if (!Loaded) {
      Errors.report(llvm::toString(Loaded.takeError()));
      return 2;
    }
    Databases = std::move(*Loaded);
  } else if (!ScanOnly) {
    Errors.report("no compile database: give -p BUILD_DIR (with "
                  "compile_commands.json), or FILE... -- FLAGS");
    return 2;
  }
  if (ScanOnly && !SourcePaths.empty()) {
    Errors.report("PATH arguments select translation units: give -p "
                  "BUILD_DIR with them, or only --scan-tree=DIR");
    return 2;
  }

  std::vector<CompileJob> Units;
  if (Databases) {
    std::vector<std::string> Unmatched;
    Units = Databases->select(SourcePaths, Unmatched);
    for (const std::string &Message : Unmatched)
      Errors.report(Message);
    if (Units.empty()) {
      Errors.report("no translation unit to process");
      return 2;
    }
  }

  std::string Root;
  if (!RootOption.empty())
    Root = absolutePath(RootOption);
  else if (std::optional<std::string> Top =
               gitTopLevel(Units.empty() ? ScanRoot : Units.front().Path))
    Root = *Top;
  else
    Root = absolutePath(".");
  Options->TreeRoot = Root;

  // Run the rules over every unit.
  unsigned Threads = Jobs ? unsigned(Jobs)
                          : llvm::hardware_concurrency().compute_thread_count();
  ProgressLine Progress(!Quiet && llvm::sys::Process::StandardErrIsDisplayed(),
                        Units.size());
  std::vector<TranslationUnitResult> Results;
  if (Databases) {
    TranslationUnitRunner Runner(*Databases, *Options,
                                 PGMIGRATE_CLANG_RESOURCE_DIR);
    Results = Runner.runAll(Units, Threads, Progress);
  }

  ReplacementSet Merger;
  unsigned Failed = 0;
  NameConflictsScan Lexical(*Options, ScanRoot);
  for (TranslationUnitResult &Result : Results) {
    if (!Result.Parsed) {
      ++Failed;
      Errors.report("cannot parse '" + Result.Job.Path + "' (database '" +
                    Databases->name(Result.Job.Database) + "'); skipped it:\n" +
                    llvm::StringRef(Result.Errors).rtrim());
      continue;
    }
    Lexical.addUnit(std::move(Result.Coverage), Result.Findings);
    refuseEditsOutsideRoot(Result.Findings, Root);
    Merger.add(std::move(Result.Findings));
  }
  std::optional<TreeScanResult> Scanned;
  if (!ScanRoot.empty()) {
    Scanned = scanTree(ScanRoot, Lexical, Threads);
    for (const std::string &Message : Scanned->Errors)
      Errors.report(Message);
    refuseEditsOutsideRoot(Scanned->Findings, Root);
    Merger.add(std::move(Scanned->Findings));
  }
  ReplacementSet::Result Merged = Merger.merge();

  // Apply each file's edits, formatted in the tree's style.
  std::vector<FileChange> Changes;
  for (const auto &[Path, Edits] : Merged.EditsByFile) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path);
    if (!Buffer) {
      Errors.report("cannot read '" + Path +
                    "': " + Buffer.getError().message());
      continue;
    }
    FileChange Change;
    Change.Path = Path;
    Change.Old = (*Buffer)->getBuffer().str();
    llvm::Expected<clang::tooling::Replacements> Formatted =
        formatEdits(Path, Change.Old, Edits);
    if (Formatted) {
      Change.Edits = std::move(*Formatted);
    } else {
      Errors.warn("not formatting the edits of '" + Path +
                  "': " + llvm::toString(Formatted.takeError()));
      Change.Edits = Edits;
    }
    llvm::Expected<std::string> New =
        clang::tooling::applyAllReplacements(Change.Old, Change.Edits);
    if (!New) {
      Errors.report("cannot apply the edits to '" + Path +
                    "': " + llvm::toString(New.takeError()));
      continue;
    }
    Change.New = std::move(*New);
    if (Change.New != Change.Old)
      Changes.push_back(std::move(Change));
  }

  // Diagnostics.
  if (DiagnosticsFile.empty()) {
    writeDiagnostics(llvm::errs(), Merged.Findings, Root);
  } else {
    std::error_code EC;
    llvm::raw_fd_ostream OS(DiagnosticsFile, EC);
    if (EC)
      Errors.report("cannot write '" + DiagnosticsFile + "': " + EC.message());
    else
      writeDiagnostics(OS, Merged.Findings, Root);
  }

  if (!ExportFixes.empty()) {
    std::map<std::string, clang::tooling::Replacements> Final;
    for (const FileChange &Change : Changes)
      Final[Change.Path] = Change.Edits;
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC);
    if (EC)
      Errors.report("cannot write '" + ExportFixes + "': " + EC.message());
    else
      writeFixesYaml(OS, Final);
  }

  // The edits themselves: in place, or as a diff.
  unsigned Written = 0;
  if (InPlace) {
    for (const FileChange &Change : Changes) {
      if (llvm::Error E = writeFileAtomically(Change.Path, Change.New))
        Errors.report(llvm::toString(std::move(E)));
      else
        ++Written;
    }
  } else if (!Check) {
    std::vector<std::pair<std::string, const FileChange *>> ByRelativePath;
    for (const FileChange &Change : Changes) {
      std::optional<std::string> Relative = relativeToRoot(Root, Change.Path);
      if (!Relative) {
        Errors.report("'" + Change.Path + "' is outside the root '" + Root +
                      "' (see --root); its edits are not in the diff");
        continue;
      }
      ByRelativePath.emplace_back(*Relative, &Change);
    }
    llvm::sort(ByRelativePath);
    for (const auto &[Relative, Change] : ByRelativePath)
      llvm::outs() << unifiedDiff(Relative, Change->Old, Change->New);
  }

  if (!Quiet && Scanned)
    llvm::errs() << "pgtable-migrate: scanned " << Scanned->FilesWalked
                 << " files under '" << ScanRoot
                 << "': " << Scanned->FilesWithNames
                 << " mention the API's names, " << Scanned->Tokens
                 << " tokens, " << Scanned->DecidedLexically
                 << " decided lexically\n";
  if (!Quiet) {
    unsigned Converted = 0, Refused = 0, Conflicts = 0;
    for (const Finding &F : Merged.Findings) {
      Converted += F.Kind == FindingKind::Converted;
      Refused += F.Kind == FindingKind::Refused;
      Conflicts += F.Kind == FindingKind::Conflict;
    }
    llvm::errs() << "pgtable-migrate: " << Converted << " converted, "
                 << Refused << " refused, " << Conflicts << " conflicts; "
                 << Changes.size() << " files to change";
    if (InPlace)
      llvm::errs() << " (" << Written << " written)";
    llvm::errs() << "; " << Results.size() << " translation units (" << Failed
                 << " failed); " << Errors.Count
                 << (Errors.Count == 1 ? " error\n" : " errors\n");
  }

  if (Errors.Count)
    return 2;
  if (Check && !Changes.empty())
    return 1;
  return 0;
}
