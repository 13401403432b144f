//===- FormattedEdits.h - The formatted edits, back in their findings -*- C++
//-*-===//
//
// Edits are formatted per file (EditFormatter.h): the formatter may widen
// an edit to re-lay out its line, or add whitespace edits beside it. The
// diff and the YAML write the formatted edits of each file; so that JSON
// and SARIF, which write edits per finding, show the same edits, each
// formatted edit goes back to the finding it belongs to.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_FORMATTEDEDITS_H
#define PGMIGRATE_TOOL_FORMATTEDEDITS_H

#include "pgmigrate/Finding.h"
#include "clang/Tooling/Core/Replacement.h"
#include <vector>

namespace pgmigrate {

/// Replaces the edits the converted Findings make in File by Formatted,
/// the formatted form of all of them. A formatted edit belongs to the
/// finding whose own edit in File it overlaps or touches (the first such
/// finding, in the order of Findings), else to the finding whose edit is
/// nearest; a finding whose edit the formatter merged into another's keeps
/// none in File. Edits in other files are left alone.
void attachFormattedEdits(std::vector<Finding> &Findings, llvm::StringRef File,
                          const clang::tooling::Replacements &Formatted);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_FORMATTEDEDITS_H
