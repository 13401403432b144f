//===- HtmlReport.h - The run as one page a reviewer reads ------*- C++ -*-===//
//
// --html FILE: one self-contained HTML page (inline style and script, a
// Content-Security-Policy that forbids any fetch) with
//   - a summary of the sites per arch, rule and status;
//   - every site: a converted one as the diff of its edits, a refused one
//     with its reason and the source around it, both syntax-highlighted;
//   - the sites of one object group together, under the group's name;
//   - filters by rule, arch and status, and a permalink (#site-...) per
//     site that shows it even when a filter hid it.
// The element names and attributes are a contract the browser test
// (tool/tests/html-report) checks against the JSON diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_HTMLREPORT_H
#define PGMIGRATE_TOOL_HTMLREPORT_H

#include "MigrationPipeline.h"
#include "pgmigrate/Options.h"
#include "llvm/Support/raw_ostream.h"

namespace pgmigrate {

void writeHtmlReport(llvm::raw_ostream &OS, const PipelineResult &Result,
                     const MigrationOptions &Options,
                     llvm::StringRef ToolVersion);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_HTMLREPORT_H
