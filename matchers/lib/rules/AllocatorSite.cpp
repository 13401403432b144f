//===- AllocatorSite.cpp --------------------------------------------------===//

#include "rules/AllocatorSite.h"
#include "analysis/AstNavigation.h"
#include "pgmigrate/AbsolutePath.h"
#include "support/FindingBuilder.h"
#include "support/GfpExpression.h"
#include "support/GfpFlags.h"
#include "support/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace pgmigrate {

AllocatorSite locateAllocatorSite(
    const CallExpr *Call, llvm::ArrayRef<llvm::StringRef> Macros,
    llvm::ArrayRef<std::string> ApiImplementationNames, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  AllocatorSite S;
  S.Where = locateCall(Call, Macros, Context);
  if (!S.Where.Outer)
    return S;
  S.Function = enclosingFunction(Call, Context);
  if (S.Function && S.Function->getIdentifier() &&
      llvm::is_contained(ApiImplementationNames, S.Function->getName()))
    return S;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Call->getBeginLoc())))
    return S;
  S.Candidate = true;
  S.ReportAt = reportLocation(S.Where, Call, SM);
  return S;
}

SourceLocation reportLocation(const MacroCall &Where, const CallExpr *Call,
                              const SourceManager &SM) {
  if (Where.BodyLoc.isValid() && !Where.NameFromMacro)
    return Where.BodyLoc;
  if (Where.NameSpelling.FileLoc.isValid())
    return Where.NameSpelling.FileLoc;
  return SM.getExpansionLoc(Call->getBeginLoc());
}

std::string refusalWhat(const MacroCall &Where, bool Editable,
                        const SourceManager &SM, const LangOptions &LO) {
  if (Editable)
    return "'" +
           oneLine(fileText(Where.NameSpelling.FileLoc,
                            Where.EndSpelling.FileLoc, SM, LO)) +
           "'";
  return Where.Name + "()";
}

std::string refusalMessage(llvm::StringRef What, llvm::StringRef Reason) {
  return ("not converted: " + What + (Reason.startswith("is ") ? " " : ": ") +
          Reason)
      .str();
}

std::string macroPlacementProblem(const MacroCall &Where) {
  if (Where.NameFromMacro)
    return "is split across a macro boundary: its name comes from the body "
           "of macro '" +
           Where.BodyMacro + "'";
  if (!Where.BodyMacro.empty())
    return "is written inside the definition of macro '" + Where.BodyMacro +
           "'; convert the macro by hand";
  return "";
}

std::string editProblem(const MacroCall &Where,
                        llvm::ArrayRef<TokenSpelling> Tokens,
                        const SourceManager &SM) {
  std::string Problem = macroPlacementProblem(Where);
  if (!Problem.empty())
    return Problem;
  for (const TokenSpelling &Token : Tokens)
    if (Token.inMacroBody())
      return "is split across a macro boundary: part of it comes from the "
             "body of macro '" +
             Token.BodyMacro + "'";
  if (!spelledTogether(Tokens, SM))
    return "is split across macro arguments or files";
  return "";
}

bool spellInDefinition(const MacroCall &Where,
                       llvm::MutableArrayRef<TokenSpelling> Tokens,
                       const SourceManager &SM) {
  if (Where.BodyMacro.empty() || Where.NameFromMacro || Tokens.empty())
    return false;
  FileID File;
  unsigned Previous = 0;
  for (const TokenSpelling &Token : Tokens) {
    if (Token.BodyMacro != Where.BodyMacro || Token.BodyLoc.isInvalid() ||
        !Token.BodyLoc.isFileID())
      return false;
    auto [TokenFile, Offset] = SM.getDecomposedLoc(Token.BodyLoc);
    if (File.isInvalid())
      File = TokenFile;
    if (TokenFile != File || Offset < Previous)
      return false;
    Previous = Offset;
  }
  for (TokenSpelling &Token : Tokens) {
    Token.FileLoc = Token.BodyLoc;
    Token.Arguments.clear();
  }
  return true;
}

std::string definitionNote(llvm::StringRef Name) {
  return ("; in the definition of macro '" + Name +
          "', which all its expansions share")
      .str();
}

AllocationTarget allocationTarget(const Expr *Top, ASTContext &Context) {
  AllocationTarget T;
  DynTypedNodeList Parents = Context.getParents(*Top);
  if (Parents.empty())
    return T;
  if (const auto *Var = Parents[0].get<VarDecl>()) {
    if (Var->getInit() == Top)
      T.Var = Var;
  } else if (const auto *Op = Parents[0].get<BinaryOperator>()) {
    if (Op->getOpcode() == BO_Assign && Op->getRHS() == Top) {
      T.Assignment = Op;
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getLHS()->IgnoreParenImpCasts()))
        T.Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!T.Var)
        T.Escape = "is stored in '" +
                   textOf(Op->getLHS(), Context.getSourceManager(),
                          Context.getLangOpts()) +
                   "'";
    }
  } else if (Parents[0].get<ReturnStmt>()) {
    T.Escape = "is returned";
  } else if (const auto *Outer = Parents[0].get<CallExpr>()) {
    llvm::StringRef Callee = calleeName(Outer);
    T.Escape = Callee.empty() ? "is passed to a function pointer"
                              : ("is passed to " + Callee + "()").str();
  }
  return T;
}

std::string newAllocatorName(llvm::StringRef AllocName, const MacroCall &Where,
                             const FunctionDecl *Function) {
  bool InNoprof = Function && Function->getIdentifier() &&
                  Function->getName().endswith("_noprof");
  // Only a direct call of a _noprof function keeps that form: a direct
  // call of get_zeroed_page() is the plain allocator of a tree from before
  // 6.10, which has no _noprof form.
  bool DirectNoprof =
      !Where.ThroughMacro && llvm::StringRef(Where.Name).endswith("_noprof");
  if (DirectNoprof || InNoprof)
    return (AllocName + "_noprof").str();
  return AllocName.str();
}

std::string newAllocatorCall(llvm::StringRef Name, llvm::StringRef Gfp,
                             llvm::StringRef Order) {
  std::string Mask = Gfp.str();
  if (std::optional<std::string> Simpler = dropGfpFlag(Mask, "__GFP_ZERO"))
    Mask = *Simpler;
  return (Name + "(" + Mask + ", " + Order + ")").str();
}

std::string zeroingNote(const Expr *Gfp, const FunctionDecl *Function,
                        ASTContext &Context, llvm::StringRef WhyAbsent) {
  switch (gfpFlag(Gfp, "__GFP_ZERO", Function, Context)) {
  case FlagState::Present:
    return "";
  case FlagState::Absent:
    return ("; gains zeroing: " + WhyAbsent).str();
  case FlagState::Unknown:
    break;
  }
  return "; may gain zeroing: cannot tell whether the gfp mask includes "
         "__GFP_ZERO";
}

TokenRangeEdit replaceTokens(SourceLocation First, SourceLocation Last,
                             llvm::StringRef New, const SourceManager &SM,
                             const LangOptions &LO) {
  return {makeReplacement(First, Last.getLocWithOffset(1), New, SM),
          oneLine(fileText(First, Last, SM, LO))};
}

} // namespace pgmigrate
