//===- FixesExport.h - clang-apply-replacements YAML -----------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_FIXESEXPORT_H
#define PGMIGRATE_TOOL_FIXESEXPORT_H

#include "pgmigrate/Finding.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

/// Writes the edits as one TranslationUnitReplacements document (the schema
/// clang-tidy --export-fixes writes and clang-apply-replacements reads),
/// ordered by file and offset. YAML holds UTF-8 text only: an edit whose
/// text (or file name) is not UTF-8 would be written with its bytes
/// replaced, and applied so; it is left out, with every edit of its object
/// group (the converted Findings that share a pairing key with its
/// finding), so that applying the YAML leaves no object half migrated. The
/// return value counts the edits left out, by file, for the caller to
/// report.
std::map<std::string, unsigned> writeFixesYaml(
    llvm::raw_ostream &OS,
    const std::map<std::string, clang::tooling::Replacements> &EditsByFile,
    const std::vector<Finding> &Findings);

/// Whether a JSON or YAML string can carry Text byte for byte (UTF-8).
bool isRepresentableText(llvm::StringRef Text);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_FIXESEXPORT_H
