//===- NolintDirectives.h - Will clang-tidy suppress this site? -*- C++ -*-===//
//
// clang-tidy drops a diagnostic (and its fix-its) under NOLINT,
// NOLINTNEXTLINE or inside NOLINTBEGIN/NOLINTEND, after the check has
// emitted it. For a conversion paired with others that is too late: its
// partners would convert without it. The check asks first, with the same
// syntax (an optional parenthesised list of check-name globs), and treats
// a suppressed conversion as one that is not made.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_NOLINTDIRECTIVES_H
#define PGMIGRATE_TIDY_NOLINTDIRECTIVES_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate::tidy {

/// True when a diagnostic of CheckName at Loc (a file location) is
/// suppressed by a NOLINT comment on its line, a NOLINTNEXTLINE on the line
/// before, or an enclosing NOLINTBEGIN/NOLINTEND block of its file.
bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, llvm::StringRef CheckName);

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_NOLINTDIRECTIVES_H
