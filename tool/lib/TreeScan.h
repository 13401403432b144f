//===- TreeScan.h - Rule name-conflicts over a whole source tree -*- C++
//-*-===//
//
// The lexical half of rule "name-conflicts" (--scan-tree=DIR): every .c, .h
// and .S file under DIR goes through the raw-lexer ConflictScanner, so
// files no compile database covers (sparc, m68k, ... cannot be built with
// clang) and #if branches no configuration compiles are reached too.
//
// Where a translation unit saw a token, its AST decides and the scan says
// nothing there: tokens at a site the AST rule reported, and tokens in code
// some unit compiled (outside its skipped #if ranges and outside macro
// bodies). The scan decides the rest, with these lexical rules:
//  - a declaration is a conflict unless it is the new API's own (outside
//    arch/, with the API's signature, or the function-like macro that
//    expands to NAME_noprof);
//  - parameters and locals bind the uses in their function body;
//  - any other use of a name is a use of the arch-local declaration when
//    its group (arch/<arch>/ for arch code, else the file itself) declares
//    a conflicting file-scope one, and of the generic API otherwise;
//  - a member access is a use of a clashing field when the tree declares
//    one;
//  - in assembly (.S) nothing is renamed: sites of renamed names are
//    reported for a hand edit.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_TREESCAN_H
#define PGMIGRATE_TOOL_TREESCAN_H

#include "TranslationUnitRunner.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pgmigrate {

struct TreeScanInput {
  /// Absolute, dot-free directory to scan.
  std::string Root;
  /// What the parsed translation units saw, merged: for each file, one
  /// set of skipped ranges per time a unit entered it.
  std::map<std::string, std::vector<TranslationUnitResult::SkippedRanges>>
      Coverage;
  /// Offsets of the AST rule's name-conflicts findings, by file.
  std::map<std::string, std::set<unsigned>> AstSites;
  unsigned Threads = 1;
};

struct TreeScanResult {
  std::vector<Finding> Findings;
  /// Files walked (.c, .h, .S), files that mention a clashing name, and
  /// clashing tokens found, of which the scan decided (the rest: the AST).
  unsigned FilesWalked = 0;
  unsigned FilesWithNames = 0;
  unsigned Tokens = 0;
  unsigned DecidedLexically = 0;
  /// Files or directories that could not be read.
  std::vector<std::string> Errors;
};

/// Lists the .c, .h and .S files under Root (sorted; .git skipped; symbolic
/// links not followed).
std::vector<std::string> listSourceFiles(const std::string &Root,
                                         std::vector<std::string> &Errors);

/// Scans the tree and decides the sites the AST did not.
TreeScanResult scanTree(const TreeScanInput &Input,
                        const MigrationOptions &Options);

/// The group a file's names belong to: its arch directory (absolute, see
/// ArchPath.h; Root is the tree's root) for arch code, else the file itself.
std::string conflictGroup(const std::string &Path, llvm::StringRef Root = "");

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TREESCAN_H
