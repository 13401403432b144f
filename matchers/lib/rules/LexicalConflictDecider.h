//===- LexicalConflictDecider.h - name-conflicts from tokens ----*- C++ -*-===//
//
// Decides rule "name-conflicts" at the tokens the raw lexer found in a
// whole tree, where no translation unit's AST saw them. First it learns
// what each group declares, then it decides every token, with these rules:
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

#ifndef PGMIGRATE_RULES_LEXICALCONFLICTDECIDER_H
#define PGMIGRATE_RULES_LEXICALCONFLICTDECIDER_H

#include "pgmigrate/NameConflictsScan.h"
#include "rules/LexicalSites.h"
#include "rules/NameConflicts.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>
#include <string>

namespace pgmigrate {

class LexicalConflictDecider {
public:
  /// Root: the scanned tree (places in messages are relative to it).
  LexicalConflictDecider(const MigrationOptions &Options, llvm::StringRef Root,
                         AstDecided Ast, NameConflictsScanResult &Result);

  /// Learns the declarations of every file, then decides every token.
  void run(const std::vector<ConflictFileScan> &Files);

private:
  /// What a file-scope name is in one group.
  struct GroupName {
    /// Some conflicting file-scope declaration (function, macro, variable,
    /// typedef, enumerator).
    bool Conflict = false;
    /// A conflicting macro definition; a conflicting function-like one,
    /// and where.
    bool MacroConflict = false;
    std::string FunctionMacroAt;
  };

  std::string where(const ConflictFileScan &F, const ScannedToken &T) const;
  bool isApi(const ConflictFileScan &F, const ScannedToken &T) const;
  void learn(const ConflictFileScan &F);
  void learnDeclaration(const ConflictFileScan &F, const ScannedToken &T);
  void emit(const ConflictFileScan &F, const ScannedToken &T,
            llvm::StringRef What, llvm::StringRef NewName,
            llvm::StringRef Refusal);
  std::string taken(const ConflictFileScan &F, ConflictScope Scope,
                    const std::string &NewName) const;
  void decide(const ConflictFileScan &F);
  void decide(const ConflictFileScan &F, const ScannedToken &T);
  void decideInAssembly(const ConflictFileScan &F, const ScannedToken &T,
                        const GroupName *G);
  void decideDeclaration(const ConflictFileScan &F, const ScannedToken &T);
  void decideMemberAccess(const ConflictFileScan &F, const ScannedToken &T);
  void decideBoundUse(const ConflictFileScan &F, const ScannedToken &T,
                      const GroupName *G);
  bool decideCallExpandedByMacro(const ConflictFileScan &F,
                                 const ScannedToken &T, const GroupName *G,
                                 const std::string &NewName,
                                 const std::string &Refusal);
  void decideFileScopeUse(const ConflictFileScan &F, const ScannedToken &T,
                          const GroupName *G);

  const MigrationOptions &Options;
  llvm::StringRef Root;
  AstDecided Ast;
  NameConflictsScanResult &Result;
  llvm::StringSet<> Clashing;
  std::map<std::pair<std::string, std::string>, GroupName> Groups;
  /// Identifiers of the new names seen, by group, by file, in the tree.
  std::set<std::pair<std::string, std::string>> UsedInGroup;
  std::set<std::pair<std::string, std::string>> UsedInFile;
  std::set<std::string> UsedInTree;
  /// Clashing fields declared anywhere.
  std::set<std::string> Fields;
  /// The first function-like macro of each name (the API's preferred).
  std::map<std::string, std::string> FunctionMacroAt;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_LEXICALCONFLICTDECIDER_H
