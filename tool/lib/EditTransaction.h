//===- EditTransaction.h - Rewrite a set of files, all or none --*- C++ -*-===//
//
// --in-place writes every file of a run or none of them, so that an object
// group spread over several files is never left half migrated on disk.
//
// Before anything is written, each target is checked (whyNotRewritable):
// a regular file the user may write, in a directory that takes a temporary
// file, whose bytes are still the ones the edits were computed on. Then
// every new text is staged in a temporary file beside its target, and only
// when all are staged are they moved into place, with SIGINT, SIGTERM,
// SIGHUP and SIGQUIT held back until the last one is in place. A signal
// before that point removes the temporary files (LLVM's signal handlers)
// and changes nothing; a failure while moving restores the files already
// written.
//
// A file is replaced by renaming, which keeps its mode, owner and group
// (the temporary file is given them first). Where that cannot be done (the
// file has other hard links, or is owned by someone else and fchown is not
// permitted) its bytes are rewritten in place instead, after a copy of the
// old bytes has been staged and read back: that copy restores it if the
// write fails, and is left beside it only if the process is killed
// outright (SIGKILL) in the middle.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_EDITTRANSACTION_H
#define PGMIGRATE_TOOL_EDITTRANSACTION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace pgmigrate {

/// One file to rewrite: its real path, the bytes the edits were computed
/// on, and the bytes to write.
struct FileRewrite {
  std::string Path;
  std::string Old;
  std::string New;
};

/// Why Path cannot be rewritten safely (not a regular file, read-only, its
/// directory not writable, or its bytes are no longer Expected), or "" when
/// it can.
std::string whyNotRewritable(llvm::StringRef Path, llvm::StringRef Expected);

/// Test-only faults, so that the robustness tests need no timing: fail the
/// staging of file number FailStaging, raise Signal once SignalAfterStaging
/// files are staged, or fail moving file number FailCommit into place
/// (numbers from 0; -1 for none).
struct TransactionFaults {
  int FailStaging = -1;
  int SignalAfterStaging = -1;
  int Signal = 0;
  int FailCommit = -1;
};

/// Writes every file of Files, or none: on an error nothing is changed
/// (the message names the file and says so).
llvm::Error rewriteAll(const std::vector<FileRewrite> &Files,
                       const TransactionFaults &Faults = {});

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_EDITTRANSACTION_H
