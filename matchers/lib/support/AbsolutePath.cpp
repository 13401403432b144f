//===- AbsolutePath.cpp ---------------------------------------------------===//

#include "pgmigrate/AbsolutePath.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

static std::string withoutDots(llvm::SmallVectorImpl<char> &Path) {
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path.begin(), Path.end());
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  return withoutDots(Absolute);
}

std::string absolutePath(llvm::StringRef Path,
                         const clang::FileManager &Files) {
  llvm::SmallString<256> Absolute(Path);
  Files.makeAbsolutePath(Absolute);
  return withoutDots(Absolute);
}

std::string realFilePath(clang::FileEntryRef Entry,
                         const clang::FileManager &Files) {
  llvm::StringRef Real = Entry.getFileEntry().tryGetRealPathName();
  if (!Real.empty() && llvm::sys::path::is_absolute(Real)) {
    llvm::SmallString<256> Path(Real);
    return withoutDots(Path);
  }
  return absolutePath(Entry.getName(), Files);
}

std::string absoluteFilePath(clang::SourceLocation FileLoc,
                             const clang::SourceManager &SM) {
  if (FileLoc.isInvalid() || !FileLoc.isFileID())
    return "";
  clang::OptionalFileEntryRef Entry =
      SM.getFileEntryRefForID(SM.getFileID(FileLoc));
  if (!Entry)
    return "";
  return realFilePath(*Entry, SM.getFileManager());
}

} // namespace pgmigrate
