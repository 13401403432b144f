//===- ConflictDeclCollector.h - Clashing names in a unit's AST -*- C++ -*-===//
//
// The AST half of rule "name-conflicts" reads one translation unit with
// this visitor: every declaration whose name clashes with the new API's,
// every use of one (references, calls, member accesses, designators,
// typedef names), and the function bodies with the clashing parameters and
// locals they declare.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_CONFLICTDECLCOLLECTOR_H
#define PGMIGRATE_RULES_CONFLICTDECLCOLLECTOR_H

#include "rules/NameConflicts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

/// A use of a clashing declaration.
struct ConflictUseSite {
  const clang::NamedDecl *Target;
  clang::SourceLocation Loc;
  ConflictUse Kind;
};

/// A function body and the clashing names its parameters and locals
/// declare.
struct ConflictBodyScope {
  std::map<std::string, const clang::NamedDecl *> Declared;
};

/// What a clashing declaration declares.
ConflictDecl conflictDeclKind(const clang::NamedDecl *D);

class ConflictDeclCollector
    : public clang::RecursiveASTVisitor<ConflictDeclCollector> {
public:
  /// Names: the clashing names.
  explicit ConflictDeclCollector(const llvm::StringSet<> &Names)
      : Names(Names) {}

  /// Visits the whole unit.
  void collect(const clang::TranslationUnitDecl *TU);

  bool VisitNamedDecl(clang::NamedDecl *D);
  bool VisitFunctionDecl(clang::FunctionDecl *FD);
  bool VisitCallExpr(clang::CallExpr *E);
  bool VisitDeclRefExpr(clang::DeclRefExpr *E);
  bool VisitMemberExpr(clang::MemberExpr *E);
  bool VisitDesignatedInitExpr(clang::DesignatedInitExpr *E);
  bool VisitTypedefTypeLoc(clang::TypedefTypeLoc TL);

  /// Clashing declarations and uses, in traversal order.
  std::vector<const clang::NamedDecl *> Decls;
  std::vector<ConflictUseSite> Uses;
  /// By canonical function: its clashing parameters and locals, and its
  /// body.
  std::map<const clang::FunctionDecl *, ConflictBodyScope> Scopes;
  std::map<const clang::FunctionDecl *, clang::SourceRange> Bodies;

private:
  bool clashes(const clang::NamedDecl *D) const {
    return D && D->getIdentifier() && Names.count(D->getName());
  }

  const llvm::StringSet<> &Names;
  llvm::DenseSet<const clang::DeclRefExpr *> Callees;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_CONFLICTDECLCOLLECTOR_H
