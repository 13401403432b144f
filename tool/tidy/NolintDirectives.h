//===- NolintDirectives.h - Will clang-tidy suppress this site? -*- C++ -*-===//
//
// clang-tidy drops a diagnostic (and its fix-its) under NOLINT,
// NOLINTNEXTLINE or inside NOLINTBEGIN/NOLINTEND, after the check has
// emitted it. For a conversion paired with others that is too late: its
// partners would convert without it. The check asks clang-tidy's own
// NoLintDirectiveHandler first, and treats a suppressed conversion as one
// that is not made.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_NOLINTDIRECTIVES_H
#define PGMIGRATE_TIDY_NOLINTDIRECTIVES_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate::tidy {

/// True when clang-tidy will suppress a warning of CheckName at Loc: a
/// NOLINT comment on its line, a NOLINTNEXTLINE on the line before, or an
/// enclosing NOLINTBEGIN/NOLINTEND block of its file (for Loc and, in a
/// macro, each expansion it comes from). Binds to clang-tidy's symbols:
/// the plugin gets them from clang-tidy, an executable from libclangTidy.
bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, llvm::StringRef CheckName);

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_NOLINTDIRECTIVES_H
