//===- MacroCall.cpp ------------------------------------------------------===//

#include "support/MacroCall.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/CharInfo.h"
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

  SourceLocation Loc = Call->getBeginLoc();
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
  Result.NameSpelling = spellToken(Result.Begin, SM, LO);
  Result.EndSpelling = spellToken(Result.End, SM, LO);

  // The expression the invocation expands to: climb while the parent is
  // still made of the invocation's expansion.
  DynTypedNode Node = DynTypedNode::create(*static_cast<const Stmt *>(Call));
  // A call inside typeof() (alloc_hooks_tag() names its argument twice) is
  // not evaluated: not a site.
  for (DynTypedNode Up = Node;;) {
    DynTypedNode Parent = parentOf(Up, Context);
    if (Parent.getNodeKind().isNone()) {
      if (!Context.getParents(Up).empty())
        return Result; // Outer stays null: under a type
      break;
    }
    if (Parent.get<FunctionDecl>() || Parent.get<TranslationUnitDecl>())
      break;
    Up = Parent;
  }
  if (!Result.ThroughMacro) {
    Result.Outer = Call;
    return Result;
  }
  const Expr *Outer = Call;
  for (DynTypedNode Up = Node;;) {
    DynTypedNode Parent = parentOf(Up, Context);
    if (Parent.getNodeKind().isNone())
      break;
    SourceRange Range = Parent.getSourceRange();
    if (!isFromExpansion(Range.getBegin(), Result.Expansion, SM) ||
        !isFromExpansion(Range.getEnd(), Result.Expansion, SM))
      break;
    Up = Parent;
    if (const auto *E = Up.get<Expr>())
      Outer = E;
  }
  Result.Outer = Outer;

  // An invocation written in the argument of another macro is expanded
  // before that macro: its name and parenthesis keep their file locations,
  // while the code around it (a cast in the same argument) is seen through
  // the argument. Give the invocation the same argument levels as its
  // expansion has, so that spelledTogether() compares like with like.
  llvm::SmallVector<SourceLocation, 2> Levels;
  SourceLocation Loc2 = Outer->getBeginLoc();
  while (Loc2.isMacroID() && SM.isMacroArgExpansion(Loc2)) {
    Levels.push_back(SM.getSLocEntry(SM.getFileID(Loc2))
                         .getExpansion()
                         .getExpansionLocStart());
    Loc2 = SM.getImmediateSpellingLoc(Loc2);
  }
  if (!Levels.empty() && isInExpansion(Loc2, Result.Expansion, SM) &&
      Result.NameSpelling.Arguments.empty() &&
      Result.EndSpelling.Arguments.empty()) {
    Result.NameSpelling.Arguments = Levels;
    Result.EndSpelling.Arguments = Levels;
  }
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

std::string fileText(SourceLocation Begin, SourceLocation End,
                     const SourceManager &SM, const LangOptions &LO) {
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID() ||
      !End.isFileID() || SM.getFileID(Begin) != SM.getFileID(End))
    return "";
  SourceLocation EndOfToken = Lexer::getLocForEndOfToken(End, 0, SM, LO);
  unsigned B = SM.getFileOffset(Begin), E = SM.getFileOffset(EndOfToken);
  if (E < B)
    return "";
  return SM.getBufferData(SM.getFileID(Begin)).slice(B, E).str();
}

llvm::SmallVector<std::string, 2> writtenArguments(const MacroCall &Call,
                                                   const SourceManager &SM,
                                                   const LangOptions &LO) {
  llvm::SmallVector<std::string, 2> Args;
  if (!Call.editable(SM))
    return Args;
  std::string Text =
      fileText(Call.NameSpelling.FileLoc, Call.EndSpelling.FileLoc, SM, LO);
  size_t Open = Text.find('(');
  if (Open == std::string::npos || Text.empty() || Text.back() != ')')
    return Args;
  llvm::StringRef Inner =
      llvm::StringRef(Text).slice(Open + 1, Text.size() - 1);
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Inner.size(); ++I) {
    char C = Inner[I];
    if (C == '"' || C == '\'')
      return {};
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Args.push_back(Inner.slice(Start, I).trim().str());
      Start = I + 1;
    }
  }
  if (Depth != 0)
    return {};
  if (!Inner.trim().empty() || !Args.empty())
    Args.push_back(Inner.drop_front(Start).trim().str());
  return Args;
}

std::string oneLine(llvm::StringRef Text) {
  std::string Result;
  bool Space = false;
  for (char C : Text) {
    if (isWhitespace(C)) {
      Space = !Result.empty();
      continue;
    }
    if (Space && Result.back() != '(' && C != ')')
      Result += ' ';
    Space = false;
    Result += C;
  }
  return Result;
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
