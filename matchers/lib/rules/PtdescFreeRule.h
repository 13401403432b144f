//===- PtdescFreeRule.h - pagetable_free(virt_to_ptdesc(p)) ----*- C++ -*-===//
//
/// Rule "ptdesc-free": rewrites pagetable_free(virt_to_ptdesc(p)) into
/// pgtable_free(p) (or the configured free name), keeping p as written.
/// A call written inside a macro body, or split across macro boundaries, is
/// reported with the reason and left alone. Calls inside the functions that
/// implement the new API are not candidates. User documentation: the README's
/// rule table and `pgtable-migrate --list-rules`.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PTDESCFREERULE_H
#define PGMIGRATE_PTDESCFREERULE_H

#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"

namespace pgmigrate {

class PtdescFreeRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "ptdesc-free";

  explicit PtdescFreeRule(const MigrationOptions &Options);

  llvm::StringRef name() const override;
  void addTriggerNames(std::vector<std::string> &Names) const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;

private:
  std::string FreeName;
  std::vector<std::string> ApiImplementationNames;
};

} // namespace pgmigrate

#endif // PGMIGRATE_PTDESCFREERULE_H
