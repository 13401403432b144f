//===- FactsAccumulator.h - The facts of many units, each once --*- C++ -*-===//
//
// A header's code gives the same facts in every unit that reads it: on a
// kernel database most of a unit's facts repeat those of the units before
// it. The accumulator keeps each fact once per configuration as the units
// arrive, in any order, so a run holds the facts of the whole program, not
// those of every unit. The result is the same whatever order the units
// arrive in: each fact is listed where the unit with the least Order first
// gives it, as if the units had been added in that order.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_FACTSACCUMULATOR_H
#define PGMIGRATE_FACTSACCUMULATOR_H

#include "pgmigrate/ProvenanceFacts.h"
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace pgmigrate {

class FactsAccumulator {
public:
  FactsAccumulator();
  ~FactsAccumulator();
  FactsAccumulator(FactsAccumulator &&);
  FactsAccumulator &operator=(FactsAccumulator &&);

  /// Adds one unit's facts; Order is the unit's place among the units.
  /// Not after facts() or take().
  void add(ProvenanceFacts Unit, uint32_t Order);

  /// While adding: the facts added so far, one per configuration, each
  /// once, in the order they came (not the final order). The pointers stay
  /// valid until facts() or take().
  std::vector<const ProvenanceFacts *> sofar() const;

  /// The facts added, one ProvenanceFacts per configuration (in the order
  /// of the configurations' names). The first call ends the adding (the
  /// facts move out of the index that finds repeats).
  const std::vector<ProvenanceFacts> &facts() const;

  /// The same, moved out; the accumulator is empty after.
  std::vector<ProvenanceFacts> take();

private:
  struct ConfigFacts;
  mutable std::map<std::string, std::unique_ptr<ConfigFacts>> ByConfig;
  mutable std::vector<ProvenanceFacts> Finished;
  mutable bool IsFinished = false;
};

} // namespace pgmigrate

#endif // PGMIGRATE_FACTSACCUMULATOR_H
