//===- RenameDescriptorRule.h - pagetable_alloc() -> ptdesc_alloc() -*- C++
//-*-===//
//
/// Rule "rename-descriptor", AST half (on with RenameDescriptorApi only):
/// renames the descriptor allocator pagetable_alloc() and
/// pagetable_alloc_noprof() to DescriptorAllocName and its _noprof form in
/// every unit: function declarations, macro definitions (#define
/// pagetable_alloc(...) alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))),
/// the names' tokens in every macro body the unit defines, calls and other
/// uses, #ifdef/defined() references. One finding per token, each with
/// Finding::WholeRename, so the rename is made whole or not at all (see
/// WholeRenames.h): a declaration made by token pasting, a use that cannot
/// be edited, or a new name already declared in the unit is a refusal that
/// blocks it. A parameter, local, field, ... named like the allocator is
/// not the allocator: it is reported and left alone. The lexical half is
/// in pgmigrate/NameConflictsScan.h (LexicalRenameDecider).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RENAMEDESCRIPTORRULE_H
#define PGMIGRATE_RENAMEDESCRIPTORRULE_H

#include "pgmigrate/OptionSpec.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include "pgmigrate/UnitCoverage.h"
#include "llvm/ADT/StringSet.h"

namespace pgmigrate {

class RenameDescriptorRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "rename-descriptor";
  /// RenameDescriptorApi, DescriptorAllocName: see OptionSpec.h.
  static llvm::ArrayRef<OptionSpec> optionSpecs();

  explicit RenameDescriptorRule(const MigrationOptions &Options);

  llvm::StringRef name() const override;
  void addTriggerNames(std::vector<std::string> &Names) const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;
  void registerPPCallbacks(clang::Preprocessor &PP) override;
  void recordCoverage(UnitCoverage &Coverage) override;

  /// A token of an old name the preprocessor showed: a macro's own name, a
  /// token of a macro body, an expansion or a reference.
  struct PPSite {
    std::string Name;
    clang::SourceLocation Loc;
    std::string What;
    /// A macro's name (a declaration: never skipped as a body token).
    bool Definition = false;
  };

private:
  friend class DescriptorPPCallbacks;

  MigrationOptions Options;
  bool Active;
  llvm::StringSet<> Names;
  std::vector<PPSite> PPSites;
  const clang::Preprocessor *PP = nullptr;
  UnitCoverage *Coverage = nullptr;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RENAMEDESCRIPTORRULE_H
