//===- NolintDirectives.cpp -----------------------------------------------===//

#include "NolintDirectives.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"

using namespace clang;

namespace pgmigrate::tidy {

// Does the list after a directive ("(a, b*)" or nothing) name CheckName?
// Returns false for a list that is not closed.
static bool namesCheck(llvm::StringRef After, llvm::StringRef CheckName) {
  if (!After.startswith("("))
    return true; // no list: every check
  size_t Close = After.find(')');
  if (Close == llvm::StringRef::npos)
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  After.slice(1, Close).split(Globs, ',');
  for (llvm::StringRef Glob : Globs) {
    llvm::Expected<llvm::GlobPattern> Pattern =
        llvm::GlobPattern::create(Glob.trim());
    if (!Pattern) {
      llvm::consumeError(Pattern.takeError());
      continue;
    }
    if (Pattern->match(CheckName))
      return true;
  }
  return false;
}

// Whether Line holds Directive (exactly: "NOLINT" is not "NOLINTNEXTLINE")
// for CheckName.
static bool lineHas(llvm::StringRef Line, llvm::StringRef Directive,
                    llvm::StringRef CheckName) {
  for (size_t At = Line.find(Directive); At != llvm::StringRef::npos;
       At = Line.find(Directive, At + 1)) {
    llvm::StringRef After = Line.drop_front(At + Directive.size());
    if (!After.empty() && (llvm::isAlnum(After[0]) || After[0] == '_'))
      continue; // a longer directive
    if (namesCheck(After, CheckName))
      return true;
  }
  return false;
}

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc,
                          llvm::StringRef CheckName) {
  if (Loc.isInvalid() || !Loc.isFileID())
    return false;
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid)
    return false;
  size_t LineBegin = Buffer.rfind('\n', Decomposed.second);
  LineBegin = LineBegin == llvm::StringRef::npos ? 0 : LineBegin + 1;
  size_t LineEnd = Buffer.find('\n', Decomposed.second);
  llvm::StringRef Line = Buffer.slice(LineBegin, LineEnd);
  if (lineHas(Line, "NOLINT", CheckName))
    return true;
  if (LineBegin > 0) {
    size_t PreviousBegin = Buffer.rfind('\n', LineBegin - 1);
    PreviousBegin =
        PreviousBegin == llvm::StringRef::npos ? 0 : PreviousBegin + 1;
    if (lineHas(Buffer.slice(PreviousBegin, LineBegin - 1), "NOLINTNEXTLINE",
                CheckName))
      return true;
  }
  // Blocks: more BEGINs than ENDs for this check before the site.
  int Open = 0;
  llvm::StringRef Before = Buffer.take_front(LineBegin);
  while (!Before.empty()) {
    auto [Current, Rest] = Before.split('\n');
    if (lineHas(Current, "NOLINTBEGIN", CheckName))
      ++Open;
    if (lineHas(Current, "NOLINTEND", CheckName) && Open > 0)
      --Open;
    Before = Rest;
  }
  return Open > 0;
}

} // namespace pgmigrate::tidy
