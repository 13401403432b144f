//===- EditFormatter.cpp --------------------------------------------------===//

#include "EditFormatter.h"
#include "clang/Format/Format.h"

namespace pgmigrate {

llvm::Expected<clang::tooling::Replacements>
formatEdits(llvm::StringRef FilePath, llvm::StringRef Code,
            const clang::tooling::Replacements &Edits) {
  llvm::Expected<clang::format::FormatStyle> Style =
      clang::format::getStyle("file", FilePath, /*FallbackStyle=*/"none", Code);
  if (!Style)
    return Style.takeError();
  if (Style->DisableFormat)
    return Edits;
  llvm::Expected<clang::tooling::Replacements> Cleaned =
      clang::format::cleanupAroundReplacements(Code, Edits, *Style);
  if (!Cleaned)
    return Cleaned.takeError();
  return clang::format::formatReplacements(Code, *Cleaned, *Style);
}

} // namespace pgmigrate
