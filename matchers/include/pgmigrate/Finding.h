//===- Finding.h - What a rule reports about one site -----------*- C++ -*-===//
//
// A finding is the unit every rule emits and every front end consumes: the
// CLI merges them across translation units, a clang-tidy check turns each
// into one diagnostic with its fix-its.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FINDING_H
#define PGMIGRATE_FINDING_H

#include "pgmigrate/PairingKey.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

enum class FindingKind {
  /// The site is rewritten by the finding's replacements.
  Converted,
  /// A candidate the rule will not rewrite; the message says why.
  Refused,
  /// Translation units disagree about the site; it is left alone.
  Conflict,
};

/// "converted", "refused" or "conflict".
llvm::StringRef kindName(FindingKind Kind);

/// What a site does to the object it pairs on (see Pairing.h).
enum class PairingRole {
  None,
  /// The site allocates the object (a page table).
  Allocation,
  /// The site frees it.
  Free,
};

/// What the per-level form of a converted site needs (--target=level,
/// LevelTarget.h): the solve tells the group's level, this tells how the
/// site's edits spell that level's constructor or destructor and whether
/// they may.
struct LevelForm {
  /// The new API's call as the site's edits write it
  /// ("pgtable_alloc(GFP_KERNEL, 0)", "pgtable_free(pte)"): the level form
  /// is the same edits with this call replaced. Empty when the rule has no
  /// level form of the site (Problem says why).
  std::string Call;
  /// An allocation: its gfp mask as written.
  std::string Gfp;
  /// A free: the freed pointer as the edit writes it.
  std::string Freed;
  /// The pointer type the allocation's value is used as, or the free's
  /// pointer has ("pmd_t *"); the constructor's type, or "void *", may
  /// take the place of the new API's void pointer.
  std::string Type;
  /// An allocation: the address its table maps, as written in scope at the
  /// site (from the *_offset() of the entry it is installed in), or "" with
  /// NoAddress saying why.
  std::string Address;
  std::string NoAddress;
  /// Why the site has no level form, or "".
  std::string Problem;
  /// The level whose constructor or destructor the site's edits were given
  /// (applyLevelForm()), or "".
  std::string Applied;
  /// Levels ("pte", ...) whose constructor or destructor some configuration
  /// that sees the site lacks or has as its own (not asm-generic's), with
  /// why; merging identical findings unites them.
  std::map<std::string, std::string> Unavailable;
};

/// One site a rule looked at. Every match a rule makes becomes exactly one
/// finding: a rule never drops a candidate silently.
struct Finding {
  std::string Rule;
  FindingKind Kind = FindingKind::Refused;
  /// Where the site is written: absolute path, 0-based byte offset, 1-based
  /// line and column (column in bytes, as clang prints it).
  std::string FilePath;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  /// What was done or, for a refusal, the reason.
  std::string Message;
  /// For a site the provenance solve decides (ObjectSite set): what the
  /// message ends with once the solve has put its evidence after Message
  /// ("; gains zeroing: ...").
  std::string MessageNote;
  /// The edits of a converted site, with absolute file paths. They are
  /// applied all together or not at all.
  std::vector<clang::tooling::Replacement> Replacements;
  /// A free that can also be converted under a NULL test it adds
  /// (`if (p)\n\tpgtable_free(p)`): the edits and the message of that form,
  /// which the provenance decision uses when the free may be given NULL.
  /// Empty when the rule cannot add one (the free is not a statement of
  /// its own, or its argument has side effects).
  std::vector<clang::tooling::Replacement> GuardedReplacements;
  std::string GuardedMessage;
  /// Set when the provenance decision chose the guarded form: Replacements
  /// were GuardedReplacements then, though the CLI later splits and
  /// formats them.
  bool AddsNullTest = false;
  /// The code the rule matched, as characters of one file after macro
  /// expansion: the edited range of a converted site; for a refused call
  /// produced by a macro invocation, the invocation. Translation units that
  /// see the same code give overlapping sites, which is how the CLI finds
  /// units that disagree. Not part of the finding's identity (a refusal
  /// reported at a macro definition has one site per expansion).
  std::string SiteFile;
  unsigned SiteOffset = 0;
  unsigned SiteLength = 0;
  /// The same place as FilePath/Offset in the translation unit that produced
  /// the finding. Valid only while that unit's SourceManager lives (for
  /// in-process front ends such as a clang-tidy check); ignored by
  /// comparisons.
  clang::SourceLocation Loc;

  /// The allocation or free call whose object the provenance solve decides
  /// (siteKey() in ProvenanceCollector.h), or "" for a site that needs no
  /// solve. The solve turns it into a pairing key.
  std::string ObjectSite;
  /// A site written in a macro's definition is one edit for every
  /// expansion, each its own object site: the others this finding stands
  /// for (merging identical findings unites them). Every one must convert
  /// for the edit to be made.
  std::vector<std::string> MoreObjectSites;

  /// A rename of one name across the whole tree, made whole or not at all
  /// (rule rename-descriptor: the old name, "pagetable_alloc"): findings
  /// that share it convert together, and a refusal or a conflict among them
  /// withdraws the others (see WholeRenames.h). Its token edit yields to a
  /// conversion of another rule whose edit contains the token and rewrites
  /// it away. Empty for other findings. Not part of the finding's identity.
  std::string WholeRename;

  /// Pairing (see Pairing.h): findings that share a key convert together or
  /// not at all, whatever translation unit reported them. Not part of the
  /// finding's identity: merging identical findings unites their keys.
  std::vector<PairingKey> PairingKeys;
  PairingRole Role = PairingRole::None;
  /// The page order the site allocates or frees, when it is a constant;
  /// members of one pairing group must agree on it.
  std::optional<uint64_t> Order;
  /// The site's per-level form (allocations and frees of page tables).
  LevelForm Level;
};

/// Orders findings by file, offset, rule, kind, message, then edits (the
/// identity of a finding: Site and Loc do not take part).
bool operator<(const Finding &LHS, const Finding &RHS);
/// Equal in everything but the site and Loc.
bool operator==(const Finding &LHS, const Finding &RHS);
inline bool operator!=(const Finding &LHS, const Finding &RHS) {
  return !(LHS == RHS);
}

/// Where rules put their findings. Each front end has its own: the CLI
/// collects them per translation unit, a clang-tidy check emits diagnostics.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(Finding F) = 0;
};

/// A sink that keeps every finding, in the order reported.
class FindingCollector : public FindingSink {
public:
  void report(Finding F) override { Findings.push_back(std::move(F)); }
  std::vector<Finding> Findings;
};

} // namespace pgmigrate

#endif // PGMIGRATE_FINDING_H
