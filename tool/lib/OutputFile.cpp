//===- OutputFile.cpp -----------------------------------------------------===//

#include "OutputFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

namespace fs = llvm::sys::fs;

static llvm::Error failure(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write '" + Path + "': " + What);
}

llvm::Expected<std::unique_ptr<StreamedOutputFile>>
StreamedOutputFile::open(llvm::StringRef Path) {
  std::unique_ptr<StreamedOutputFile> Out(new StreamedOutputFile);
  Out->Path = Path.str();
  fs::file_status Status;
  bool Exists = !fs::status(Path, Status);
  if (Exists && Status.type() == fs::file_type::directory_file)
    return failure(Path, "it is a directory");
  if (Exists && Status.type() != fs::file_type::regular_file) {
    // A pipe or a device: written directly.
    std::error_code EC;
    Out->OS = std::make_unique<llvm::raw_fd_ostream>(Path, EC);
    if (EC)
      return failure(Path, EC.message());
    return std::move(Out);
  }
  llvm::SmallString<256> Target(Path);
  if (Exists) {
    // Through a symbolic link, replace the file it names; an existing file
    // keeps its mode, a new one gets the umask's, as the temporary file
    // does.
    if (std::error_code EC = fs::real_path(Path, Target))
      return failure(Path, EC.message());
    Out->Permissions = Status.permissions();
  }
  Out->Path = std::string(Target);
  llvm::Expected<fs::TempFile> Temp =
      fs::TempFile::create(Target + ".pgtable-migrate-%%%%%%.tmp");
  if (!Temp)
    return failure(Path, llvm::toString(Temp.takeError()));
  Out->Temp.emplace(std::move(*Temp));
  Out->OS = std::make_unique<llvm::raw_fd_ostream>(Out->Temp->FD,
                                                   /*shouldClose=*/false);
  return std::move(Out);
}

StreamedOutputFile::~StreamedOutputFile() {
  if (OS)
    OS->clear_error(); // reported by commit(), or moot
  OS.reset();
  if (Temp && !Done)
    llvm::consumeError(Temp->discard());
}

llvm::Error StreamedOutputFile::commit() {
  Done = true;
  OS->flush();
  std::string Error;
  if (OS->has_error()) {
    Error = OS->error().message();
    OS->clear_error();
  }
  if (!Temp)
    return Error.empty() ? llvm::Error::success() : failure(Path, Error);
  if (Error.empty() && Permissions)
    if (std::error_code EC = fs::setPermissions(Temp->FD, *Permissions))
      Error = EC.message();
  OS.reset();
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
  llvm::Expected<std::unique_ptr<StreamedOutputFile>> File =
      StreamedOutputFile::open(Path);
  if (!File)
    return File.takeError();
  (*File)->os() << Contents;
  return (*File)->commit();
}

} // namespace pgmigrate
