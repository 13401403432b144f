//===- EditFormatter.cpp --------------------------------------------------===//

#include "EditFormatter.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Format/Format.h"
#include <map>

namespace pgmigrate {

static bool isIdentifier(llvm::StringRef Text) {
  return clang::isValidAsciiIdentifier(Text);
}

// The display width of Line with tabs to TabWidth stops.
static unsigned width(llvm::StringRef Line, unsigned TabWidth) {
  unsigned Column = 0;
  for (char C : Line)
    Column =
        C == '\t' && TabWidth ? (Column / TabWidth + 1) * TabWidth : Column + 1;
  return Column;
}

llvm::Expected<clang::tooling::Replacements>
formatEdits(llvm::StringRef FilePath, llvm::StringRef Code,
            const clang::tooling::Replacements &Edits) {
  llvm::Expected<clang::format::FormatStyle> Style =
      clang::format::getStyle("file", FilePath, /*FallbackStyle=*/"none", Code);
  if (!Style)
    return Style.takeError();
  if (Style->DisableFormat)
    return Edits;

  // An identifier renamed in place (rule name-conflicts) keeps the layout
  // around it: formatting would re-lay out its whole declaration or
  // statement. Only when its line then exceeds the column limit is it
  // formatted like any edit.
  std::map<unsigned, std::vector<const clang::tooling::Replacement *>> Renames;
  clang::tooling::Replacements Others;
  for (const clang::tooling::Replacement &R : Edits) {
    llvm::StringRef Old = Code.substr(R.getOffset(), R.getLength());
    if (isIdentifier(Old) && isIdentifier(R.getReplacementText())) {
      size_t LineStart = Code.rfind('\n', R.getOffset());
      Renames[LineStart == llvm::StringRef::npos ? 0 : LineStart + 1].push_back(
          &R);
      continue;
    }
    if (llvm::Error E = Others.add(R))
      return std::move(E);
  }
  clang::tooling::Replacements Kept;
  for (const auto &[LineStart, OnLine] : Renames) {
    llvm::StringRef Line = Code.substr(LineStart);
    Line = Line.take_until([](char C) { return C == '\n'; });
    int Growth = 0;
    for (const clang::tooling::Replacement *R : OnLine)
      Growth += int(R->getReplacementText().size()) - int(R->getLength());
    bool Fits =
        !Style->ColumnLimit ||
        int(width(Line, Style->TabWidth)) + Growth <= int(Style->ColumnLimit);
    for (const clang::tooling::Replacement *R : OnLine)
      if (llvm::Error E = (Fits ? Kept : Others).add(*R))
        return std::move(E);
  }

  llvm::Expected<clang::tooling::Replacements> Cleaned =
      clang::format::cleanupAroundReplacements(Code, Others, *Style);
  if (!Cleaned)
    return Cleaned.takeError();
  llvm::Expected<clang::tooling::Replacements> Formatted =
      clang::format::formatReplacements(Code, *Cleaned, *Style);
  if (!Formatted || Kept.empty())
    return Formatted;
  clang::tooling::Replacements All = *Formatted;
  for (const clang::tooling::Replacement &R : Kept)
    if (llvm::Error E = All.add(R)) {
      // Formatting around another edit touches the renamed token's line:
      // format everything together instead.
      llvm::consumeError(std::move(E));
      llvm::Expected<clang::tooling::Replacements> Whole =
          clang::format::cleanupAroundReplacements(Code, Edits, *Style);
      if (!Whole)
        return Whole.takeError();
      return clang::format::formatReplacements(Code, *Whole, *Style);
    }
  return All;
}

} // namespace pgmigrate
