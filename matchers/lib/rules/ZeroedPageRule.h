//===- ZeroedPageRule.h - Page allocator pages that are tables --*- C++ -*-===//
//
/// Rule "zeroed-page": get_zeroed_page(gfp), __get_free_page(gfp) and
/// __get_free_pages(gfp, order) (the macros, or their *_noprof functions)
/// that allocate a CPU page table become pgtable_alloc(gfp, order), without
/// a written "| __GFP_ZERO" and without the pointer cast; the frees
/// free_page((unsigned long)p) and free_pages((unsigned long)p, order) of
/// page tables become pgtable_free(p).
///
/// Whether a site is a page table, and which sites convert together, is
/// the provenance solve's to decide (Provenance.h): the rule reports each
/// site with its edit (or the local reason it cannot be edited: a type
/// change, __GFP_HIGHMEM, an order that is not a constant, macros), its
/// role and order, and its object site key (Finding::ObjectSite).
///
/// A page kept in an unsigned long local is converted by retyping the
/// local when every use of it allows (IntegerHolder.h): the allocation's
/// finding carries the declaration's and the casts' edits, its frees
/// convert with it through their object group.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ZEROEDPAGERULE_H
#define PGMIGRATE_ZEROEDPAGERULE_H

#include "pgmigrate/OptionSpec.h"
#include "pgmigrate/Options.h"
#include "pgmigrate/Rule.h"
#include "support/TokenSpelling.h"
#include <string>
#include <vector>

namespace pgmigrate {

class ZeroedPageRule : public Rule {
public:
  /// The rule's stable name (see Rules.h).
  static constexpr llvm::StringLiteral Name = "zeroed-page";

  explicit ZeroedPageRule(const MigrationOptions &Options);

  /// The rule's option rows (StrictFamilies, for the provenance solve).
  static llvm::ArrayRef<OptionSpec> optionSpecs();
  ~ZeroedPageRule() override;

  llvm::StringRef name() const override;
  void addTriggerNames(std::vector<std::string> &Names) const override;
  void registerMatchers(
      clang::ast_matchers::MatchFinder &Finder,
      clang::ast_matchers::MatchFinder::MatchCallback *Callback) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result,
             FindingSink &Sink) override;

private:
  struct Site;
  struct Allocation;
  struct Free;

  Allocation analyzeAllocation(const clang::CallExpr *Call,
                               clang::ASTContext &Context) const;
  /// Where the value goes: sets A.Top, A.OuterCast and A.IntegerUse.
  void findAllocationTarget(Allocation &A, clang::ASTContext &Context) const;
  /// Refuses a gfp mask with (or perhaps with) __GFP_HIGHMEM.
  void checkHighmem(Allocation &A, const clang::CallExpr *Call,
                    clang::ASTContext &Context) const;
  /// The edit [cast] invocation -> pgtable_alloc(gfp, order) and the
  /// message, or the refusal that prevents it.
  void makeAllocationEdit(Allocation &A, const clang::CallExpr *Call,
                          bool HasOrderArgument, bool Zeroed,
                          clang::ASTContext &Context) const;

  Free analyzeFree(const clang::CallExpr *Call,
                   clang::ASTContext &Context) const;
  /// The edit invocation -> pgtable_free(p) and the message, or the
  /// refusal that prevents it. Pointer is p: under the (unsigned long)
  /// Cast, or (Cast null) an integer local its allocation retypes.
  void makeFreeEdit(Free &R, const clang::CStyleCastExpr *Cast,
                    const clang::Expr *Pointer,
                    clang::ASTContext &Context) const;
  /// makeFreeEdit() for a free written whole in a macro's definition, from
  /// where the definition spells its name and closing parenthesis.
  void makeFreeEditInDefinition(Free &R, const TokenSpelling &Name,
                                const TokenSpelling &End, bool HasCast,
                                const clang::SourceManager &SM,
                                const clang::LangOptions &LO) const;

  /// The same edit under an added NULL test, when the free allows one.
  void makeGuardedFreeEdit(Free &R, const clang::Expr *Freed,
                           llvm::StringRef FreedText,
                           clang::ASTContext &Context) const;

  /// Reports a site, with its role, order and object site key.
  void report(const Site &S, const clang::CallExpr *Call, PairingRole Role,
              clang::ASTContext &Context, FindingSink &Sink) const;

  std::string AllocName;
  std::string FreeName;
  std::vector<std::string> ApiImplementationNames;
};

} // namespace pgmigrate

#endif // PGMIGRATE_ZEROEDPAGERULE_H
