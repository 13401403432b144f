//===- OutputFile.h - Write a report file, or fail cleanly ------*- C++ -*-===//
//
// The files a run writes (--diagnostics-file, --export-fixes, --facts-out,
// the facts cache) are put in place whole: a regular file (new or
// existing) is written to a temporary file beside it that is renamed over
// it, so a full disk or a signal leaves the previous file, never an empty
// or truncated one; anything else (a pipe, /dev/stdout, a terminal) is
// written directly. Every error names the file. (llvm::writeToOutput would
// put its temporary file beside a device, in /dev, and does not keep an
// existing file's mode.)
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_OUTPUTFILE_H
#define PGMIGRATE_TOOL_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>

namespace pgmigrate {

/// A file written piece by piece (a shard's records, as its units finish)
/// and put in place by commit(); destroyed uncommitted, it leaves nothing.
class StreamedOutputFile {
public:
  static llvm::Expected<std::unique_ptr<StreamedOutputFile>>
  open(llvm::StringRef Path);
  ~StreamedOutputFile();

  llvm::raw_ostream &os() { return *OS; }
  /// Flushes, and renames the temporary file over the target.
  llvm::Error commit();

private:
  StreamedOutputFile() = default;
  std::string Path;
  std::optional<llvm::sys::fs::TempFile> Temp;
  std::optional<llvm::sys::fs::perms> Permissions;
  std::unique_ptr<llvm::raw_fd_ostream> OS;
  bool Done = false;
};

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_OUTPUTFILE_H
