//===- EditVerifier.cpp ---------------------------------------------------===//

#include "EditVerifier.h"
#include "pgmigrate/ApiText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/xxhash.h"
#include <mutex>
#include <optional>

namespace pgmigrate {

namespace {

// "file:line:col: warning: message" -> "file: warning: message".
std::string withoutPosition(llvm::StringRef Line) {
  size_t Kind = Line.find(": warning: ");
  if (Kind == llvm::StringRef::npos)
    return Line.str();
  llvm::StringRef Where = Line.take_front(Kind);
  // Drop ":col" then ":line" when both are numbers.
  for (int I = 0; I < 2; ++I) {
    auto [Rest, Number] = Where.rsplit(':');
    unsigned Value;
    if (Rest == Where || Number.getAsInteger(10, Value))
      break;
    Where = Rest;
  }
  return (Where + Line.drop_front(Kind)).str();
}

bool endsWithMmHeader(llvm::StringRef Path) {
  return Path.endswith("/include/linux/mm.h");
}

} // namespace

std::string newWarnings(llvm::StringRef Original, llvm::StringRef Rewritten) {
  llvm::StringMap<unsigned> Seen;
  llvm::SmallVector<llvm::StringRef> Lines;
  Original.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines)
    ++Seen[withoutPosition(Line)];
  std::string New;
  Lines.clear();
  Rewritten.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines) {
    unsigned &Count = Seen[withoutPosition(Line)];
    if (Count)
      --Count;
    else
      New += (Line + "\n").str();
  }
  return New;
}

std::string withApiDeclarations(llvm::StringRef Text,
                                const MigrationOptions &Options) {
  // The allocator as a _noprof function or a plain one (before 6.10).
  if (Text.contains(Options.AllocName + "_noprof(") ||
      Text.contains("*" + Options.AllocName + "("))
    return Text.str();
  size_t End = Text.rfind("#endif");
  if (End == llvm::StringRef::npos)
    End = Text.size();
  return (Text.take_front(End) + apiDeclarations(Options) +
          Text.drop_front(End))
      .str();
}

std::vector<VerifyFailure>
EditVerifier::verify(const std::vector<UnitWithEdits> &Units,
                     const std::map<std::string, std::string> &NewContents) {
  // The units to check, and the overlay each sees.
  struct Check {
    size_t Unit;
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Files;
  };
  std::vector<Check> Checks;
  for (size_t I = 0; I < Units.size(); ++I) {
    const UnitWithEdits &U = Units[I];
    if (llvm::none_of(U.EditedFiles, [&](const std::string &F) {
          return NewContents.count(F);
        }))
      continue;
    auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    uint64_t View = 0;
    for (const std::string &Path : U.ReadFiles) {
      auto New = NewContents.find(Path);
      std::string Text;
      if (New != NewContents.end()) {
        Text = New->second;
      } else if (endsWithMmHeader(Path)) {
        llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Old =
            llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
        if (!Old)
          continue;
        Text = (*Old)->getBuffer().str();
      } else {
        continue;
      }
      if (endsWithMmHeader(Path))
        Text = withApiDeclarations(Text, Options);
      View = llvm::xxHash64(Path) ^ (View * 31 + llvm::xxHash64(Text));
      Files->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
    }
    auto Last = LastView.find(I);
    if (Last != LastView.end() && Last->second == View)
      continue;
    LastView[I] = View;
    Checks.push_back({I, std::move(Files)});
  }

  std::vector<std::string> Messages(Checks.size());
  std::mutex Lock;
  {
    llvm::ThreadPool Pool(llvm::hardware_concurrency(
        std::max(1u, std::min<unsigned>(Threads, Checks.size()))));
    for (size_t K = 0; K < Checks.size(); ++K)
      Pool.async([&, K] {
        const Check &C = Checks[K];
        const CompileJob &Job = Units[C.Unit].Job;
        // The warnings of the files as they are: parsed once per unit.
        std::optional<std::string> Original;
        {
          std::lock_guard<std::mutex> Guard(Lock);
          auto It = OriginalWarnings.find(C.Unit);
          if (It != OriginalWarnings.end())
            Original = It->second;
        }
        if (!Original) {
          Original = Runner.diagnose(Job, llvm::vfs::createPhysicalFileSystem())
                         .Warnings;
          std::lock_guard<std::mutex> Guard(Lock);
          OriginalWarnings[C.Unit] = *Original;
        }
        auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
            llvm::vfs::createPhysicalFileSystem());
        Overlay->pushOverlay(C.Files);
        UnitDiagnostics After = Runner.diagnose(Job, Overlay);
        Messages[K] = After.Errors + newWarnings(*Original, After.Warnings);
      });
  }
  Verified += Checks.size();
  std::vector<VerifyFailure> Failures;
  for (size_t K = 0; K < Checks.size(); ++K)
    if (!Messages[K].empty())
      Failures.push_back({Checks[K].Unit, std::move(Messages[K])});
  return Failures;
}

} // namespace pgmigrate
