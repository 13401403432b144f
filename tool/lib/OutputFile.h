//===- OutputFile.h - Write a report file, or fail cleanly ------*- C++ -*-===//
//
// The reports a run writes (--diagnostics-file, --export-fixes, --facts-out)
// are rendered in memory first and then written whole: to a regular file
// (new or existing) through a temporary file renamed over it, so a full
// disk leaves the previous file, never an empty or truncated one; to
// anything else (a pipe, /dev/stdout, a terminal) directly. Every error
// names the file. (llvm::writeToOutput would put its temporary file beside
// a device, in /dev, and does not keep an existing file's mode.)
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_OUTPUTFILE_H
#define PGMIGRATE_TOOL_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace pgmigrate {

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_OUTPUTFILE_H
