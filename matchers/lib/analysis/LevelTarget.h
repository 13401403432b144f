//===- LevelTarget.h - --target=level: per-level constructors ---*- C++ -*-===//
//
// Under --target=level a converted group of kernel page tables becomes its
// level's constructor and destructor instead of pgtable_alloc() and
// pgtable_free():
//
//   pte  pte_alloc_one_kernel(&init_mm)       pte_free_kernel(&init_mm, p)
//   pmd  pmd_alloc_one(&init_mm, addr)        pmd_free(&init_mm, p)
//   pud  pud_alloc_one(&init_mm, addr)        pud_free(&init_mm, p)
//   p4d  p4d_alloc_one(&init_mm, addr)        p4d_free(&init_mm, p)
//
// The solve's half (levelBlocker()) decides from the group's facts: its
// tables are kernel tables (every install is into init_mm's tables or made
// where no mm is in scope), of one level, at order 0, and the destructor's
// pairing holds: the pmd and pud constructors leave state (a page type, a
// split ptlock) that only their destructor undoes, so a free of tables read
// out of entries of that level, in the group or anywhere in its
// configurations, could free a constructed table without it (or run the
// destructor on a table that never had the constructor). The kernel pte
// constructor leaves none (Linux 6.12), so a pte table may still be freed
// through an entry as an order-0 page.
//
// The findings' half (levelFormProblem(), levelEdit()) checks what each
// site's rule recorded (Finding::Level): the constructor is asm-generic's in
// every configuration that sees the site, the gfp mask is the one the
// constructor uses, the value's type fits, the address is in scope.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_LEVELTARGET_H
#define PGMIGRATE_ANALYSIS_LEVELTARGET_H

#include "analysis/ProvenanceGroups.h"
#include "pgmigrate/Finding.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pgmigrate {

/// The frees of tables read out of entries, by (configuration, level), with
/// the index of each one's group.
using EntryReadFrees =
    std::map<std::pair<std::string, std::string>,
             std::vector<std::pair<const MergedSite *, size_t>>>;
EntryReadFrees entryReadFrees(llvm::ArrayRef<GroupSummary> Groups);

/// The group's single level, or "" (with why in Why).
std::string groupLevel(const GroupSummary &Group, std::string &Why);

/// Why the group Index (of Groups, whose entry-read frees are Frees) cannot
/// take its level's constructor and destructor, or "".
std::string levelBlocker(const GroupSummary &Group, size_t Index,
                         const EntryReadFrees &Frees);

/// Why a converted finding of a group of Level has no per-level form, or
/// "".
std::string levelFormProblem(const Finding &F, llvm::StringRef Level);

/// Turns a converted finding (that levelFormProblem() accepts) into its
/// per-level form: the new API's call replaced in its edits (and guarded
/// edits) and message.
void applyLevelForm(Finding &F, llvm::StringRef Level);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_LEVELTARGET_H
