//===- CHighlighter.h - C source as highlighted HTML ------------*- C++ -*-===//
//
// The HTML report shows kernel C: a diff of each converted site, the lines
// around each refused one. This colours it without a parse (the lines are
// fragments, often not whole statements): comments, string and character
// literals, numbers, preprocessor lines, C keywords, and the allocator API
// names the tool works on, each as a <span> of its own class. Everything
// else is escaped text.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_CHIGHLIGHTER_H
#define PGMIGRATE_TOOL_CHIGHLIGHTER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace pgmigrate {

/// Text with &, <, >, " and ' as character references.
std::string htmlEscape(llvm::StringRef Text);

class CHighlighter {
public:
  /// ApiNames are shown as class "fn" (pgtable_alloc, get_zeroed_page...).
  explicit CHighlighter(llvm::StringSet<> ApiNames)
      : ApiNames(std::move(ApiNames)) {}

  /// One line (without its newline) as HTML. A block comment that the line
  /// leaves open carries over to the next call; reset() forgets it (at a
  /// hunk or snippet boundary).
  std::string line(llvm::StringRef Line);
  void reset() { InBlockComment = false; }

private:
  llvm::StringSet<> ApiNames;
  bool InBlockComment = false;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_CHIGHLIGHTER_H
