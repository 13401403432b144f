//===- SarifWriter.h - Findings as SARIF 2.1.0 -----------------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_SARIFWRITER_H
#define PGMIGRATE_TOOL_SARIFWRITER_H

#include "pgmigrate/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace pgmigrate {

/// A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it:
/// every rule in tool.driver.rules, one result per finding with ruleId,
/// ruleIndex, level, message.text, a physical location (URI relative to
/// Root under uriBaseId SRCROOT, or an absolute file URI outside it),
/// startLine/startColumn, a partial fingerprint, and the edits of converted
/// sites as SARIF fixes (byte offsets: byteOffset/byteLength). URIs are
/// percent-encoded (RFC 3986). What went wrong in the run (a unit that
/// failed, a file that could not be edited) is one tool execution
/// notification each, in the run's invocation, which is not successful
/// when there is an error.
struct SarifNotification {
  bool IsError = true;
  std::string Text;
  /// The file it is about, absolute, or "".
  std::string File;
};

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const std::vector<SarifNotification> &Notifications,
                llvm::StringRef Root, llvm::StringRef ToolVersion);

/// Path as a URI reference: every byte but RFC 3986's unreserved ones and
/// '/' percent-encoded.
std::string percentEncodePath(llvm::StringRef Path);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SARIFWRITER_H
