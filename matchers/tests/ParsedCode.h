//===- ParsedCode.h - The AST of a code string, for unit tests --*- C++ -*-===//
//
// Builds the AST of a C file from a string, with the reference model's
// kernel-shaped headers on the include path, and finds nodes in it by
// matcher, so the analysis and support tests can work on small snippets.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TESTS_PARSEDCODE_H
#define PGMIGRATE_TESTS_PARSEDCODE_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

#ifndef PGMIGRATE_REFIMPL_INCLUDE
#error "PGMIGRATE_REFIMPL_INCLUDE must name reference-impl/include"
#endif

namespace pgmigrate {
namespace testing {

/// A parsed C file (gnu11) named File; Code may include kernel headers.
class ParsedCode {
public:
  explicit ParsedCode(llvm::StringRef Code,
                      llvm::StringRef File = "/src/arch/x86/mm/t.c")
      : AST(clang::tooling::buildASTFromCodeWithArgs(
            Code, {"-xc", "-std=gnu11", "-isystem", PGMIGRATE_REFIMPL_INCLUDE},
            File)) {
    EXPECT_TRUE(AST);
    EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }

  clang::ASTContext &context() { return AST->getASTContext(); }
  const clang::SourceManager &sourceManager() {
    return AST->getSourceManager();
  }
  const clang::LangOptions &langOpts() { return AST->getLangOpts(); }

  /// The first node bound to "n" by Matcher in the main file.
  template <typename NodeT, typename MatcherT>
  const NodeT *first(const MatcherT &Matcher) {
    using namespace clang::ast_matchers;
    return selectFirst<NodeT>(
        "n",
        match(traverse(clang::TK_AsIs, stmt(Matcher, isExpansionInMainFile())),
              context()));
  }

  /// The function named Name.
  const clang::FunctionDecl *function(llvm::StringRef Name) {
    using namespace clang::ast_matchers;
    return selectFirst<clang::FunctionDecl>(
        "f", match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                   context()));
  }

  /// The variable named Name in the main file.
  const clang::VarDecl *variable(llvm::StringRef Name) {
    using namespace clang::ast_matchers;
    return selectFirst<clang::VarDecl>(
        "v", match(varDecl(hasName(Name), isExpansionInMainFile()).bind("v"),
                   context()));
  }

  /// The N-th reference (from 0, in source order) to a variable Name in
  /// the main file.
  const clang::DeclRefExpr *reference(llvm::StringRef Name, unsigned N = 0) {
    using namespace clang::ast_matchers;
    auto Matches =
        match(traverse(clang::TK_AsIs, declRefExpr(to(varDecl(hasName(Name))),
                                                   isExpansionInMainFile())
                                           .bind("r")),
              context());
    std::vector<const clang::DeclRefExpr *> Refs;
    for (const BoundNodes &Match : Matches)
      Refs.push_back(Match.getNodeAs<clang::DeclRefExpr>("r"));
    llvm::sort(Refs,
               [&](const clang::DeclRefExpr *A, const clang::DeclRefExpr *B) {
                 return sourceManager().isBeforeInTranslationUnit(
                     A->getBeginLoc(), B->getBeginLoc());
               });
    return N < Refs.size() ? Refs[N] : nullptr;
  }

  /// The calls of the function Name in the main file, in source order.
  std::vector<const clang::CallExpr *> calls(llvm::StringRef Name) {
    using namespace clang::ast_matchers;
    std::vector<const clang::CallExpr *> Calls;
    for (const BoundNodes &Match :
         match(traverse(clang::TK_AsIs,
                        callExpr(callee(functionDecl(hasName(Name))),
                                 isExpansionInMainFile())
                            .bind("c")),
               context()))
      Calls.push_back(Match.getNodeAs<clang::CallExpr>("c"));
    return Calls;
  }

  /// The first evaluated call of the function Name in the main file (not
  /// the copy in alloc_hooks()' typeof()).
  const clang::CallExpr *call(llvm::StringRef Name) {
    using namespace clang::ast_matchers;
    return first<clang::CallExpr>(callExpr(callee(functionDecl(hasName(Name))),
                                           unless(hasAncestor(typeLoc())))
                                      .bind("n"));
  }

private:
  std::unique_ptr<clang::ASTUnit> AST;
};

} // namespace testing
} // namespace pgmigrate

#endif // PGMIGRATE_TESTS_PARSEDCODE_H
