//===- SarifWriter.h - Findings as SARIF 2.1.0 -----------------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_SARIFWRITER_H
#define PGMIGRATE_TOOL_SARIFWRITER_H

#include "pgmigrate/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace pgmigrate {

/// A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it:
/// every rule in tool.driver.rules, one result per finding with ruleId,
/// ruleIndex, level, message.text, a physical location (URI relative to
/// Root under uriBaseId SRCROOT, or an absolute file URI outside it),
/// startLine/startColumn, a partial fingerprint, and the edits of converted
/// sites as SARIF fixes.
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                llvm::StringRef Root, llvm::StringRef ToolVersion);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SARIFWRITER_H
