//===- Maintainers.h - Who looks after a file (MAINTAINERS) -----*- C++ -*-===//
//
// The kernel's MAINTAINERS file, read as scripts/get_maintainer.pl reads
// it: sections of a title line and "X:\tvalue" fields, where F: and X:
// are file patterns (a trailing '/' covers a directory's whole subtree,
// '*' and '?' match within one path component). --series
// --split=maintainers splits the series by section and addresses each
// patch to the sections that cover its files.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_MAINTAINERS_H
#define PGMIGRATE_TOOL_MAINTAINERS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace pgmigrate {

struct MaintainerSection {
  std::string Title;
  /// M:, R: and L: values, as written ("Name <address>", "list@host").
  std::vector<std::string> Maintainers;
  std::vector<std::string> Reviewers;
  std::vector<std::string> Lists;
  /// F: and X: patterns.
  std::vector<std::string> Files;
  std::vector<std::string> Excludes;
};

class MaintainersFile {
public:
  static llvm::Expected<MaintainersFile> read(llvm::StringRef Path);
  static MaintainersFile parse(llvm::StringRef Text);

  struct Match {
    const MaintainerSection *Section;
    /// How many path components the pattern that matched names: the
    /// catch-all ("*", "*/") has 0.
    unsigned Depth;
  };
  /// The sections whose F: patterns cover Relative (a path from the tree's
  /// root) and whose X: patterns do not, the most specific first.
  std::vector<Match> sectionsFor(llvm::StringRef Relative) const;

private:
  std::vector<MaintainerSection> Sections;
};

/// Whether Pattern (an F:/X: pattern) covers Relative; Depth is set to the
/// number of path components the pattern names.
bool maintainerPatternMatches(llvm::StringRef Pattern, llvm::StringRef Relative,
                              unsigned &Depth);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_MAINTAINERS_H
