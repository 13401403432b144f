//===- Provenance.h - Which pages are tables, which sites move together --===//
//
// The solve over the facts of every unit of a run (ProvenanceFacts.h). It
// joins the nodes that flows connect into object groups (union-find,
// context-insensitive, fields by record and name), and decides each group
// as a whole: it converts when something shows it holds page tables (an
// install into an entry, a read out of one, a kernel hook's contract) and
// nothing blocks it (a value that escapes or comes from somewhere the facts
// do not follow, a function no unit defines, orders that disagree).
//
// Entries are not objects: a table read out of an entry may come from any
// allocator, so a read is evidence of its level but never joins the groups
// of the tables installed at that level (unless StrictFamilies). A free of
// such a read converts when every precise origin it has converts; at order
// 0 that is safe whatever allocated the page (pgtable_free() frees
// compound_order() pages); above order 0 a group with an entry read is
// refused.
//
// The rules still decide how to edit a site; a group with a member the
// rules cannot edit is refused by the pairing pass (Pairing.h), which
// gets each finding's group as a PairingKey::object().
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PROVENANCE_H
#define PGMIGRATE_PROVENANCE_H

#include "pgmigrate/ProvenanceFacts.h"
#include "llvm/ADT/ArrayRef.h"
#include <map>
#include <string>
#include <vector>

namespace pgmigrate {

/// The kernel interfaces whose other side is not in the facts
/// (matchers/contracts/kernel-hooks.def, where each says why).
struct KernelContracts {
  /// A pair of generic hooks: generic code installs what Alloc returns as a
  /// table of Level, and frees tables of that level (its own, or ones it
  /// reads out of entries) by passing them to Free as argument FreeIndex.
  struct TableHooks {
    std::string Level, Alloc, Free;
    unsigned FreeIndex = 0;
  };
  /// A field that holds a root table like an entry does (mm->pgd): a store
  /// into it installs a table of Level, a load reads one, and it joins no
  /// groups.
  struct RootField {
    std::string Record, Field, Level;
  };
  std::vector<TableHooks> Hooks;
  std::vector<RootField> RootFields;
  /// Functions that read a pointer argument and neither keep nor free it
  /// (__phys_addr(), memset(), ...): passing a table to one is no escape
  /// even where no unit defines it.
  std::vector<std::string> Readers;
  /// The other allocators (slab, vmalloc, memblock) and their frees: what
  /// one returns is no page of this family, and what one frees must be its
  /// own object. Their bodies are not followed.
  std::vector<std::string> OtherAllocators;
  std::vector<std::string> OtherFrees;

  /// The contracts of matchers/contracts/kernel-hooks.def.
  static const KernelContracts &kernel();

  /// The name contracts match a function (FN) by: the part after '#', with
  /// a trailing "_noprof" (memory-allocation profiling) removed.
  static llvm::StringRef plainName(llvm::StringRef Function);
  /// The hooks whose Alloc (Free) is Function by its plain name, or null.
  const TableHooks *hooksAllocating(llvm::StringRef Function) const;
  const TableHooks *hooksFreeing(llvm::StringRef Function) const;
  /// Function, by its plain name, is a reader.
  bool isReader(llvm::StringRef Function) const;
  /// Function, by its plain name, is another allocator, or its free.
  bool isOtherAllocator(llvm::StringRef Function) const;
  bool isOtherFree(llvm::StringRef Function) const;
  /// The root field Record.Field, or null.
  const RootField *rootField(llvm::StringRef Record,
                             llvm::StringRef Field) const;
};

struct ProvenanceOptions {
  /// Reads out of entries join every group of their level and
  /// configuration (--strict-families): for trees preparing for separately
  /// allocated ptdescs, where a free must know its table's allocator.
  bool StrictFamilies = false;
  /// --target=level: a converted group of kernel tables becomes its
  /// level's constructor and destructor (LevelTarget.h); any other group
  /// is refused.
  bool LevelTarget = false;
};

/// The decision about one allocation or free site.
struct SiteDecision {
  /// The site's group holds page tables and nothing blocks it.
  bool Convert = false;
  /// Why not, naming the flow that blocks the group: "'p4d' is stored
  /// through a pointer at arch/x86/mm/foo.c:12".
  std::string Reason;
  /// A converted free that may be given NULL and does not test for it:
  /// why. It converts only under a NULL test the conversion adds
  /// (Finding::GuardedReplacements); if the rule cannot add one, the whole
  /// group is refused for this reason.
  std::string NullTest;
  /// What shows it is a table, for a converted site's message: "p4d table,
  /// installed by __pgd(__pa()) at arch/x86/kernel/machine_kexec_64.c:170".
  std::string Evidence;
  /// The group: numbered from 1 in the order of each group's first site
  /// key; Name describes it ("the object allocated at
  /// arch/x86/mm/init_64.c:120").
  unsigned Group = 0;
  std::string GroupName;
  /// The call as written and where, for messages about the site.
  std::string Call;
  SourcePlace At;
  /// Every node of the group is private to the unit that showed it (local
  /// variables, static functions of a .c file, its sites): a front end that
  /// sees one unit can decide it alone.
  bool UnitLocal = false;
  /// --target=level: the group's level ("pte", "pmd", "pud", "p4d") and
  /// what keeps it from its level's constructor and destructor (the
  /// solve's half: kernel tables, one level, order 0, the destructor's
  /// pairing); the findings' half is checked when they take the decision.
  std::string Level;
  std::string LevelBlocker;
};

struct ProvenanceResult {
  /// By site key (Finding::ObjectSite).
  std::map<std::string, SiteDecision> Sites;
  /// Groups that have at least one site.
  unsigned Groups = 0;
};

ProvenanceResult solveProvenance(llvm::ArrayRef<ProvenanceFacts> Units,
                                 const KernelContracts &Contracts,
                                 const ProvenanceOptions &Options = {});

} // namespace pgmigrate

#endif // PGMIGRATE_PROVENANCE_H
