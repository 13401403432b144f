//===- TranslationUnitRunner.cpp ------------------------------------------===//

#include "TranslationUnitRunner.h"
#include "pgmigrate/ProvenanceCollector.h"
#include "pgmigrate/Rules.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace clang;

namespace pgmigrate {

namespace {

// Drops -Wp,-MD,FILE and -Wp,-MMD,FILE: a tool run writes no files. Drops
// -Werror and -Werror=...: the kernel builds with -Werror (CONFIG_WERROR),
// and a warning must not make a unit unreadable to the tool; HadWerror
// says whether the command had one, so its warnings are reported apart.
tooling::ArgumentsAdjuster stripOutputsAndWerror(bool &HadWerror) {
  return
      [&HadWerror](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        tooling::CommandLineArguments Kept;
        for (const std::string &Arg : Args) {
          llvm::StringRef A(Arg);
          if (A.startswith("-Wp,-MD,") || A.startswith("-Wp,-MMD,"))
            continue;
          if (A == "-Werror" || A.startswith("-Werror=")) {
            HadWerror = true;
            continue;
          }
          Kept.push_back(Arg);
        }
        return Kept;
      };
}

// Keeps clang's errors as text, and its warnings apart (a unit built with
// -Werror would fail on them; the tool reads it anyway).
class ErrorCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Warning)
      return;
    llvm::raw_string_ostream OS(Level == DiagnosticsEngine::Warning ? Warnings
                                                                    : Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc Loc =
          SM.getPresumedLoc(SM.getExpansionLoc(Info.getLocation()));
      if (Loc.isValid())
        OS << Loc.getFilename() << ':' << Loc.getLine() << ':'
           << Loc.getColumn() << ": ";
    }
    llvm::SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    OS << (Level == DiagnosticsEngine::Fatal     ? "fatal error: "
           : Level == DiagnosticsEngine::Warning ? "warning: "
                                                 : "error: ")
       << Message << "\n";
  }
  std::string Text;
  std::string Warnings;
};

// After the matchers, the unit's provenance facts (ProvenanceCollector.h).
class FactsConsumer : public ASTConsumer {
public:
  explicit FactsConsumer(std::optional<ProvenanceFacts> &Out) : Out(Out) {}
  void HandleTranslationUnit(ASTContext &Context) override {
    ProvenanceFacts Facts = collectProvenanceFacts(Context);
    // Both commands of one database target one configuration; facts of
    // another could not be one unit's.
    if (!Out || Out->Config != Facts.Config) {
      if (!Out)
        Out = std::move(Facts);
      return;
    }
    // A file the database compiles with two commands (arm64's KVM hyp code
    // for VHE and nVHE): the unit's facts are both ASTs', each fact once.
    std::vector<ProvenanceFacts> Both;
    Both.push_back(std::move(*Out));
    Both.push_back(std::move(Facts));
    Out = std::move(mergeFactsByConfig(std::move(Both)).front());
  }

private:
  std::optional<ProvenanceFacts> &Out;
};

// Last, a hash of the bytes of every file the unit's findings edit, as the
// unit read them.
class ContentHashConsumer : public ASTConsumer {
public:
  ContentHashConsumer(const FindingCollector &Sink,
                      std::map<std::string, uint64_t> &Out)
      : Sink(Sink), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Context) override {
    SourceManager &SM = Context.getSourceManager();
    for (const Finding &F : Sink.Findings)
      for (const auto *Edits : {&F.Replacements, &F.GuardedReplacements})
        for (const tooling::Replacement &R : *Edits)
          hash(R.getFilePath(), SM);
  }

private:
  void hash(llvm::StringRef Path, SourceManager &SM) {
    if (Out.count(Path.str()))
      return;
    llvm::Expected<FileEntryRef> Entry = SM.getFileManager().getFileRef(Path);
    if (!Entry) {
      llvm::consumeError(Entry.takeError());
      return;
    }
    if (std::optional<llvm::MemoryBufferRef> Buffer =
            SM.getMemoryBufferForFileOrNone(*Entry))
      Out[Path.str()] = llvm::xxHash64(Buffer->getBuffer());
  }

  const FindingCollector &Sink;
  std::map<std::string, uint64_t> &Out;
};

// Every file the unit read, by real path, and a hash of the bytes it read:
// for the pre-filter, and to tell whether a stored result still holds.
class ReadFilesConsumer : public ASTConsumer {
public:
  explicit ReadFilesConsumer(TranslationUnitResult &Out) : Out(Out) {}
  void HandleTranslationUnit(ASTContext &Context) override {
    SourceManager &SM = Context.getSourceManager();
    std::map<std::string, uint64_t> Files;
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::MemoryBufferRef> Buffer =
          It->getSecond()->getBufferIfLoaded();
      // A file looked up but never entered was not read: its bytes did
      // not matter (0 is no hash a stored result can match).
      Files[SM.getFileManager().getCanonicalName(It->getFirst()).str()] =
          Buffer ? llvm::xxHash64(Buffer->getBuffer()) : 0;
    }
    for (auto &[Path, Hash] : Files) {
      Out.ReadFiles.push_back(Path);
      Out.ReadHashes.push_back(Hash);
    }
  }

