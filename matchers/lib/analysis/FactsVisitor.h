//===- FactsVisitor.h - The walk that records a unit's facts ----*- C++ -*-===//
//
// The AST visitor behind collectProvenanceFacts() (ProvenanceCollector.h),
// in two files: FactsNodes.cpp names the node an expression's value is
// (variables per definition, parameters, results, fields, globals, reads out
// of entries); FactsVisitor.cpp records what each statement does with it
// (flows, sites, installs, escapes, unknown and NULL origins).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FACTSVISITOR_H
#define PGMIGRATE_FACTSVISITOR_H

#include "analysis/ConstantConditions.h"
#include "analysis/LocalDefinitions.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "support/SourceText.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include <memory>
#include <optional>
#include <string>

namespace pgmigrate {

/// A call of get_zeroed_page() or __get_free_pages() (the _noprof functions
/// from Linux 6.10, the plain functions before): an allocation site.
bool isAllocatorCall(const clang::CallExpr *Call);
/// free_pages(addr, order): a free site.
bool isFreeCall(const clang::CallExpr *Call);
/// A function that reads the pointer it is given and neither keeps nor
/// frees it (kernel-hooks.def), or a compiler builtin: no flow goes in, and
/// what it returns (a physical address, a size) is not the page.
bool isReader(const clang::FunctionDecl *F);

/// What an expression's value is to the facts.
struct Value {
  enum Kind {
    /// A null pointer constant: holds no page.
    Null,
    /// The value of a node.
    Node,
    /// Something the facts do not follow (arithmetic, a load through a
    /// pointer, a call through a function pointer).
    Unknown,
  } K = Unknown;
  std::string Name;
  /// Unknown: what the value is, when more can be said than its text
  /// ("an object of kmalloc(), another allocator").
  std::string What;
};

class FactsVisitor : public clang::RecursiveASTVisitor<FactsVisitor> {
public:
  explicit FactsVisitor(clang::ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()),
        Config(Context.getTargetInfo().getTriple().getArchName().str()) {
    Facts.Config = Config;
  }

  ProvenanceFacts take() { return std::move(Facts); }

  bool shouldVisitImplicitCode() const { return false; }

  // Code that is not evaluated: typeof() (alloc_hooks_tag() names its
  // argument there too), sizeof, _Alignof.
  bool TraverseTypeOfExprTypeLoc(clang::TypeOfExprTypeLoc) { return true; }
  bool TraverseTypeOfExprType(clang::TypeOfExprType *) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(clang::UnaryExprOrTypeTraitExpr *,
                                        DataRecursionQueue * = nullptr) {
    return true;
  }

  bool TraverseFunctionDecl(clang::FunctionDecl *F) {
    const clang::FunctionDecl *Saved = Function;
    std::unique_ptr<LocalDefinitions> SavedDefs = std::move(Defs);
    if (F->doesThisDeclarationHaveABody()) {
      Function = F;
      Facts.Defined.push_back(functionKey(F));
      Defs = std::make_unique<LocalDefinitions>(F, Context, &Constants);
    }
    bool Result = RecursiveASTVisitor::TraverseFunctionDecl(F);
    Function = Saved;
    Defs = std::move(SavedDefs);
    return Result;
  }

  /// Called for every statement before it is traversed: code that this
  /// configuration never runs is not (its sites are recorded as such).
  bool dataTraverseStmtPre(clang::Stmt *S);

