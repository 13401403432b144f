//===- RuleOptionFlags.h - The rules' options as CLI switches ---*- C++ -*-===//
//
// One switch per OptionSpec of the rule registry (Rules.h), made before the
// command line is parsed: --api, --conflict-prefix, ... The CLI has no
// hand-written copy of a rule option; the help of a rule's own option
// starts with the rule's name.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_RULEOPTIONFLAGS_H
#define PGMIGRATE_TOOL_RULEOPTIONFLAGS_H

#include "pgmigrate/OptionSpec.h"
#include "pgmigrate/Options.h"
#include "llvm/Support/CommandLine.h"
#include <memory>
#include <string>
#include <vector>

namespace pgmigrate {

class RuleOptionFlags {
public:
  /// Registers the switches in Category.
  explicit RuleOptionFlags(llvm::cl::OptionCategory &Category);
  ~RuleOptionFlags();

  /// The values the user gave on the command line, into Settings.Values
  /// (options not given keep their spec's default in buildOptions()).
  void collect(OptionSettings &Settings) const;

private:
  struct Flag;
  std::vector<std::unique_ptr<Flag>> Flags;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_RULEOPTIONFLAGS_H
