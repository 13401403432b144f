//===- LexicalRenameDecider.h - rename-descriptor from tokens ---*- C++ -*-===//
//
// Decides rule "rename-descriptor" at the tokens of pagetable_alloc and
// pagetable_alloc_noprof the raw lexer found in a whole tree, where no
// unit's AST saw them (files no unit read, inactive #if branches, macro
// bodies no unit expanded, arches clang cannot build):
//  - a function or macro declaration, a call, a reference, a macro
//    reference: renamed, unless a new name is already used somewhere in
//    the tree (then every site is refused, which blocks the whole rename);
//  - a parameter, local, field, variable, typedef or enumerator of the
//    name: not the allocator, reported and left alone (its uses with it);
//  - in assembly (.S) nothing is renamed: a use is reported for a hand
//    edit (it does not block the C rename).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_LEXICALRENAMEDECIDER_H
#define PGMIGRATE_RULES_LEXICALRENAMEDECIDER_H

#include "pgmigrate/NameConflictsScan.h"
#include "rules/LexicalSites.h"
#include <map>
#include <string>

namespace pgmigrate {

class LexicalRenameDecider {
public:
  /// Root: the scanned tree (places in messages are relative to it).
  LexicalRenameDecider(const MigrationOptions &Options, llvm::StringRef Root,
                       AstDecided Ast, NameConflictsScanResult &Result);

  /// Learns where the new names are used, then decides every token.
  void run(const std::vector<ConflictFileScan> &Files);

private:
  void decide(const ConflictFileScan &F, const ScannedToken &T);
  void report(const ConflictFileScan &F, const ScannedToken &T,
              std::string Message, bool Blocks);

  llvm::StringRef Root;
  AstDecided Ast;
  NameConflictsScanResult &Result;
  /// Old name -> new name.
  std::map<std::string, std::string> NewNames;
  /// The refusal reason when a new name is used in the tree.
  std::string Taken;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_LEXICALRENAMEDECIDER_H
