//===- FixesExport.h - clang-apply-replacements YAML -----------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_FIXESEXPORT_H
#define PGMIGRATE_TOOL_FIXESEXPORT_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>

namespace pgmigrate {

/// Writes the edits as one TranslationUnitReplacements document (the schema
/// clang-tidy --export-fixes writes and clang-apply-replacements reads),
/// ordered by file and offset.
void writeFixesYaml(
    llvm::raw_ostream &OS,
    const std::map<std::string, clang::tooling::Replacements> &EditsByFile);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_FIXESEXPORT_H
