//===- PgtableMigrateTidyModule.cpp - The pgtable-* checks ----------------===//
//
// The clang-tidy module of pgtable-migrate, loaded with
// `clang-tidy-16 -load=libPgtableMigrateTidy.so -checks='-*,pgtable-*'`.
// It only registers: every row of the rule registry (Rules.h) is the check
// "pgtable-<rule>" (RuleCheck), which reads the rule's options.
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
    for (const RuleInfo &Info : allRules())
      Factories.registerCheckFactory(
          ("pgtable-" + Info.Name).str(),
          [&Info](llvm::StringRef CheckName,
                  clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<RuleCheck>(CheckName, Context, Info);
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
