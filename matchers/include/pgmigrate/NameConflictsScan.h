//===- NameConflictsScan.h - name-conflicts over a whole tree ---*- C++ -*-===//
//
// The lexical half of rule "name-conflicts", as a front end calls it: every
// .c, .h and .S file of a tree goes through the raw-lexer ConflictScanner,
// so files no compile database covers (sparc, m68k, ... cannot be built
// with clang) and #if branches no configuration compiles are reached too.
// Where a translation unit saw a token, its AST decides and the scan says
// nothing there; the scan decides the rest (see LexicalConflictDecider.h
// for the rules it decides by). With RenameDescriptorApi the same scan
// also carries the lexical half of rule "rename-descriptor" (the tokens of
// pagetable_alloc and pagetable_alloc_noprof, LexicalRenameDecider.h).
//
// A front end:
//
//   NameConflictsScan Scan(Options, Root);
//   for (each parsed unit)                     // units' results, in order
//     Scan.addUnit(std::move(Coverage), Findings);
//   for (each file I of the tree, in parallel) // sorted paths
//     Files[I] = Scan.scanFile(Path, Text);
//   NameConflictsScanResult Result = Scan.decide(std::move(Files));
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_NAMECONFLICTSSCAN_H
#define PGMIGRATE_NAMECONFLICTSSCAN_H

#include "pgmigrate/ConflictScanner.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/UnitCoverage.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pgmigrate {

/// One file of the tree as the scan lexed it.
struct ConflictFileScan {
  /// Empty when the file mentions none of the clashing names.
  std::string Path;
  /// The group its names belong to (see conflictGroup in NameConflicts.h).
  std::string Group;
  /// An assembly (.S) file: nothing in it is renamed.
  bool Assembly = false;
  /// The tokens of the clashing names and of their new names, in order.
  std::vector<ScannedToken> Tokens;
};

struct NameConflictsScanResult {
  /// One finding per site the scan decided, in file and token order.
  std::vector<Finding> Findings;
  /// Files that mention a clashing name, clashing tokens found, and of
  /// those the ones the scan decided (the rest: the AST).
  unsigned FilesWithNames = 0;
  unsigned Tokens = 0;
  unsigned DecidedLexically = 0;
};

/// The lexical half of name-conflicts over one tree.
class NameConflictsScan {
public:
  /// Whether Options run rule name-conflicts or rename the descriptor
  /// allocator (rule rename-descriptor), whose lexical halves this is.
  static bool isEnabled(const MigrationOptions &Options);

  /// Root: the scanned directory (absolute, dot-free); messages name places
  /// relative to it.
  NameConflictsScan(const MigrationOptions &Options, std::string Root);

  /// What one parsed translation unit saw (its coverage) and found (its
  /// findings; the scan keeps the sites of the two rules' own). Not
  /// thread-safe.
  void addUnit(UnitCoverage Coverage, llvm::ArrayRef<Finding> Findings);

  /// Lexes one file of the tree (Path absolute, Text its contents). Safe to
  /// call from several threads at once.
  ConflictFileScan scanFile(llvm::StringRef Path, llvm::StringRef Text) const;

  /// Decides the sites no unit's AST saw, over every file of the tree (in
  /// the front end's order, which is the order of the findings).
  NameConflictsScanResult decide(std::vector<ConflictFileScan> Files) const;

private:
  MigrationOptions Options;
  std::string Root;
  /// Which halves run: name-conflicts' and rename-descriptor's.
  bool Conflicts;
  bool Descriptor;
  /// The names the halves look at (clashing names, the descriptor
  /// allocator's), and those plus their new names (sorted, unique).
  std::vector<std::string> Clashing;
  std::vector<std::string> Wanted;
  UnitCoverage Coverage;
  /// Offsets of each AST half's findings, by rule, by file.
  std::map<std::string, std::map<std::string, std::set<unsigned>>> AstSites;
};

} // namespace pgmigrate

#endif // PGMIGRATE_NAMECONFLICTSSCAN_H
