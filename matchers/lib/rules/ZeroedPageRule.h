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

private:
  struct Site;
  struct Allocation;
  struct Free;
  struct PointerSource;
  struct LevelMerger;

  /// The allocation of Call, analysed once per translation unit (a free
  /// looks at the allocation of its variable).
  const Allocation &analyzeAllocation(const clang::CallExpr *Call,
                                      clang::ASTContext &Context);
  /// Where the value goes: sets A.Top, A.OuterCast, A.Var and A.IntegerUse;
  /// returns how the value escapes when no variable keeps it.
  std::string findAllocationTarget(Allocation &A,
                                   clang::ASTContext &Context) const;
  /// Looks for the variable's installation into a page-table entry later
  /// in the function; refuses the allocation without one.
  void findInstallation(Allocation &A, clang::ASTContext &Context);
  /// Refuses a gfp mask with (or perhaps with) __GFP_HIGHMEM.
  void checkHighmem(Allocation &A, const clang::CallExpr *Call,
                    clang::ASTContext &Context) const;
  /// The edit [cast] invocation -> pgtable_alloc(gfp, order) and the
  /// message, or the refusal that prevents it.
  void makeAllocationEdit(Allocation &A, const clang::CallExpr *Call,
                          bool HasOrderArgument, bool Zeroed,
                          clang::ASTContext &Context) const;

  Free analyzeFree(const clang::CallExpr *Call, clang::ASTContext &Context);
  /// Whether the freed expression E is a page table and of which level.
  PointerSource sourceOf(const clang::Expr *E, unsigned Depth,
                         clang::ASTContext &Context);
  /// Every value Var is given in its function (the incoming value of a
  /// parameter included) must be a table of one level. Freed is the freed
  /// expression when Var is the freed variable itself.
  PointerSource sourceOfVariable(const clang::VarDecl *Var, unsigned Depth,
                                 const clang::Expr *Freed,
                                 clang::ASTContext &Context);
  /// The incoming value of a parameter of a static function: what every
  /// call passes.
  PointerSource sourceOfParameter(const clang::ParmVarDecl *Parm,
                                  unsigned Depth, clang::ASTContext &Context);
  /// The values written into Var (At: where), merged into Merge.
  PointerSource sourceOfValues(
      const clang::VarDecl *Var,
      llvm::ArrayRef<std::pair<const clang::Expr *, clang::SourceLocation>>
          Values,
      const clang::Expr *Freed, LevelMerger &Merge, clang::ASTContext &Context);
  /// The edit invocation -> pgtable_free(p) and the message, or the
  /// refusal that prevents it.
  void makeFreeEdit(Free &R, const clang::CStyleCastExpr *Cast,
                    const clang::Expr *Pointer,
                    clang::ASTContext &Context) const;

  /// Reports a site, with its role, order and pairing keys.
  void report(const Site &S, const clang::CallExpr *Call, PairingRole Role,
              clang::ASTContext &Context, FindingSink &Sink) const;

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
