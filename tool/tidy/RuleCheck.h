//===- RuleCheck.h - A migration rule as a clang-tidy check -----*- C++ -*-===//
//
/// RuleCheck runs one rule of the matchers/ library as the clang-tidy check
/// "pgtable-<rule>": the rule's matchers report to this check, the rule
/// turns each match into findings, and at the end of the translation unit
/// every finding becomes one diagnostic with the CLI's message at the CLI's
/// location; a converted finding carries its edits as fix-its, a refused one
/// none. The check has no rule logic of its own. What one translation unit
/// cannot decide (see UnitFindings.h) is refused with the reason. User
/// documentation: tool/README.md, "clang-tidy plugin".
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_RULECHECK_H
#define PGMIGRATE_TIDY_RULECHECK_H

#include "UnitFindings.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Provenance.h"
#include "pgmigrate/Rule.h"
#include "pgmigrate/Rules.h"
#include "pgmigrate/RunDecisions.h"
#include <memory>
#include <vector>

namespace pgmigrate::tidy {

class RuleCheck : public clang::tidy::ClangTidyCheck, private FindingSink {
public:
  /// The check CheckName over the rule of Info, reading the rule's options
  /// (Info.optionSpecs()) and, for a rule that pairs, PairingScope.
  RuleCheck(llvm::StringRef CheckName, clang::tidy::ClangTidyContext *Context,
            const RuleInfo &Info);
  ~RuleCheck() override;

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void report(Finding F) override;
  void emit(const Finding &F);

  std::string CheckName;
  const RuleInfo &Info;
  OptionSettings Settings;
  PairingScope Scope = PairingScope::Run;
  /// FactsFile: a pgtable-migrate --facts-out file whose decisions the
  /// check takes; Decisions is its contents (shared by every check).
  std::string FactsFile;
  const RunDecisions *Decisions = nullptr;
  /// Null when the options are invalid (reported once, then the check does
  /// nothing).
  std::unique_ptr<Rule> TheRule;
  /// How the unit's provenance facts are solved (StrictFamilies).
  ProvenanceOptions Provenance;
  const clang::SourceManager *SM = nullptr;
  clang::ASTContext *Context = nullptr;
  std::vector<Finding> Findings;
};

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_RULECHECK_H
