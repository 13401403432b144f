//===- FactsPruning.h - Keep only the facts a solve can use -----*- C++ -*-===//
//
// A unit's code moves many pointer-wide values around; few of them can
// meet a page from the allocator. Pruning keeps the parts of the facts
// connected to something that matters: an allocation or free site, an
// install or a read of a table, an escape; or that can carry a value between
// units (two parameters, results, fields or globals, or one with a value of
// unknown origin). Calls keep when one of their arguments does.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FACTSPRUNING_H
#define PGMIGRATE_FACTSPRUNING_H

#include "pgmigrate/ProvenanceFacts.h"

namespace pgmigrate {

void pruneFacts(ProvenanceFacts &Facts);

} // namespace pgmigrate

#endif // PGMIGRATE_FACTSPRUNING_H
