//===- EditFormatter.h - Format replaced code with the tree's style -*- C++
//-*-===//

#ifndef PGMIGRATE_TOOL_EDITFORMATTER_H
#define PGMIGRATE_TOOL_EDITFORMATTER_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"

namespace pgmigrate {

/// Edits plus the formatting of the lines they touch, in the style of the
/// nearest .clang-format above FilePath (the kernel ships one). Without a
/// .clang-format the edits come back as they are. An error means the style
/// file is unreadable or the edits do not fit Code.
llvm::Expected<clang::tooling::Replacements>
formatEdits(llvm::StringRef FilePath, llvm::StringRef Code,
            const clang::tooling::Replacements &Edits);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_EDITFORMATTER_H
