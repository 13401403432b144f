//===- RuleOnCode.h - One rule over a code string, for unit tests -*- C++
//-*-===//
//
// What the CLI does for one unit, on code in memory: the rule's matchers
// and preprocessor callbacks over Code, compiled as C with Args, and the
// findings sorted. Headers are extra files in memory (path, contents).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TESTS_RULEONCODE_H
#define PGMIGRATE_TESTS_RULEONCODE_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <algorithm>

namespace pgmigrate::testing {

/// The flags that compile Code against the reference model's headers.
inline std::vector<std::string> referenceModelArgs() {
  return {"-xc", "-std=gnu11", "-isystem", PGMIGRATE_REFIMPL_INCLUDE};
}

inline std::vector<Finding>
runRuleOnCode(llvm::StringRef RuleName, llvm::StringRef Code,
              const MigrationOptions &Options, std::vector<std::string> Args,
              llvm::StringRef File,
              const clang::tooling::FileContentMappings &Headers = {}) {
  // Before parsing: the rule's preprocessor callbacks, as the runner does.
  struct Hooks : clang::tooling::SourceFileCallbacks {
    explicit Hooks(Rule &R) : R(R) {}
    bool handleBeginSource(clang::CompilerInstance &CI) override {
      R.registerPPCallbacks(CI.getPreprocessor());
      return true;
    }
    Rule &R;
  };
  FindingCollector Sink;
  std::unique_ptr<Rule> R = createRule(RuleName, Options);
  EXPECT_TRUE(R);
  if (!R)
    return {};
  clang::ast_matchers::MatchFinder Finder;
  RuleMatchCallback Callback(*R, Sink);
  Callback.registerWith(Finder);
  Hooks H(*R);
  std::unique_ptr<clang::tooling::FrontendActionFactory> Factory =
      clang::tooling::newFrontendActionFactory(&Finder, &H);
  EXPECT_TRUE(clang::tooling::runToolOnCodeWithArgs(
      Factory->create(), Code, Args, File, "pgmigrate-test",
      std::make_shared<clang::PCHContainerOperations>(), Headers));
  std::sort(Sink.Findings.begin(), Sink.Findings.end());
  return Sink.Findings;
}

} // namespace pgmigrate::testing

#endif // PGMIGRATE_TESTS_RULEONCODE_H
