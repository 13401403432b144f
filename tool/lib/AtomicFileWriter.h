//===- AtomicFileWriter.h - Replace a file atomically -----------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_ATOMICFILEWRITER_H
#define PGMIGRATE_TOOL_ATOMICFILEWRITER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace pgmigrate {

/// Replaces the contents of the existing file Path with Contents: writes a
/// temporary file in the same directory, gives it Path's permissions and
/// renames it over Path. Readers see the old file or the new one, never a
/// half-written one. A file without any write permission bit is refused
/// (even for root, who could otherwise replace it), as is one the user may
/// not write; the error names the file and the file is left as it was.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_ATOMICFILEWRITER_H