private:
  TranslationUnitResult &Out;
};

// One unit: the rules' preprocessor callbacks before it is parsed (as
// clang-tidy registers its checks'), their matchers, then the facts.
class MigrationAction : public ASTFrontendAction {
public:
  MigrationAction(ast_matchers::MatchFinder &Finder,
                  std::vector<std::unique_ptr<Rule>> &Rules,
                  std::optional<ProvenanceFacts> *Facts,
                  const FindingCollector &Sink, TranslationUnitResult &Out)
      : Finder(Finder), Rules(Rules), Facts(Facts), Sink(Sink), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    for (std::unique_ptr<Rule> &R : Rules)
      R->registerPPCallbacks(CI.getPreprocessor());
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Finder.newASTConsumer());
    if (Facts)
      Consumers.push_back(std::make_unique<FactsConsumer>(*Facts));
    Consumers.push_back(
        std::make_unique<ContentHashConsumer>(Sink, Out.ContentHashes));
    Consumers.push_back(std::make_unique<ReadFilesConsumer>(Out));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ast_matchers::MatchFinder &Finder;
  std::vector<std::unique_ptr<Rule>> &Rules;
  std::optional<ProvenanceFacts> *Facts;
  const FindingCollector &Sink;
  TranslationUnitResult &Out;
};

class MigrationActionFactory : public tooling::FrontendActionFactory {
public:
  MigrationActionFactory(ast_matchers::MatchFinder &Finder,
                         std::vector<std::unique_ptr<Rule>> &Rules,
                         std::optional<ProvenanceFacts> *Facts,
                         const FindingCollector &Sink,
                         TranslationUnitResult &Out)
      : Finder(Finder), Rules(Rules), Facts(Facts), Sink(Sink), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<MigrationAction>(Finder, Rules, Facts, Sink, Out);
  }

private:
  ast_matchers::MatchFinder &Finder;
  std::vector<std::unique_ptr<Rule>> &Rules;
  std::optional<ProvenanceFacts> *Facts;
  const FindingCollector &Sink;
  TranslationUnitResult &Out;
};

} // namespace

// ClangTool aborts the process on a directory it cannot enter, and a FIFO
// or a directory as the source would block or fail inside clang.
std::string whyNotRunnable(const tooling::CompileCommand &Command) {
  namespace fs = llvm::sys::fs;
  if (!fs::is_directory(Command.Directory))
    return "the compile command's directory '" + Command.Directory +
           "' does not exist";
  llvm::SmallString<256> File(Command.Filename);
  fs::make_absolute(Command.Directory, File);
  fs::file_status Status;
  if (std::error_code EC = fs::status(File, Status))
    return "cannot read '" + std::string(File) + "': " + EC.message();
  if (Status.type() != fs::file_type::regular_file)
    return "'" + std::string(File) + "' is not a regular file";
  llvm::Expected<fs::file_t> Opened = fs::openNativeFileForRead(File);
  if (!Opened)
    return "cannot read '" + std::string(File) +
           "': " + llvm::toString(Opened.takeError());
  fs::closeFile(*Opened);
  return "";
}

TranslationUnitResult TranslationUnitRunner::run(const CompileJob &Job) const {
  TranslationUnitResult Result;
  Result.Job = Job;
  for (const tooling::CompileCommand &Command :
       Databases.database(Job.Database).getCompileCommands(Job.File))
    if (std::string Why = whyNotRunnable(Command); !Why.empty()) {
      Result.Errors = Why + "\n";
      Result.NotRun = true;
      return Result;
    }

  FindingCollector Sink;
  ast_matchers::MatchFinder Finder;
  std::vector<std::unique_ptr<Rule>> Rules;
  std::vector<std::unique_ptr<RuleMatchCallback>> Callbacks;
  bool WantsFacts = false;
  for (const std::string &Name : Options.EnabledRules) {
    if (const RuleInfo *Info = findRule(Name))
      WantsFacts |= Info->Pairs;
    std::unique_ptr<Rule> R = createRule(Name, Options);
    if (!R)
      continue; // buildOptions() enables implemented rules only
    Callbacks.push_back(std::make_unique<RuleMatchCallback>(*R, Sink));
    Callbacks.back()->registerWith(Finder);
    Rules.push_back(std::move(R));
  }

  bool HadWerror = false;
  tooling::ClangTool Tool =
      makeTool(Job, llvm::vfs::createPhysicalFileSystem(), HadWerror);
  ErrorCollector Errors;
  Tool.setDiagnosticConsumer(&Errors);

  for (std::unique_ptr<Rule> &R : Rules)
    R->recordCoverage(Result.Coverage);
  std::optional<ProvenanceFacts> Facts;
  MigrationActionFactory Factory(Finder, Rules, WantsFacts ? &Facts : nullptr,
                                 Sink, Result);
  int Status = Tool.run(&Factory);
  Result.Parsed = Status == 0 && Errors.getNumErrors() == 0;
  Result.Errors = std::move(Errors.Text);
  if (HadWerror)
    Result.WerrorWarnings = Errors.Warnings;
  Result.Warnings = std::move(Errors.Warnings);
  if (!Result.Parsed && Result.Errors.empty())
    Result.Errors = Status == 2 ? "no compile command for the file\n"
                                : "clang could not process the file\n";
  if (Result.Parsed) {
    Result.Findings = std::move(Sink.Findings);
    Result.Facts = std::move(Facts);
  } else {
    Result.Coverage.clear();
    Result.ContentHashes.clear();
    Result.ReadFiles.clear();
    Result.ReadHashes.clear();
  }
  return Result;
}

