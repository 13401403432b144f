//===- Rule.h - The interface every migration rule implements ---*- C++ -*-===//
//
// A rule is AST matchers plus a handler, independent of any front end:
//
//   CLI:        Rule->registerMatchers(Finder, &Callback) with a
//               RuleMatchCallback that forwards to Rule->check(Result, Sink).
//   clang-tidy: the check's registerMatchers(Finder) calls
//               Rule->registerMatchers(*Finder, this); its check(Result)
//               calls Rule->check(Result, Sink) with a sink that turns each
//               Finding into diag() and fix-its.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULE_H
#define PGMIGRATE_RULE_H

#include "pgmigrate/Finding.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pgmigrate {

struct UnitCoverage;

class Rule {
public:
  virtual ~Rule();

  /// The rule's stable name (see Rules.h).
  virtual llvm::StringRef name() const = 0;

  /// Adds the rule's matchers to Finder; their matches go to Callback.
  virtual void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) = 0;

  /// The identifiers of which at least one is spelled, in a file the unit
  /// reads or in the body of a macro it expands, wherever the rule reports
  /// anything: the functions its matchers call for by name (the CLI's
  /// pre-filter, UnitPrefilter.h, skips units that spell none of them,
  /// nor anything the provenance solve connects to their sites).
  virtual void addTriggerNames(std::vector<std::string> &Names) const = 0;
  /// Handles one match of the rule's matchers: reports one finding per
  /// candidate site, converted or refused, to Sink.
  virtual void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
        FindingSink &Sink) = 0;

  /// For rules that watch the preprocessor (macro definitions and
  /// expansions): called once per translation unit before it is parsed,
  /// like ClangTidyCheck::registerPPCallbacks. The callbacks must be done
  /// before check() runs at the end of the unit.
  virtual void registerPPCallbacks(clang::Preprocessor &PP) {}

  /// Called when the matchers start on a translation unit's AST: a rule
  /// drops what it kept about the previous one (a new ASTContext may reuse
  /// the old one's address, so a pointer cannot tell them apart).
  virtual void startTranslationUnit() {}

  /// For a rule with a lexical half that decides what no unit saw
  /// (name-conflicts): its preprocessor callbacks also record which files
  /// each later unit reads and what its preprocessor skips, into Coverage
  /// (see UnitCoverage.h). Call before registerPPCallbacks; front ends that
  /// run no lexical half need not call it. Other rules ignore it.
  virtual void recordCoverage(UnitCoverage &Coverage) {}
};

/// Connects a rule to a MatchFinder outside clang-tidy.
class RuleMatchCallback
    : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  RuleMatchCallback(Rule &R, FindingSink &Sink) : R(R), Sink(Sink) {}

  /// Registers R's matchers with this callback.
  void registerWith(clang::ast_matchers::MatchFinder &Finder) {
    R.registerMatchers(Finder, this);
  }
  void
  run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override {
    R.check(Result, Sink);
  }
  void onStartOfTranslationUnit() override { R.startTranslationUnit(); }
  llvm::StringRef getID() const override { return R.name(); }

private:
  Rule &R;
  FindingSink &Sink;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULE_H
