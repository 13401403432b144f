//===- ZeroedPageRule.h - Page allocator pages that are tables --*- C++ -*-===//
//
/// Rule "zeroed-page": get_zeroed_page(gfp), __get_free_page(gfp) and
/// __get_free_pages(gfp, order) (the macros, or their *_noprof functions)
/// that allocate a CPU page table become pgtable_alloc(gfp, order), without
/// a written "| __GFP_ZERO" and without the pointer cast; the frees
/// free_page((unsigned long)p) and free_pages((unsigned long)p, order) of
/// page tables become pgtable_free(p).
///
/// A site converts only with evidence that the page is a page table: an
/// allocation whose variable is installed into an entry later in its
/// function (__pXd(__pa(v) ...), pXd_populate(mm, entry, v)); a free of a
/// pointer read out of an entry (pmd_page_vaddr(*pmd), pud_pgtable(*pud),
/// pXd_offset(parent, 0), ...) directly, through a local variable, or
/// through the parameter of a static function every call of which passes
/// one; or a free of the variable of a converted allocation in the same
/// function. Everything else is reported with the reason. Each finding
/// carries pairing keys (its variable, its table level in its arch): see
/// Pairing.h.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ZEROEDPAGERULE_H
#define PGMIGRATE_ZEROEDPAGERULE_H

#include "analysis/UnitIndex.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include <map>

namespace pgmigrate {

class ZeroedPageRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "zeroed-page";

  explicit ZeroedPageRule(const MigrationOptions &Options);
  ~ZeroedPageRule() override;

  llvm::StringRef name() const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;

  struct Site;
  struct Allocation;
  struct Free;
  /// Fills S.Where and S.Function; S.Site tells whether the call is a
  /// candidate at all (not in a system header, not inside the new API).
  void locateSite(const clang::CallExpr *Call,
                  llvm::ArrayRef<llvm::StringRef> Macros,
                  clang::ASTContext &Context, Site &S) const;

private:
  const Allocation &analyzeAllocation(const clang::CallExpr *Call,
                                      clang::ASTContext &Context);
  Free analyzeFree(const clang::CallExpr *Call, clang::ASTContext &Context);

  std::string AllocName;
  std::string FreeName;
  std::string TreeRoot;
  std::vector<std::string> ApiImplementationNames;
  UnitIndexCache Index;
  clang::ASTContext *MemoFor = nullptr;
  std::map<const clang::CallExpr *, std::unique_ptr<Allocation>> Memo;
};

} // namespace pgmigrate

#endif // PGMIGRATE_ZEROEDPAGERULE_H
