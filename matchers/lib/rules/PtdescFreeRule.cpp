//===- PtdescFreeRule.cpp -------------------------------------------------===//

#include "rules/PtdescFreeRule.h"
#include "pgmigrate/Rules.h"
#include "support/FindingBuilder.h"
#include "support/SourceText.h"
#include "support/TokenSpelling.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

PtdescFreeRule::PtdescFreeRule(const MigrationOptions &Options)
    : FreeName(Options.FreeName),
      ApiImplementationNames(Options.apiImplementationNames()) {}

llvm::StringRef PtdescFreeRule::name() const { return PtdescFreeRule::Name; }

void PtdescFreeRule::addTriggerNames(std::vector<std::string> &Names) const {
  Names.push_back("pagetable_free");
}

void PtdescFreeRule::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Callback) {
  std::vector<llvm::StringRef> ApiNames(ApiImplementationNames.begin(),
                                        ApiImplementationNames.end());
  auto VirtToPtdesc = callExpr(callee(functionDecl(hasName("virt_to_ptdesc"))),
                               argumentCountIs(1))
                          .bind("virt_to_ptdesc");
  auto InsideApiImplementation =
      hasAncestor(functionDecl(hasAnyName(ApiNames)));
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasName("pagetable_free"))),
               argumentCountIs(1),
               hasArgument(0, ignoringParenImpCasts(VirtToPtdesc)),
               unless(InsideApiImplementation))
          .bind("pagetable_free"),
      Callback);
}

void PtdescFreeRule::check(const MatchFinder::MatchResult &Result,
                           FindingSink &Sink) {
  const auto *Free = Result.Nodes.getNodeAs<CallExpr>("pagetable_free");
  const auto *Virt = Result.Nodes.getNodeAs<CallExpr>("virt_to_ptdesc");
  if (!Free || !Virt)
    return;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = Result.Context->getLangOpts();
  // As in clang-tidy, code in system headers is not a candidate.
  if (SM.isInSystemHeader(SM.getExpansionLoc(Free->getBeginLoc())))
    return;

  // The four tokens that the rewrite removes or replaces.
  TokenSpelling Tokens[] = {
      spellToken(Free->getBeginLoc(), SM, LangOpts),
      spellToken(Virt->getBeginLoc(), SM, LangOpts),
      spellToken(Virt->getRParenLoc(), SM, LangOpts),
      spellToken(Free->getRParenLoc(), SM, LangOpts),
  };
  const TokenSpelling &FreeCallee = Tokens[0];

  auto Refuse = [&](std::string Reason) {
    SourceLocation At = FreeCallee.inMacroBody() && FreeCallee.BodyLoc.isValid()
                            ? FreeCallee.BodyLoc
                            : SM.getExpansionLoc(Free->getBeginLoc());
    Finding F = makeFinding(name(), FindingKind::Refused, At, SM,
                            "not converted: pagetable_free(virt_to_ptdesc()) " +
                                Reason);
    setSiteToExpansion(F, Free->getSourceRange(), SM, LangOpts);
    Sink.report(std::move(F));
  };

  for (const TokenSpelling &Token : Tokens) {
    if (!Token.inMacroBody())
      continue;
    if (&Token == &FreeCallee)
      Refuse("is written inside the definition of macro '" + Token.BodyMacro +
             "'; convert the macro by hand");
    else
      Refuse("is split across a macro boundary: part of it comes from the "
             "body of macro '" +
             Token.BodyMacro + "'");
    return;
  }
  if (!spelledTogether(Tokens, SM)) {
    Refuse("is split across macro arguments or files");
    return;
  }

  // The argument as written: everything between virt_to_ptdesc's parens.
  std::optional<Token> LParen =
      Lexer::findNextToken(Tokens[1].FileLoc, SM, LangOpts);
  if (!LParen || !LParen->is(tok::l_paren)) {
    Refuse("has its argument list spelled through a macro");
    return;
  }
  unsigned ArgBegin = SM.getFileOffset(LParen->getEndLoc());
  unsigned ArgEnd = SM.getFileOffset(Tokens[2].FileLoc);
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Tokens[2].FileLoc));
  llvm::StringRef Argument = Buffer.slice(ArgBegin, ArgEnd).trim(" \t\n\v\f\r");
  if (Argument.empty()) {
    Refuse("has no argument written between its parentheses");
    return;
  }

  std::string Replacement = FreeName + "(" + Argument.str() + ")";
  SourceLocation Begin = Tokens[0].FileLoc;
  SourceLocation End = Tokens[3].FileLoc.getLocWithOffset(1);
  std::string Original(
      Buffer.slice(SM.getFileOffset(Begin), SM.getFileOffset(End)));
  Finding F = makeFinding(name(), FindingKind::Converted, Begin, SM,
                          "replace '" + oneLine(Original) + "' with '" +
                              oneLine(Replacement) + "'");
  F.Replacements.push_back(makeReplacement(Begin, End, Replacement, SM));
  F.SiteLength = F.Replacements.back().getLength();
  Sink.report(std::move(F));
}

} // namespace pgmigrate
