//===- FindingBuilder.h - Findings and edits at locations -------*- C++ -*-===//
//
// A rule finds code by its AST and reports it by file and offset: these
// turn the locations of a unit into a Finding's position and site and into
// replacements of file characters, with paths spelled by absoluteFilePath().
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FINDINGBUILDER_H
#define PGMIGRATE_FINDINGBUILDER_H

#include "pgmigrate/Finding.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// A finding at FileLoc (a file location) with no edits; its site is the
/// empty range at FileLoc until the rule sets it.
Finding makeFinding(llvm::StringRef Rule, FindingKind Kind,
                    clang::SourceLocation FileLoc,
                    const clang::SourceManager &SM, std::string Message);

/// Sets F's site to the file characters the expansion of Range covers
/// (for code from a macro, the macro invocation).
void setSiteToExpansion(Finding &F, clang::SourceRange Range,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LangOpts);

/// A replacement of the characters [Begin, End) of one file.
clang::tooling::Replacement makeReplacement(clang::SourceLocation Begin,
                                            clang::SourceLocation End,
                                            llvm::StringRef Text,
                                            const clang::SourceManager &SM);

} // namespace pgmigrate

#endif // PGMIGRATE_FINDINGBUILDER_H
