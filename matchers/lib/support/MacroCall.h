//===- MacroCall.h - A call as the source spells it -------------*- C++ -*-===//
//
// The kernel's allocators are function-like macros over alloc_hooks()
// statement expressions around a *_noprof() call; free_page() is a macro
// over free_pages(). A rule matches the function call in the expansion and
// edits the macro invocation written in the file: this finds that
// invocation, the expression it expands to, and its arguments as written.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_MACROCALL_H
#define PGMIGRATE_MACROCALL_H

#include "support/TokenSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace pgmigrate {

/// An invocation as written, and what it expands to.
struct MacroCall {
  /// What is written: the outermost of MacroNames that expands to the call
  /// (e.g. "__get_free_page" over "__get_free_pages"), or the function's
  /// own name for a direct call.
  std::string Name;
  bool ThroughMacro = false;
  /// The expansion of that macro (ThroughMacro only).
  clang::FileID Expansion;
  /// The invocation's first token (the name) and its closing parenthesis,
  /// as locations of the translation unit (possibly in a macro argument).
  clang::SourceLocation Begin, End;
  /// The expression the invocation expands to: the statement expression of
  /// alloc_hooks(), or the call itself. Null when the call is not evaluated
  /// (inside typeof()): such a match is not a site.
  const clang::Expr *Outer = nullptr;
  /// When the invocation itself is written in the body of another macro:
  /// that macro's name and where the invocation is written in it.
  std::string BodyMacro;
  clang::SourceLocation BodyLoc;
  /// True when only the name comes from the body of BodyMacro (e.g.
  /// "#define ZALLOC get_zeroed_page" and "ZALLOC(gfp)"): the invocation is
  /// split across a macro boundary rather than written inside the macro.
  bool NameFromMacro = false;
  /// Where the name and the closing parenthesis are written.
  TokenSpelling NameSpelling, EndSpelling;

  /// True when the invocation is written in a file, in one piece: it can
  /// be edited there.
  bool editable(const clang::SourceManager &SM) const;
};

/// How a token of the invocation's arguments is written, as seen from
/// outside the invocation: the macro-argument levels of the invocation
/// itself are left out, so the token compares with the invocation's name
/// in spelledTogether().
TokenSpelling spellArgumentToken(clang::SourceLocation Loc,
                                 const MacroCall &Call,
                                 const clang::SourceManager &SM,
                                 const clang::LangOptions &LO);

/// Locates the invocation that produced Call. MacroNames are the macros
/// that may wrap the call (the allocator macros), outermost last or in any
/// order.
MacroCall locateCall(const clang::CallExpr *Call,
                     llvm::ArrayRef<llvm::StringRef> MacroNames,
                     clang::ASTContext &Context);

/// The arguments of an invocation written in one piece in a file, as
/// written (trimmed): the text between its parentheses split at top-level
/// commas. Empty when the text does not have that shape.
llvm::SmallVector<std::string, 2>
writtenArguments(const MacroCall &Call, const clang::SourceManager &SM,
                 const clang::LangOptions &LO);

/// The arguments in Text, an invocation "name(...)" as written (see
/// writtenArguments()), split where Clang's lexer sees top-level commas.
/// Empty when Text is not that shape or holds string or character
/// literals.
llvm::SmallVector<std::string, 2>
invocationArguments(llvm::StringRef Text, const clang::LangOptions &LO);

/// True when Loc comes, through any depth of macro expansions, from the
/// expansion Expansion.
bool isInExpansion(clang::SourceLocation Loc, clang::FileID Expansion,
                   const clang::SourceManager &SM);

/// True when Loc comes from the expansion Expansion: through the macro
/// expansions that hold it, or through the arguments that passed it on (an
/// invocation written in another macro's argument is expanded before that
/// macro).
bool isFromExpansion(clang::SourceLocation Loc, clang::FileID Expansion,
                     const clang::SourceManager &SM);

/// The names of the macros whose arguments Loc's token was written in, in
/// the order of the expansions that hold it: the macro whose body received
/// the token last comes first. A macro invoked in another's argument is
/// expanded before it, so this is "__pmd", "__pa" for the "pte" of
/// __pmd(__pa(pte) | flags).
llvm::SmallVector<std::string, 4>
enclosingMacroArguments(clang::SourceLocation Loc,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

} // namespace pgmigrate

#endif // PGMIGRATE_MACROCALL_H
