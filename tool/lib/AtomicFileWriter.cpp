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

  // llvm::writeToOutput would do the rest, but gives no access to its
  // temporary file, whose permissions could then only be set after the
  // rename; fs::TempFile, which it is built on, lets us set them before.
  // The temporary file is removed on error and on a fatal signal.
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Target));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Target) +
                                     ".pgtable-migrate-%%%%%%.tmp");
  llvm::Expected<fs::TempFile> Temp = fs::TempFile::create(Model);
  if (!Temp)
    return fileError(Path, "cannot create a temporary file beside it (" +
                               llvm::toString(Temp.takeError()) + ")");
  auto Fail = [&](const llvm::Twine &What) {
    llvm::consumeError(Temp->discard());
    return fileError(Path, What);
  };
  if (std::error_code EC = fs::setPermissions(Temp->FD, Permissions))
    return Fail("cannot set permissions (" + EC.message() + ")");
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::string Message = OS.error().message();
      OS.clear_error();
      return Fail("writing the temporary file failed (" + Message + ")");
    }
  }
  if (llvm::Error E = Temp->keep(Target)) {
    fs::remove(Temp->TmpName); // keep() has closed it, whatever happened
    return fileError(Path, "cannot rename the temporary file over it (" +
                               llvm::toString(std::move(E)) + ")");
  }
  return llvm::Error::success();
}

} // namespace pgmigrate
