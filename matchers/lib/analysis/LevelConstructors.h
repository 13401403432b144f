//===- LevelConstructors.h - A unit's per-level table constructors -*- C++
//-*-===//
//
// --target=level converts a table to its level's constructor and destructor
// (pte_alloc_one_kernel()/pte_free_kernel(), pmd_alloc_one()/pmd_free(),
// ...) only where both are asm-generic's functions (include/asm-generic/
// pgalloc.h): their semantics are the ones the reference model has (the
// gfp mask, the constructor state, the address they ignore). A level the
// configuration folds (pgtable-nopmd.h's `#define pmd_alloc_one(mm, a)
// NULL`) has no such function, and an arch's own one (x86's p4d_alloc_one(),
// arm64's pud_free()) may do anything.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_LEVELCONSTRUCTORS_H
#define PGMIGRATE_ANALYSIS_LEVELCONSTRUCTORS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>

namespace pgmigrate {

/// The constructor and destructor of a level's kernel tables:
/// {"pte_alloc_one_kernel", "pte_free_kernel"}, {"pmd_alloc_one",
/// "pmd_free"}, ...; empty names for another level.
struct LevelFunctions {
  llvm::StringRef Constructor, Destructor;
  /// Whether the constructor takes the table's address after the mm.
  bool TakesAddress = false;
};
LevelFunctions levelFunctions(llvm::StringRef Level);

/// The levels (of pte, pmd, pud, p4d) whose constructor or destructor the
/// unit does not have as asm-generic's function, each with why
/// ("pmd_alloc_one() is a macro, not a function, in this configuration (a
/// folded level)", "... is not declared in this unit (...)",
/// "p4d_alloc_one() is the arch's own, at
/// arch/x86/include/asm/pgalloc.h:150, ...").
std::map<std::string, std::string>
unavailableLevels(clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_LEVELCONSTRUCTORS_H
