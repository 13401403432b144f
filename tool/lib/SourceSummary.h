//===- SourceSummary.h - What the pre-filter knows of one file --*- C++ -*-===//
//
// The pre-filter (UnitPrefilter.h) decides which units can matter without
// parsing any: it needs, for every file a unit may read, the identifiers
// the file spells, the files it includes and the macros it defines. This
// is one pass over the bytes, every #if branch taken (so it can only say
// more than the preprocessor would, never less), comments skipped. The
// text of string literals counts as identifiers too: an
// __attribute__((alias("name"))) names a function in a string.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_SOURCESUMMARY_H
#define PGMIGRATE_TOOL_SOURCESUMMARY_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pgmigrate {

struct SourceSummary {
  /// Every identifier of the file, sorted, each once.
  std::vector<std::string> Identifiers;

  struct Include {
    std::string Name;
    bool Angled = false;
    /// #include_next: the search goes on after the directory the including
    /// file was found in.
    bool Next = false;
  };
  std::vector<Include> Includes;
  /// An #include whose operand is a macro (#include TRACE_INCLUDE(...)):
  /// what it reads cannot be told from the text.
  bool ComputedInclude = false;

  /// One operand of a ## run: a parameter (by index), or text.
  struct PastePiece {
    int Param = -1; ///< -1: Text; the variadic parameter's index is too
    std::string Text;
  };
  struct Macro {
    std::string Name;
    /// The parameters of a function-like macro, in order ("__VA_ARGS__"
    /// or the name for the variadic one, which is last).
    std::vector<std::string> Params;
    bool Variadic = false;
    /// The replacement list as written, spaces normalised.
    std::string Replacement;
    /// Each ## run, operand by operand.
    std::vector<std::vector<PastePiece>> PasteRuns;
    /// The identifiers of the replacement list.
    std::vector<std::string> Body;
    /// Each run of ## in the replacement list as a pattern of the
    /// identifiers it may make: a parameter is '*' ("*_init" for
    /// `name##_init`).
    std::vector<std::string> Pastes;
  };
  std::vector<Macro> Macros;

  /// A #define or #undef directive before the file's last #include: it
  /// changes what a header means in this file alone.
  struct Define {
    std::string Name;
    /// The directive's normalised text.
    std::string Text;
    /// A function-like, non-variadic macro whose replacement list is only
    /// string literals, its parameters and KBUILD_* names (Kbuild defines
    /// them as strings): pr_fmt. It changes the text of strings, never code.
    bool BuildsAString = false;
  };
  std::vector<Define> DefinesBeforeLastInclude;
};

SourceSummary summarizeSource(llvm::StringRef Text);

/// The arguments of every invocation of macro Name, each argument as its
/// tokens: in the code of a file (InMacro: null; directives left out), or
/// in the replacement list of InMacro.
using MacroArguments = std::vector<std::vector<std::string>>;
std::vector<MacroArguments> invocationsOf(llvm::StringRef Name,
                                          llvm::StringRef FileText,
                                          const SourceSummary::Macro *InMacro);

/// The identifiers M's ## runs can make at one invocation, as patterns: a
/// parameter given one identifier or number (not a parameter of the macro
/// the invocation is in, Enclosing) is that text, any other is '*'.
std::vector<std::string>
instantiatePastes(const SourceSummary::Macro &M, const MacroArguments &Args,
                  const SourceSummary::Macro *Enclosing);

/// Whether Name can be made by Pattern ('*' matches any run, even empty).
bool pasteMatches(llvm::StringRef Pattern, llvm::StringRef Name);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_SOURCESUMMARY_H
