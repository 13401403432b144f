//===- ProvenanceDecisions.h - The solve's verdicts on findings -*- C++ -*-===//
//
// After the findings of a run are merged, each one with an object site
// (Finding::ObjectSite) takes the solve's decision about its site: a
// conversion gets its evidence, or is withdrawn with the reason that blocks
// its group; every such finding gets its group as a pairing key, so that a
// member the rules could not edit withdraws the others (Pairing.h).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PROVENANCEDECISIONS_H
#define PGMIGRATE_PROVENANCEDECISIONS_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/Provenance.h"
#include <vector>

namespace pgmigrate {

/// With LevelTarget (--target=level), a converted group of kernel tables
/// takes its level's constructor and destructor (LevelTarget.h), and any
/// group that cannot is withdrawn with why.
void applyProvenance(std::vector<Finding> &Findings,
                     const ProvenanceResult &Result, bool LevelTarget = false);

} // namespace pgmigrate

#endif // PGMIGRATE_PROVENANCEDECISIONS_H
