//===- UnitFindings.h - What one translation unit can decide ----*- C++ -*-===//
//
// The CLI merges the findings of every unit of a run before it decides; a
// clang-tidy check sees one unit. settleUnitFindings() does for one unit
// what the CLI does after its merge, and refuses, with the reason, every
// conversion whose fate depends on units the check cannot see.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TIDY_UNITFINDINGS_H
#define PGMIGRATE_TIDY_UNITFINDINGS_H

#include "pgmigrate/Finding.h"
#include <vector>

namespace pgmigrate::tidy {

/// Sorts Findings, drops repeats (a macro definition reports once per
/// expansion), and withdraws the conversions one unit cannot decide.
void settleUnitFindings(std::vector<Finding> &Findings);

} // namespace pgmigrate::tidy

#endif // PGMIGRATE_TIDY_UNITFINDINGS_H
