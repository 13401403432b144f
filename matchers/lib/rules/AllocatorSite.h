//===- AllocatorSite.h - What the allocation rules share --------*- C++ -*-===//
//
// The allocation rules (zeroed-page, ptdesc-address) both rewrite one call of
// an old allocator, written directly or through its allocator macro, into a
// call of the new API. This file holds what they share: locating the site
// and where to report it, the variable that receives the value, the page
// order, the new call's name and text, the "gains zeroing" note, the words
// of a refusal, and the edit.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ALLOCATORSITE_H
#define PGMIGRATE_ALLOCATORSITE_H

#include "support/MacroCall.h"
#include "support/TokenSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pgmigrate {

/// One call of an allocator (or of a free macro) as a rule sees it.
struct AllocatorSite {
  /// False when the call is not a candidate: not evaluated, in a system
  /// header, or inside the new API's own implementation.
  bool Candidate = false;
  MacroCall Where;
  const clang::FunctionDecl *Function = nullptr;
  /// Where findings about the site are reported: where the invocation is
  /// written in a macro body, else its name, else the call's expansion.
  clang::SourceLocation ReportAt;
};

/// Locates the invocation that produced Call (one of Macros, or the function
/// itself) and decides whether it is a candidate. ApiImplementationNames are
/// the functions that implement the new API: calls inside them stay.
AllocatorSite
locateAllocatorSite(const clang::CallExpr *Call,
                    llvm::ArrayRef<llvm::StringRef> Macros,
                    llvm::ArrayRef<std::string> ApiImplementationNames,
                    clang::ASTContext &Context);

/// Where a finding about the invocation Where of Call is reported.
clang::SourceLocation reportLocation(const MacroCall &Where,
                                     const clang::CallExpr *Call,
                                     const clang::SourceManager &SM);

/// The call as a refusal names it: its text in quotes when it is written
/// in one piece in a file (Editable), else "name()".
std::string refusalWhat(const MacroCall &Where, bool Editable,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

/// "not converted: <What> <Reason>" for a Reason that starts with "is ",
/// else "not converted: <What>: <Reason>".
std::string refusalMessage(llvm::StringRef What, llvm::StringRef Reason);

/// Why an invocation cannot be edited because of where it is written with
/// respect to macros (its name from a macro body, or written inside a macro
/// definition), or "".
std::string macroPlacementProblem(const MacroCall &Where);

/// Why the Tokens of the invocation Where cannot be edited together, or "":
/// macroPlacementProblem(), a token from a macro body, or tokens split
/// across macro arguments or files.
std::string editProblem(const MacroCall &Where,
                        llvm::ArrayRef<TokenSpelling> Tokens,
                        const clang::SourceManager &SM);

/// An invocation written whole in the definition of macro Where.BodyMacro
/// (every token in that body, in order, in one file) is edited there: one
/// edit serves every expansion, and the findings of the expansions agree or
/// none converts (FindingMerger.h, ProvenanceDecisions.h). Sets each
/// token's FileLoc to where the definition spells it and returns true; else
/// leaves Tokens alone and returns false.
bool spellInDefinition(const MacroCall &Where,
                       llvm::MutableArrayRef<TokenSpelling> Tokens,
                       const clang::SourceManager &SM);

/// The note a conversion in the definition of macro Name adds.
std::string definitionNote(llvm::StringRef Name);

/// What receives the value of an allocation.
struct AllocationTarget {
  /// The variable initialised or assigned with the value, if any (of any
  /// storage: the rules decide which they accept).
  const clang::VarDecl *Var = nullptr;
  /// The assignment "x = <value>", when the value is assigned.
  const clang::BinaryOperator *Assignment = nullptr;
  /// Where the value goes when no variable receives it, for messages
  /// ("is returned", "is passed to f()", "is stored in 'p->x'"); "" when
  /// the rule must say it in its own words.
  std::string Escape;
};

/// What receives the value Top: the expression that holds the allocation
/// once parentheses and casts are applied.
AllocationTarget allocationTarget(const clang::Expr *Top,
                                  clang::ASTContext &Context);

/// The name of the new allocator for a site: AllocName, with "_noprof" for
/// a direct call of a *_noprof function or inside a function whose name
/// ends in _noprof (which passes its caller's allocation tag on). A direct
/// call of a plain allocator (get_zeroed_page() before Linux 6.10) gets
/// AllocName, as the macro invocation of later trees does.
std::string newAllocatorName(llvm::StringRef AllocName, const MacroCall &Where,
                             const clang::FunctionDecl *Function);

/// "<Name>(<Gfp>, <Order>)" with a written "| __GFP_ZERO" dropped from Gfp
/// (the new API always zeroes).
std::string newAllocatorCall(llvm::StringRef Name, llvm::StringRef Gfp,
                             llvm::StringRef Order);

/// The note a conversion adds when the site gains zeroing: "" when the gfp
/// mask Gfp has __GFP_ZERO, "; gains zeroing: <WhyAbsent>" when it has
/// not, "; may gain zeroing: ..." when that cannot be told.
std::string zeroingNote(const clang::Expr *Gfp,
                        const clang::FunctionDecl *Function,
                        clang::ASTContext &Context, llvm::StringRef WhyAbsent);

/// An edit of the characters from the token at First to the token at Last
/// (both file locations), and the code it replaces, on one line.
struct TokenRangeEdit {
  clang::tooling::Replacement Edit;
  std::string Old;
};
TokenRangeEdit replaceTokens(clang::SourceLocation First,
                             clang::SourceLocation Last, llvm::StringRef New,
                             const clang::SourceManager &SM,
                             const clang::LangOptions &LO);

} // namespace pgmigrate

#endif // PGMIGRATE_ALLOCATORSITE_H
