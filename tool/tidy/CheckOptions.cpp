//===- CheckOptions.cpp ---------------------------------------------------===//

#include "CheckOptions.h"

namespace pgmigrate::tidy {

static const CheckOption Table[] = {
    {"Api", "--api", TargetNames, &OptionSettings::Api},
    {"AllocName", "--alloc-name", TargetNames, &OptionSettings::AllocName},
    {"FreeName", "--free-name", TargetNames, &OptionSettings::FreeName},
};

llvm::ArrayRef<CheckOption> allCheckOptions() { return Table; }

} // namespace pgmigrate::tidy
