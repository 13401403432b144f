//===- LexicalSites.h - What the lexical deciders share ---------*- C++ -*-===//
//
// The lexical halves of the rename rules (LexicalConflictDecider for
// name-conflicts, LexicalRenameDecider for rename-descriptor) decide the
// tokens of the tree scan that no unit's AST saw, and report them alike.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_LEXICALSITES_H
#define PGMIGRATE_RULES_LEXICALSITES_H

#include "pgmigrate/NameConflictsScan.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <map>
#include <set>
#include <string>

namespace pgmigrate {

/// What the AST half of one rule already decided: the tokens units
/// compiled and the sites the AST rule reported.
struct AstDecided {
  const UnitCoverage &Coverage;
  const std::map<std::string, std::set<unsigned>> &Sites;
};

/// Whether some unit's AST saw the token: it compiled that code (macro
/// bodies aside: a body is only seen where expanded), or the AST rule
/// reported the site. Never for assembly.
bool decidedByAst(const AstDecided &Ast, const ConflictFileScan &F,
                  const ScannedToken &T);

/// Counts into Result the tokens of F that Wanted selects (Tokens), and of
/// those the ones no unit's AST saw (DecidedLexically), and hands each of
/// the latter to Decide.
void decideUnseen(const AstDecided &Ast, const ConflictFileScan &F,
                  llvm::function_ref<bool(const ScannedToken &)> Wanted,
                  NameConflictsScanResult &Result,
                  llvm::function_ref<void(const ScannedToken &)> Decide);

/// "arch/sparc/mm/init_64.c:12": F's path relative to Root, T's line.
std::string scannedPlace(llvm::StringRef Root, const ConflictFileScan &F,
                         const ScannedToken &T);

/// A finding of Rule at token T of F with Message: a rename of the token to
/// NewName when NewName is given, a refusal otherwise.
Finding lexicalFinding(llvm::StringRef Rule, const ConflictFileScan &F,
                       const ScannedToken &T, std::string Message,
                       const std::string *NewName);

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_LEXICALSITES_H