tooling::ClangTool TranslationUnitRunner::makeTool(
    const CompileJob &Job, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
    bool &HadWerror) const {
  tooling::ClangTool Tool(Databases.database(Job.Database), {Job.File},
                          std::make_shared<PCHContainerOperations>(),
                          std::move(FS));
  // The builtin headers of the clang this tool is built on; ClangTool would
  // look for them beside the tool's own binary.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ("-resource-dir=" + ClangResourceDir).c_str(),
      tooling::ArgumentInsertPosition::END));
  // The kernel asks for dependency files through the preprocessor
  // (-Wp,-MMD,dir/.file.o.d), which ClangTool's own dependency-file
  // adjuster does not strip: clang would write them relative to the
  // current directory, or fail the unit where that directory is missing.
  Tool.appendArgumentsAdjuster(stripOutputsAndWerror(HadWerror));
  // No "N errors generated." on stderr: errors are reported per unit.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-Wno-unknown-warning-option", "-fno-caret-diagnostics"},
      tooling::ArgumentInsertPosition::END));
  Tool.setPrintErrorMessage(false);
  return Tool;
}

UnitDiagnostics TranslationUnitRunner::diagnose(
    const CompileJob &Job,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) const {
  UnitDiagnostics Result;
  for (const tooling::CompileCommand &Command :
       Databases.database(Job.Database).getCompileCommands(Job.File))
    if (std::string Why = whyNotRunnable(Command); !Why.empty()) {
      Result.Errors = Why + "\n";
      return Result;
    }
  bool HadWerror = false;
  tooling::ClangTool Tool = makeTool(Job, std::move(FS), HadWerror);
  ErrorCollector Collector;
  Tool.setDiagnosticConsumer(&Collector);
  int Status =
      Tool.run(tooling::newFrontendActionFactory<SyntaxOnlyAction>().get());
  Result.Errors = std::move(Collector.Text);
  Result.Warnings = std::move(Collector.Warnings);
  if (Status != 0 && Result.Errors.empty())
    Result.Errors = "clang could not process the file\n";
  return Result;
}

UnitResultStore::~UnitResultStore() = default;

std::vector<TranslationUnitResult>
TranslationUnitRunner::runAll(const std::vector<CompileJob> &Jobs,
                              unsigned Threads, ProgressLine &Progress,
                              UnitResultStore *Store,
                              ResultConsumer Consume) const {
  std::vector<TranslationUnitResult> Results(Jobs.size());
  std::atomic<size_t> Done{0};
  // Which results are done, for Consume on this thread.
  std::mutex Delivery;
  std::condition_variable Delivered;
  std::vector<bool> Finished(Jobs.size());
  Threads = std::max(1u, std::min<unsigned>(Threads, Jobs.size()));
  {
    llvm::ThreadPool Pool(llvm::hardware_concurrency(Threads));
    // Each task writes its own slot, so the results keep the order of Jobs.
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] {
        Progress.update(Done, Jobs[I].Path);
        std::string Note;
        if (std::optional<TranslationUnitResult> Found =
                Store ? Store->find(Jobs[I], Note) : std::nullopt) {
          Results[I] = std::move(*Found);
        } else {
          Results[I] = run(Jobs[I]);
          std::string KeepNote;
          if (Store)
            Store->keep(Results[I], KeepNote);
          Note += (Note.empty() || KeepNote.empty() ? "" : "\n") + KeepNote;
        }
        Results[I].StoreNote = std::move(Note);
        ++Done;
        {
          std::lock_guard<std::mutex> Lock(Delivery);
          Finished[I] = true;
        }
        Delivered.notify_one();
      });
    for (size_t I = 0; Consume && I < Jobs.size(); ++I) {
      {
        std::unique_lock<std::mutex> Lock(Delivery);
        Delivered.wait(Lock, [&] { return bool(Finished[I]); });
      }
      Consume(I, Results[I]);
    }
    Pool.wait();
  }
  Progress.update(Done, "");
  Progress.clear();
  return Results;
}

} // namespace pgmigrate
