//===- UnitCoverage.h - What parsed translation units saw -------*- C++ -*-===//
//
// The files a translation unit read and, in each, the #if branches its
// preprocessor skipped. Rule "name-conflicts" records it per unit (see
// Rule::recordCoverage) and its lexical half leaves to the AST every token
// some unit compiled.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_UNITCOVERAGE_H
#define PGMIGRATE_UNITCOVERAGE_H

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pgmigrate {

/// The byte ranges [begin, end) the preprocessor skipped during one entry
/// into a file.
using SkippedRanges = std::vector<std::pair<unsigned, unsigned>>;

/// What translation units saw: for each file they read (absolute,
/// dot-free), one SkippedRanges per time a unit entered it.
struct UnitCoverage {
  std::map<std::string, std::vector<SkippedRanges>> Files;

  /// Adds Other's entries after this one's.
  void merge(UnitCoverage Other);

  /// Whether some entry into Path compiled the byte at Offset (it is
  /// outside that entry's skipped ranges).
  bool compiled(const std::string &Path, unsigned Offset) const;

  bool empty() const { return Files.empty(); }
  void clear() { Files.clear(); }
};

} // namespace pgmigrate

#endif // PGMIGRATE_UNITCOVERAGE_H
