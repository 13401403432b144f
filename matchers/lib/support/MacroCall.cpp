//===- MacroCall.cpp ------------------------------------------------------===//

#include "support/MacroCall.h"
#include "pgmigrate/AbsolutePath.h"
#include "support/RawTokens.h"
#include "support/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace pgmigrate {

bool MacroCall::editable(const SourceManager &SM) const {
  return BodyMacro.empty() && spelledTogether({NameSpelling, EndSpelling}, SM);
}

bool isInExpansion(SourceLocation Loc, FileID Expansion,
                   const SourceManager &SM) {
  while (Loc.isMacroID()) {
    if (SM.getFileID(Loc) == Expansion)
      return true;
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
  return false;
}

bool isFromExpansion(SourceLocation Loc, FileID Expansion,
                     const SourceManager &SM) {
  if (isInExpansion(Loc, Expansion, SM))
    return true;
  while (Loc.isMacroID()) {
    if (SM.getFileID(Loc) == Expansion)
      return true;
    Loc = SM.isMacroArgExpansion(Loc)
              ? SM.getImmediateSpellingLoc(Loc)
              : SM.getImmediateExpansionRange(Loc).getBegin();
  }
  return false;
}

// The single parent of a node, as a Stmt or Decl node; an invalid node when
// the parent is of another kind (a type: the node is in typeof()).
static DynTypedNode parentOf(const DynTypedNode &Node, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(Node);
  if (Parents.empty())
    return DynTypedNode();
  const DynTypedNode &Parent = Parents[0];
  if (Parent.get<Stmt>() || Parent.get<Decl>())
    return Parent;
  return DynTypedNode();
}

// Follows the call out of the macros of MacroNames that wrap it, to the
// outermost invocation; notes the macro body it is written in, if any.
static void findInvocation(MacroCall &Result,
                           llvm::ArrayRef<llvm::StringRef> MacroNames,
                           const SourceManager &SM, const LangOptions &LO) {
  SourceLocation Loc = Result.Begin;
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    llvm::StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
    if (llvm::is_contained(MacroNames, Macro)) {
      Result.Name = Macro.str();
      Result.ThroughMacro = true;
      Result.Expansion = SM.getFileID(Loc);
      CharSourceRange Range = SM.getImmediateExpansionRange(Loc);
      Result.Begin = Range.getBegin();
      Result.End = Range.getEnd();
      Loc = Range.getBegin();
      continue;
    }
    // The invocation (or the call) is written in the body of another macro,
    // or only its name is.
    Result.BodyMacro = Macro.empty() ? "<unnamed>" : Macro.str();
    Result.NameFromMacro = !isFromExpansion(Result.End, SM.getFileID(Loc), SM);
    SourceLocation Body = SM.getSpellingLoc(Loc);
    if (!absoluteFilePath(Body, SM).empty())
      Result.BodyLoc = Body;
    break;
  }
}

// True when Call is under a type rather than in code: a call inside
// typeof() (alloc_hooks_tag() names its argument twice) is not evaluated.
static bool isUnderType(const CallExpr *Call, ASTContext &Context) {
  DynTypedNode Up = DynTypedNode::create(*static_cast<const Stmt *>(Call));
  while (true) {
    DynTypedNode Parent = parentOf(Up, Context);
    if (Parent.getNodeKind().isNone())
      return !Context.getParents(Up).empty();
    if (Parent.get<FunctionDecl>() || Parent.get<TranslationUnitDecl>())
      return false;
    Up = Parent;
  }
}

// The expression the invocation expands to: climb from Call while the
// parent is still made of the invocation's expansion.
static const Expr *expansionRoot(const CallExpr *Call, FileID Expansion,
                                 ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const Expr *Outer = Call;
  DynTypedNode Up = DynTypedNode::create(*static_cast<const Stmt *>(Call));
  while (true) {
    DynTypedNode Parent = parentOf(Up, Context);
    if (Parent.getNodeKind().isNone())
      break;
    SourceRange Range = Parent.getSourceRange();
    if (!isFromExpansion(Range.getBegin(), Expansion, SM) ||
        !isFromExpansion(Range.getEnd(), Expansion, SM))
      break;
    Up = Parent;
    if (const auto *E = Up.get<Expr>())
      Outer = E;
  }
  return Outer;
}

// An invocation written in the argument of another macro is expanded
// before that macro: its name and parenthesis keep their file locations,
// while the code around it (a cast in the same argument) is seen through
// the argument. Give the invocation the same argument levels as its
// expansion has, so that spelledTogether() compares like with like.
static void alignArgumentLevels(MacroCall &Result, const SourceManager &SM) {
  llvm::SmallVector<SourceLocation, 2> Levels;
  SourceLocation Loc = Result.Outer->getBeginLoc();
  while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc)) {
    Levels.push_back(SM.getSLocEntry(SM.getFileID(Loc))
                         .getExpansion()
                         .getExpansionLocStart());
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  if (!Levels.empty() && isInExpansion(Loc, Result.Expansion, SM) &&
      Result.NameSpelling.Arguments.empty() &&
      Result.EndSpelling.Arguments.empty()) {
    Result.NameSpelling.Arguments = Levels;
    Result.EndSpelling.Arguments = Levels;
  }
}