  bool VisitCallExpr(clang::CallExpr *Call);
  bool VisitBinaryOperator(clang::BinaryOperator *Op);
  bool VisitUnaryOperator(clang::UnaryOperator *Op);
  bool VisitVarDecl(clang::VarDecl *Var);
  bool VisitReturnStmt(clang::ReturnStmt *Return);
  bool VisitGCCAsmStmt(clang::GCCAsmStmt *Asm);
  bool VisitFunctionDecl(clang::FunctionDecl *F);
  bool VisitDeclRefExpr(clang::DeclRefExpr *Ref);
  bool VisitMemberExpr(clang::MemberExpr *Member);

private:
  SourcePlace placeOf(clang::SourceLocation Loc) const {
    clang::SourceLocation At = SM.getExpansionLoc(Loc);
    return {absoluteFilePath(At, SM), SM.getExpansionLineNumber(At)};
  }
  std::string text(const clang::Expr *E) const {
    return textOf(E, SM, Context.getLangOpts());
  }
  /// E as written where its tokens are spelled (a macro argument's own
  /// text, not the whole invocation), else text().
  std::string writtenText(const clang::Expr *E) const {
    clang::SourceLocation Begin = SM.getSpellingLoc(E->getBeginLoc());
    clang::SourceLocation End = SM.getSpellingLoc(E->getEndLoc());
    if (SM.getFileID(Begin) == SM.getFileID(End) &&
        !SM.isBeforeInTranslationUnit(End, Begin)) {
      llvm::StringRef Written = clang::Lexer::getSourceText(
          clang::CharSourceRange::getTokenRange(Begin, End), SM,
          Context.getLangOpts());
      if (!Written.empty())
        return oneLine(Written);
    }
    return text(E);
  }
  bool holdsPage(clang::QualType T) const;
  /// A pointer to a function that returns a page-wide value: an allocator
  /// passed around (arm64's pgtable_alloc parameter, riscv's pt_ops).
  bool holdsAllocator(clang::QualType T) const;
  /// A value of type T is a node: a page or an allocator's address.
  bool tracks(clang::QualType T) const {
    return holdsPage(T) || holdsAllocator(T);
  }
  /// The fn node of F, when F returns a page-wide value.
  std::optional<std::string> functionNode(const clang::FunctionDecl *F);
  /// The use of F's address at Ref flows into a node (the facts follow it).
  bool followedFunctionUse(const clang::DeclRefExpr *Ref,
                           const clang::FunctionDecl *F);
  bool inRecordInitializer(const clang::Stmt *S);
  /// X when E is __pa(X), virt_to_phys(X), __phys_addr(X), __va(X),
  /// phys_to_virt(X) or riscv's kernel_mapping_pa_to_va(X) and friends (a
  /// macro written in a file, or a function): the same object at another
  /// address is the same object to the facts.
  const clang::Expr *physicalAddressArgument(const clang::Expr *E) const;
  /// The expr node of a call through a function pointer.
  std::string indirectResultNode(const clang::CallExpr *Call);
  void recordIndirectCall(const clang::CallExpr *Call,
                          const std::string &Pointer);
  std::string locationKey(clang::SourceLocation Loc) const;
  std::string functionKey(const clang::FunctionDecl *F) const;
  std::optional<std::string> declNode(const clang::ValueDecl *D);
  std::string nameOf(const clang::VarDecl *Var) const;
  /// A field's node; Named is RECORD.FIELD.
  std::string fieldNodeOf(const clang::FieldDecl *Field,
                          std::string &Named) const;
  std::string fieldNode(const clang::MemberExpr *Member);
  std::optional<std::string> lvalueNode(const clang::Expr *E);
  /// The node Write (an assignment, ++ or --) writes through E.
  std::optional<std::string> targetNode(const clang::Expr *E,
                                        const clang::Stmt *Write);
  bool tracked(const clang::VarDecl *Var) const {
    return Defs && Defs->tracked(Var);
  }
  std::string wholeNode(const clang::VarDecl *Var, const std::string &Base);
  std::optional<std::string> writeNode(const clang::VarDecl *Var,
                                       const clang::Stmt *Write);
  std::optional<std::string> readNode(const clang::DeclRefExpr *Ref);
  Value valueOf(const clang::Expr *E);
  Value callValue(const clang::CallExpr *Call);
  void flowInto(const std::string &Target, const clang::Expr *From,
                clang::SourceLocation At);
  void initialize(const std::string &Target, const clang::Expr *Init,
                  clang::SourceLocation At);
  void initializeRecord(const clang::InitListExpr *List);
  /// The key, role, call and place of a site.
  ProvenanceFacts::Site describeSite(const clang::CallExpr *Call,
                                     PairingRole Role) const;
  void recordSite(const clang::CallExpr *Call, PairingRole Role);
  bool unreachable(const clang::Stmt *S) const;
  void recordUnreachableSites(const clang::Stmt *S);
  void recordArguments(const clang::CallExpr *Call);

  clang::ASTContext &Context;
  const clang::SourceManager &SM;
  std::string Config;
  const clang::FunctionDecl *Function = nullptr;
  ConstantConditions Constants{Context};
  /// The current function's reaching definitions.
  std::unique_ptr<LocalDefinitions> Defs;
  ProvenanceFacts Facts;
};

} // namespace pgmigrate

#endif // PGMIGRATE_FACTSVISITOR_H
