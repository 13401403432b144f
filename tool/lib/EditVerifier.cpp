//===- EditVerifier.cpp ---------------------------------------------------===//

#include "EditVerifier.h"
#include "pgmigrate/ApiText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/xxhash.h"
#include <optional>

namespace pgmigrate {

namespace {

// "file:line:col: warning: message" -> "file: warning: message"; the same
// for errors.
std::string withoutPosition(llvm::StringRef Line) {
  size_t Kind = llvm::StringRef::npos;
  for (llvm::StringRef Level : {": warning: ", ": error: ", ": fatal error: "})
    Kind = std::min(Kind, Line.find(Level));
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

std::string newDiagnostics(llvm::StringRef Original,
                           llvm::StringRef Rewritten) {
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

std::vector<VerifyFailure>
EditVerifier::verify(const std::vector<UnitWithEdits> &Units,
                     const std::map<std::string, std::string> &NewContents) {
  // The units to check, and the overlay each sees.
  struct Check {
    size_t Unit;
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Files;
    /// The files as they are but for the API laid into mm.h, when the
    /// unit has no baseline yet: errors the API alone brings (a parameter
    /// named like it, which name-conflicts reports) are not the edits'.
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> BaselineFiles;
  };
  std::vector<Check> Checks;
  for (size_t I = 0; I < Units.size(); ++I) {
    const UnitWithEdits &U = Units[I];
    if (llvm::none_of(U.EditedFiles, [&](const std::string &F) {
          return NewContents.count(F);
        }))
      continue;
    auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> BaselineFiles;
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
      if (endsWithMmHeader(Path)) {
        std::string WithApi = withApiDeclarations(Text, Options);
        if (WithApi != Text && New == NewContents.end() &&
            !Baselines.count(I)) {
          BaselineFiles =
              llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
          BaselineFiles->addFile(
              Path, 0, llvm::MemoryBuffer::getMemBufferCopy(WithApi, Path));
        }
        Text = std::move(WithApi);
      }
      View = llvm::xxHash64(Path) ^ (View * 31 + llvm::xxHash64(Text));
      Files->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
    }
    auto Last = LastView.find(I);
    if (Last != LastView.end() && Last->second == View)
      continue;
    LastView[I] = View;
    Checks.push_back({I, std::move(Files), std::move(BaselineFiles)});
  }

  std::vector<std::string> Messages(Checks.size());
  std::vector<std::optional<std::string>> NewBaselines(Checks.size());
  auto ParseOver =
      [&](const CompileJob &Job,
          llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Files) {
        auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
            llvm::vfs::createPhysicalFileSystem());
        Overlay->pushOverlay(std::move(Files));
        UnitDiagnostics Result = Runner.diagnose(Job, Overlay);
        return Result.Errors + Result.Warnings;
      };
  {
    llvm::ThreadPool Pool(llvm::hardware_concurrency(
        std::max(1u, std::min<unsigned>(Threads, Checks.size()))));
    for (size_t K = 0; K < Checks.size(); ++K)
      Pool.async([&, K] {
        const Check &C = Checks[K];
        const UnitWithEdits &U = Units[C.Unit];
        std::string After = ParseOver(U.Job, C.Files);
        // Against the run's own parse first; where the API is laid into
        // mm.h and that finds something new, against the files as they are
        // with the API (parsed only then, once per unit).
        Messages[K] = newDiagnostics(U.Warnings, After);
        if (Messages[K].empty())
          return;
        if (auto It = Baselines.find(C.Unit); It != Baselines.end())
          Messages[K] = newDiagnostics(It->second, After);
        else if (C.BaselineFiles)
          Messages[K] = newDiagnostics(
              *(NewBaselines[K] = ParseOver(U.Job, C.BaselineFiles)), After);
      });
  }
  for (size_t K = 0; K < Checks.size(); ++K)
    if (NewBaselines[K])
      Baselines[Checks[K].Unit] = std::move(*NewBaselines[K]);
  Verified += Checks.size();
  std::vector<VerifyFailure> Failures;
  for (size_t K = 0; K < Checks.size(); ++K)
    if (!Messages[K].empty())
      Failures.push_back({Checks[K].Unit, std::move(Messages[K])});
  return Failures;
}

} // namespace pgmigrate
