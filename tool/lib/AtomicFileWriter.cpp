//===- AtomicFileWriter.cpp -----------------------------------------------===//

#include "AtomicFileWriter.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace pgmigrate {

static llvm::Error fileError(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write '" + Path + "': " + What +
                                     "; the file is unchanged");
}

llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::StringRef Contents) {
  namespace fs = llvm::sys::fs;
  // Through a symbolic link, replace the file it points to.
  llvm::SmallString<256> Target;
  if (std::error_code EC = fs::real_path(Path, Target))
    return fileError(Path, EC.message());
  fs::file_status Status;
  if (std::error_code EC = fs::status(Target, Status))
    return fileError(Path, EC.message());
  fs::perms Permissions = Status.permissions();
  if ((Permissions & (fs::owner_write | fs::group_write | fs::others_write)) ==
          0 ||
      fs::access(Target, fs::AccessMode::Write))
    return fileError(Path, "the file is read-only");

  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Target));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Target) +
                                     ".pgtable-migrate-%%%%%%.tmp");
  int FD;
  llvm::SmallString<256> TempPath;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, TempPath))
    return fileError(Path, "cannot create a temporary file beside it (" +
                               EC.message() + ")");
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::string Message = OS.error().message();
      OS.clear_error();
      fs::remove(TempPath);
      return fileError(Path,
                       "writing the temporary file failed (" + Message + ")");
    }
  }
  if (std::error_code EC = fs::setPermissions(TempPath, Permissions)) {
    fs::remove(TempPath);
    return fileError(Path, "cannot set permissions (" + EC.message() + ")");
  }
  if (std::error_code EC = fs::rename(TempPath, Target)) {
    fs::remove(TempPath);
    return fileError(Path, "cannot rename the temporary file over it (" +
                               EC.message() + ")");
  }
  return llvm::Error::success();
}

} // namespace pgmigrate
