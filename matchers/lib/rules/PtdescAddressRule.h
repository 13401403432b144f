//===- PtdescAddressRule.h - ptdescs kept only for the address --*- C++ -*-===//
//
/// Rule "ptdesc-address": pt = pagetable_alloc(gfp, order) (or
/// pagetable_alloc_noprof()) whose ptdesc serves only for a NULL check and
/// its address (ptdesc_address(pt), ptdesc_to_virt(pt) or
/// page_address(ptdesc_page(pt))) becomes pgtable_alloc(gfp, order) (the
/// _noprof variant in a function whose name ends in _noprof, or for a direct
/// _noprof call). The ptdesc variable goes away:
///
///   struct ptdesc *pt = pagetable_alloc(gfp, 0);    return pgtable_alloc(gfp,
///   0); if (!pt)                                    ->
///           return NULL;
///   return ptdesc_address(pt);
///
/// where the code has exactly that shape; elsewhere the variable becomes
/// an address (named "table", or another free name) and its NULL checks
/// and ptdesc_address() calls read it. A written "| __GFP_ZERO" is dropped
/// (never inside a macro such as GFP_PGTABLE_KERNEL); a site that gains
/// zeroing says so. A ptdesc used for anything else (a ctor or dtor,
/// ptdesc_set_kernel(), pagetable_free(), a list, stored, returned, passed
/// on) is refused with the use that needs it.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PTDESCADDRESSRULE_H
#define PGMIGRATE_PTDESCADDRESSRULE_H

#include "analysis/UnitIndex.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"

namespace pgmigrate {

class PtdescAddressRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "ptdesc-address";

  explicit PtdescAddressRule(const MigrationOptions &Options);

  llvm::StringRef name() const override;
  void addTriggerNames(std::vector<std::string> &Names) const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;
  void startTranslationUnit() override { Index.clear(); }

private:
  /// Reports a conversion with its edits (sorted by offset; the site spans
  /// them all).
  void reportConversion(clang::SourceLocation ReportAt,
                        std::vector<clang::tooling::Replacement> Edits,
                        const std::string &Message,
                        const clang::SourceManager &SM,
                        FindingSink &Sink) const;

  std::string AllocName;
  std::vector<std::string> ApiImplementationNames;
  bool SkipDescriptorUses = false;
  UnitIndexCache Index;
};

} // namespace pgmigrate

#endif // PGMIGRATE_PTDESCADDRESSRULE_H
