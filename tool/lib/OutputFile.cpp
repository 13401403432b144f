//===- OutputFile.cpp -----------------------------------------------------===//

#include "OutputFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace pgmigrate {

namespace fs = llvm::sys::fs;

static llvm::Error failure(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write '" + Path + "': " + What);
}

// Writes Contents to OS and flushes it (closes it, if it owns its file);
// the stream's error, if any.
static std::string writeAndClose(llvm::raw_fd_ostream &OS,
                                 llvm::StringRef Contents, bool Owned) {
  OS << Contents;
  if (Owned)
    OS.close();
  else
    OS.flush();
  if (!OS.has_error())
    return "";
  std::string Message = OS.error().message();
  OS.clear_error(); // reported here, not by the stream's destructor
  return Message;
}

static llvm::Error writeThroughTempFile(llvm::StringRef Path,
                                        llvm::StringRef Contents) {
  // An existing file keeps its mode; a new one gets the umask's, as the
  // temporary file does.
  std::optional<fs::perms> Permissions;
  fs::file_status Status;
  if (!fs::status(Path, Status))
    Permissions = Status.permissions();
  llvm::SmallString<256> Model(Path);
  Model += ".pgtable-migrate-%%%%%%.tmp";
  llvm::Expected<fs::TempFile> Temp = fs::TempFile::create(Model);
  if (!Temp)
    return failure(Path, llvm::toString(Temp.takeError()));
  std::string Error;
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    Error = writeAndClose(OS, Contents, /*Owned=*/false);
  }
  if (Error.empty() && Permissions)
    if (std::error_code EC = fs::setPermissions(Temp->FD, *Permissions))
      Error = EC.message();
  if (!Error.empty()) {
    llvm::consumeError(Temp->discard());
    return failure(Path, Error);
  }
  if (llvm::Error E = Temp->keep(Path)) {
    fs::remove(Temp->TmpName);
    return failure(Path, llvm::toString(std::move(E)));
  }
  return llvm::Error::success();
}

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents) {
  fs::file_status Status;
  bool Exists = !fs::status(Path, Status);
  if (!Exists)
    return writeThroughTempFile(Path, Contents);
  if (Status.type() == fs::file_type::regular_file) {
    // Through a symbolic link, replace the file it names.
    llvm::SmallString<256> Target;
    if (std::error_code EC = fs::real_path(Path, Target))
      return failure(Path, EC.message());
    return writeThroughTempFile(Target, Contents);
  }
  if (Status.type() == fs::file_type::directory_file)
    return failure(Path, "it is a directory");
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return failure(Path, EC.message());
  if (std::string Error = writeAndClose(OS, Contents, /*Owned=*/false);
      !Error.empty())
    return failure(Path, Error);
  return llvm::Error::success();
}

} // namespace pgmigrate
