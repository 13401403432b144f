//===- NameConflictsRule.h - Declarations named like the new API -*- C++
//-*-===//
//
/// Rule "name-conflicts", AST half: every declaration of the translation
/// unit written in a file (main file or header) whose name clashes with the
/// new API's names (MigrationOptions::conflictNames()): functions
/// (definitions and prototypes), macros, variables, fields, parameters
/// (function-pointer ones included), typedefs and enumerators. The new API's
/// own declarations are not conflicts: outside arch/, a function with the
/// API's signature (void *NAME(gfp_t, unsigned int) for the allocators and
/// their _noprof forms, void NAME(const void *) for the frees) and a
/// function-like macro that expands to NAME_noprof.
///
/// Each declaration is reported with its kind; with RenameConflicts it is
/// renamed (file-scope names take ConflictPrefix, parameters and locals
/// ConflictParamName, fields ConflictFieldName) together with every use in
/// the unit, one finding per token so that units that see a header agree.
/// A call through a parameter that a function-like macro of the same name
/// expands instead is reported as such: with the new API's macro it is
/// renamed to the parameter's new name (the call the code meant), with an
/// arch-local macro it keeps calling the (renamed) macro.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_NAMECONFLICTSRULE_H
#define PGMIGRATE_NAMECONFLICTSRULE_H

#include "pgmigrate/OptionSpec.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include "pgmigrate/UnitCoverage.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace pgmigrate {

class NameConflictsRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "name-conflicts";
  /// The rows of its options (ConflictPrefix, ...): see OptionSpec.h.
  static llvm::ArrayRef<OptionSpec> optionSpecs();

  explicit NameConflictsRule(const MigrationOptions &Options);

  llvm::StringRef name() const override;
  void addTriggerNames(std::vector<std::string> &Names) const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;
  void registerPPCallbacks(clang::Preprocessor &PP) override;
  void recordCoverage(UnitCoverage &Coverage) override;

  /// What the preprocessor showed: filled by the PPCallbacks.
  struct MacroDefinition {
    std::string Name;
    clang::SourceLocation Loc;
    bool FunctionLike = false;
    /// The new API's own macro (not a conflict).
    bool Api = false;
  };
  struct MacroUse {
    unsigned Macro;
    clang::SourceLocation Loc;
    /// An expansion; otherwise #ifdef, #ifndef, defined() or #undef.
    bool Expansion;
  };

private:
  friend class NameConflictsPPCallbacks;

  MigrationOptions Options;
  llvm::StringSet<> Names;
  std::vector<MacroDefinition> Macros;
  llvm::DenseMap<const clang::MacroInfo *, unsigned> MacroIndex;
  std::vector<MacroUse> MacroUses;
  const clang::Preprocessor *PP = nullptr;
  /// Where the preprocessor callbacks record coverage, when asked to.
  UnitCoverage *Coverage = nullptr;
};

} // namespace pgmigrate

#endif // PGMIGRATE_NAMECONFLICTSRULE_H
