//===- PgtableMigrateTidyModule.cpp - The pgtable-* checks ----------------===//
//
// The clang-tidy module of pgtable-migrate, loaded with
// `clang-tidy-16 -load=libPgtableMigrateTidy.so -checks='-*,pgtable-*'`.
// It only registers: each rule of matchers/ is the check "pgtable-<rule>"
// (RuleCheck), with the option groups the rule reads; a new rule is one
// line here (plugin.test fails while a rule has no check).
//
//===----------------------------------------------------------------------===//

#include "RuleCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "pgmigrate/Rules.h"

namespace pgmigrate::tidy {
namespace {

class PgtableMigrateModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    add(Factories, rule_names::PtdescAddress, TargetNames);
    add(Factories, rule_names::PtdescFree, TargetNames);
    add(Factories, rule_names::ZeroedPage, TargetNames | Pairing);
    add(Factories, rule_names::NameConflicts, TargetNames | ConflictRenaming);
  }

private:
  static void add(clang::tidy::ClangTidyCheckFactories &Factories,
                  llvm::StringRef RuleName, unsigned Groups) {
    if (!findRule(RuleName))
      return; // never pretend: a rule that does not exist has no check
    Factories.registerCheckFactory(
        ("pgtable-" + RuleName).str(),
        [RuleName, Groups](llvm::StringRef CheckName,
                           clang::tidy::ClangTidyContext *Context) {
          return std::make_unique<RuleCheck>(CheckName, Context, RuleName,
                                             Groups);
        });
  }
};

} // namespace
} // namespace pgmigrate::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<
    pgmigrate::tidy::PgtableMigrateModule>
    Registration("pgtable-migrate-module",
                 "pgtable-migrate: move Linux arch code to "
                 "pgtable_alloc()/pgtable_free()");
