//===- ZeroedPageOptions.cpp - The zeroed-page rule's option rows ---------===//

#include "pgmigrate/Options.h"
#include "rules/ZeroedPageRule.h"

namespace pgmigrate {

static llvm::Error applyStrictFamilies(llvm::StringRef Value,
                                       MigrationOptions &Options) {
  std::optional<bool> On = parseBoolOption(Value);
  if (!On)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "strict families '" + Value +
                                       "' is not 'true' or 'false'");
  Options.StrictFamilies = *On;
  return llvm::Error::success();
}

static const OptionSpec Specs[] = {
    {"StrictFamilies", "strict-families", OptionType::Bool, "false", "",
     "tables read out of entries join every object group of their level "
     "(for trees preparing for separately allocated ptdescs; default: a "
     "read joins no group)",
     applyStrictFamilies},
};

llvm::ArrayRef<OptionSpec> ZeroedPageRule::optionSpecs() { return Specs; }

} // namespace pgmigrate
