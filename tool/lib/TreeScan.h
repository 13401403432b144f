//===- TreeScan.h - --scan-tree: the walk over a source tree ----*- C++ -*-===//
//
// The front-end side of --scan-tree=DIR: lists every .c, .h and .S file
// under DIR, reads them on worker threads, and hands each to the lexical
// halves of rules "name-conflicts" and "rename-descriptor"
// (pgmigrate/NameConflictsScan.h), which decide what no translation unit
// saw.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_TREESCAN_H
#define PGMIGRATE_TOOL_TREESCAN_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/NameConflictsScan.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

struct TreeScanResult {
  std::vector<Finding> Findings;
  /// Files walked (.c, .h, .S), files that mention a clashing name, and
  /// clashing tokens found, of which the scan decided (the rest: the AST).
  unsigned FilesWalked = 0;
  unsigned FilesWithNames = 0;
  unsigned Tokens = 0;
  unsigned DecidedLexically = 0;
  /// A hash (xxHash64) of the bytes of every file read, which the scan's
  /// edits were computed on.
  std::map<std::string, uint64_t> ContentHashes;
  /// Files or directories that could not be read.
  std::vector<std::string> Errors;
};

/// Lists the .c, .h and .S files under Root (sorted; .git skipped; symbolic
/// links not followed).
std::vector<std::string> listSourceFiles(const std::string &Root,
                                         std::vector<std::string> &Errors);

/// Scans the tree under Root (absolute, dot-free) with Scan, reading files
/// on Threads workers; the output does not depend on the scheduling.
TreeScanResult scanTree(const std::string &Root, const NameConflictsScan &Scan,
                        unsigned Threads);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TREESCAN_H
