//===- EditTransaction.cpp ------------------------------------------------===//

#include "EditTransaction.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <fcntl.h>
#include <optional>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgmigrate {

namespace fs = llvm::sys::fs;

namespace {

std::optional<std::string> readBytes(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

std::string lastError() { return llvm::sys::StrError(errno); }

// Writes Bytes to the open file FD and waits until they are on disk.
std::string writeAndSync(int FD, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(FD, Bytes.data(), Bytes.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return lastError();
    }
    Bytes = Bytes.drop_front(N);
  }
  if (::fsync(FD) != 0)
    return lastError();
  return "";
}

// Rewrites the bytes of the existing file Path (its inode, so its links,
// owner and mode stay).
std::string overwriteInPlace(llvm::StringRef Path, llvm::StringRef Bytes) {
  std::string P = Path.str();
  int FD = ::open(P.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (FD < 0)
    return lastError();
  std::string Error = writeAndSync(FD, Bytes);
  if (::close(FD) != 0 && Error.empty())
    Error = lastError();
  return Error;
}

// SIGINT, SIGTERM, SIGHUP and SIGQUIT held back while files are moved into
// place; a signal that arrives meanwhile is delivered when this ends.
class HeldSignals {
public:
  HeldSignals() {
    sigset_t Set;
    sigemptyset(&Set);
    for (int Signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
      sigaddset(&Set, Signal);
    pthread_sigmask(SIG_BLOCK, &Set, &Previous);
  }
  ~HeldSignals() { pthread_sigmask(SIG_SETMASK, &Previous, nullptr); }

private:
  sigset_t Previous;
};

struct StagedFile {
  const FileRewrite *File = nullptr;
  /// The new bytes (to be renamed over the file) or, in place, the old.
  std::optional<fs::TempFile> Temp;
  bool InPlace = false;
  bool Committed = false;
};

class Transaction {
public:
  explicit Transaction(const TransactionFaults &Faults) : Faults(Faults) {}
  ~Transaction() { discardAll(); }

  llvm::Error stage(const FileRewrite &File);
  llvm::Error commit();

private:
  llvm::Error failure(llvm::StringRef Path, const llvm::Twine &What) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '" + Path + "': " + What);
  }
  std::string restoreCommitted();
  void discardAll() {
    for (StagedFile &S : Files)
      if (S.Temp)
        llvm::consumeError(S.Temp->discard());
    Files.clear();
  }

  const TransactionFaults &Faults;
  std::vector<StagedFile> Files;
};

llvm::Error Transaction::stage(const FileRewrite &File) {
  int Index = int(Files.size());
  struct stat Status;
  if (::stat(File.Path.c_str(), &Status) != 0)
    return failure(File.Path, lastError());
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(File.Path));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(File.Path) +
                                     ".pgtable-migrate-%%%%%%.tmp");
  llvm::Expected<fs::TempFile> Temp =
      fs::TempFile::create(Model, fs::owner_read | fs::owner_write);
  if (!Temp)
    return failure(File.Path, "cannot create a temporary file beside it (" +
                                  llvm::toString(Temp.takeError()) + ")");
  Files.push_back({&File, std::move(*Temp)});
  StagedFile &S = Files.back();
  int FD = S.Temp->FD;
  // Renaming keeps hard links only if there are none, and keeps the owner
  // only if the temporary file can be given it.
  S.InPlace = Status.st_nlink > 1 ||
              ::fchown(FD, Status.st_uid, Status.st_gid) != 0 ||
              ::fchmod(FD, Status.st_mode & 07777) != 0;
  if (Index == Faults.FailStaging)
    return failure(File.Path, "injected fault while staging (testing)");
  llvm::StringRef Bytes = S.InPlace ? File.Old : File.New;
  if (std::string Error = writeAndSync(FD, Bytes); !Error.empty())
    return failure(File.Path, "writing the temporary file '" + S.Temp->TmpName +
                                  "' failed: " + Error);
  std::optional<std::string> Back = readBytes(S.Temp->TmpName);
  if (!Back || *Back != Bytes)
    return failure(File.Path, "the temporary file '" + S.Temp->TmpName +
                                  "' does not read back as written");
  if (Index + 1 == Faults.SignalAfterStaging)
    ::raise(Faults.Signal);
  return llvm::Error::success();
}

// Puts the old bytes back into every file already written; returns what
// could not be restored.
std::string Transaction::restoreCommitted() {
  std::string Unrestored;
  for (StagedFile &S : Files) {
    if (!S.Committed)
      continue;
    if (std::string Error = overwriteInPlace(S.File->Path, S.File->Old);
        !Error.empty())
      Unrestored += "; could not restore '" + S.File->Path + "': " + Error;
  }
  return Unrestored;
}

llvm::Error Transaction::commit() {
  HeldSignals Held;
  // An interrupt the process ignores still runs LLVM's handler, which
  // removes the temporary files: then nothing may be moved.
  for (const StagedFile &S : Files)
    if (!fs::exists(S.Temp->TmpName))
      return failure(S.File->Path,
                     "its temporary file '" + S.Temp->TmpName +
                         "' was removed before it could be moved into "
                         "place (an interrupt?); no file was changed");
  for (size_t I = 0; I < Files.size(); ++I) {
    StagedFile &S = Files[I];
    std::string Error;
    if (int(I) == Faults.FailCommit)
      Error = "injected fault while moving it into place (testing)";
    else if (S.InPlace)
      Error = overwriteInPlace(S.File->Path, S.File->New);
    else if (llvm::Error E = S.Temp->keep(S.File->Path))
      Error = llvm::toString(std::move(E));
    else
      S.Temp.reset();
    if (Error.empty()) {
      S.Committed = true;
      continue;
    }
    if (S.InPlace)
      S.Committed = true; // partly overwritten: restore it too
    std::string Unrestored = restoreCommitted();
    return failure(S.File->Path,
                   Error + (Unrestored.empty()
                                ? "; every file already written was restored"
                                : Unrestored));
  }
  return llvm::Error::success();
}

} // namespace

std::string whyNotRewritable(llvm::StringRef Path, llvm::StringRef Expected) {
  fs::file_status Status;
  if (std::error_code EC = fs::status(Path, Status))
    return EC.message();
  if (Status.type() != fs::file_type::regular_file)
    return "it is not a regular file";
  if ((Status.permissions() &
       (fs::owner_write | fs::group_write | fs::others_write)) == 0 ||
      fs::access(Path, fs::AccessMode::Write))
    return "the file is read-only";
  llvm::StringRef Directory = llvm::sys::path::parent_path(Path);
  if (fs::access(Directory.empty() ? "." : Directory, fs::AccessMode::Write))
    return "its directory is not writable (a temporary file is needed "
           "beside it)";
  std::optional<std::string> Now = readBytes(Path);
  if (!Now)
    return "it cannot be read";
  if (*Now != Expected)
    return "it changed after it was parsed";
  return "";
}

llvm::Error rewriteAll(const std::vector<FileRewrite> &Files,
                       const TransactionFaults &Faults) {
  for (const FileRewrite &File : Files)
    if (std::string Why = whyNotRewritable(File.Path, File.Old); !Why.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write '" + File.Path +
                                         "': " + Why + "; no file was changed");
  Transaction T(Faults);
  for (const FileRewrite &File : Files)
    if (llvm::Error E = T.stage(File))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     llvm::toString(std::move(E)) +
                                         "; no file was changed");
  return T.commit();
}

} // namespace pgmigrate
