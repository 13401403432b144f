//===- DiagnosticsWriter.h - Findings as text or JSON ----------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_DIAGNOSTICSWRITER_H
#define PGMIGRATE_TOOL_DIAGNOSTICSWRITER_H

#include "pgmigrate/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace pgmigrate {

/// One line per finding, as compilers print warnings:
///   /abs/file.c:12:2: warning: message [rule-name]
void writeTextDiagnostics(llvm::raw_ostream &OS,
                          const std::vector<Finding> &Findings);

/// {"findings": [{"rule", "kind", "arch", "file", "line", "column",
/// "offset", "message", "replacements": [{"file", "offset", "length",
/// "text"}]}]}; "arch" is the file's arch below Root ("generic" outside
/// arch/), as the HTML report's summary counts it.
void writeJsonDiagnostics(llvm::raw_ostream &OS,
                          const std::vector<Finding> &Findings,
                          llvm::StringRef Root);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_DIAGNOSTICSWRITER_H
