//===- WholeRenames.h - Renames made whole or not at all --------*- C++ -*-===//
//
// A rename of a name across the tree (rule rename-descriptor:
// pagetable_alloc -> ptdesc_alloc) is one change: its findings share
// Finding::WholeRename, and the merge (FindingMerger.h) makes them all or
// none. Its token edits meet the other rules' conversions: a conversion
// that replaces a range around the token (ptdesc-address turns
// pagetable_alloc(gfp, order) into pgtable_alloc(gfp, order)) takes the
// token with it, so the token's rename yields to it instead of making an
// overlap; a conversion that is withdrawn leaves the token to the rename.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_WHOLERENAMES_H
#define PGMIGRATE_ANALYSIS_WHOLERENAMES_H

#include "pgmigrate/Finding.h"
#include <vector>

namespace pgmigrate {

/// Whether A and B are a whole rename and another rule's finding: they
/// never disagree, and their edits never conflict, before
/// applyWholeRenames() decides them.
bool renameMeetsOther(const Finding &A, const Finding &B);

/// After the other decisions (provenance, withdrawals, pairing):
///  1. each converted whole rename whose edit lies inside an edit of a
///     converted finding of another rule goes with it: it stays converted
///     without an edit of its own, saying so; when that edit's text still
///     spells the old name, the rename is a conflict instead;
///  2. a refused or conflicting finding of a whole rename withdraws every
///     conversion of that rename, with its place and reason.
void applyWholeRenames(std::vector<Finding> &Findings);

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_WHOLERENAMES_H