MacroCall locateCall(const CallExpr *Call,
                     llvm::ArrayRef<llvm::StringRef> MacroNames,
                     ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  MacroCall Result;
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    Result.Name = Callee->getName().str();
  Result.Begin = Call->getBeginLoc();
  Result.End = Call->getRParenLoc();
  findInvocation(Result, MacroNames, SM, LO);
  Result.NameSpelling = spellToken(Result.Begin, SM, LO);
  Result.EndSpelling = spellToken(Result.End, SM, LO);
  if (isUnderType(Call, Context))
    return Result; // Outer stays null: not a site
  if (!Result.ThroughMacro) {
    Result.Outer = Call;
    return Result;
  }
  Result.Outer = expansionRoot(Call, Result.Expansion, Context);
  alignArgumentLevels(Result, SM);
  return Result;
}

TokenSpelling spellArgumentToken(SourceLocation Loc, const MacroCall &Call,
                                 const SourceManager &SM,
                                 const LangOptions &LO) {
  TokenSpelling Result = spellToken(Loc, SM, LO);
  if (!Call.ThroughMacro)
    return Result;
  llvm::erase_if(Result.Arguments, [&](SourceLocation Argument) {
    return isInExpansion(Argument, Call.Expansion, SM);
  });
  return Result;
}

static bool isQuotedLiteral(tok::TokenKind Kind) {
  return tok::isStringLiteral(Kind) || Kind == tok::char_constant ||
         Kind == tok::wide_char_constant || Kind == tok::utf8_char_constant ||
         Kind == tok::utf16_char_constant || Kind == tok::utf32_char_constant;
}

llvm::SmallVector<std::string, 2> writtenArguments(const MacroCall &Call,
                                                   const SourceManager &SM,
                                                   const LangOptions &LO) {
  if (!Call.editable(SM))
    return {};
  // The text, not the AST's argument ranges: a macro's arguments are not
  // its call's (__get_free_page(gfp) is __get_free_pages((gfp), 0)).
  return invocationArguments(
      fileText(Call.NameSpelling.FileLoc, Call.EndSpelling.FileLoc, SM, LO),
      LO);
}

llvm::SmallVector<std::string, 2> invocationArguments(llvm::StringRef Text,
                                                      const LangOptions &LO) {
  llvm::SmallVector<std::string, 2> Args;
  llvm::SmallVector<RawToken, 16> Tokens = lexRawTokens(Text, LO);
  // Quotes and stray characters were refused before the lexer split the
  // arguments; still refused, so that no output changes.
  if (llvm::any_of(Tokens, [](const RawToken &T) {
        return isQuotedLiteral(T.Kind) || T.Kind == tok::unknown;
      }))
    return {};
  auto Open = llvm::find_if(
      Tokens, [](const RawToken &T) { return T.Kind == tok::l_paren; });
  std::optional<llvm::SmallVector<size_t, 16>> Match = matchBrackets(Tokens);
  if (Open == Tokens.end() || !Match)
    return {};
  size_t First = Open - Tokens.begin(), Last = Tokens.size() - 1;
  if ((*Match)[First] != Last)
    return {}; // the first parenthesis is not the invocation's
  size_t Start = Tokens[First].End;
  for (size_t I = First + 1; I < Last; ++I) {
    if (isOpeningBracket(Tokens[I].Kind)) {
      I = (*Match)[I];
    } else if (Tokens[I].Kind == tok::comma) {
      Args.push_back(Text.slice(Start, Tokens[I].Begin).trim().str());
      Start = Tokens[I].End;
    }
  }
  llvm::StringRef Rest = Text.slice(Start, Tokens[Last].Begin);
  if (!Rest.trim().empty() || !Args.empty())
    Args.push_back(Rest.trim().str());
  return Args;
}

llvm::SmallVector<std::string, 4>
enclosingMacroArguments(SourceLocation Loc, const SourceManager &SM,
                        const LangOptions &LO) {
  llvm::SmallVector<std::string, 4> Names;
  while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc)) {
    // The argument is used at ExpansionLocStart, in the body of the macro
    // it is an argument of.
    const SrcMgr::ExpansionInfo &Expansion =
        SM.getSLocEntry(SM.getFileID(Loc)).getExpansion();
    Names.push_back(
        Lexer::getImmediateMacroName(Expansion.getExpansionLocStart(), SM, LO)
            .str());
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return Names;
}

} // namespace pgmigrate
