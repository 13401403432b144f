//===- CheckOptions.cpp ---------------------------------------------------===//

#include "CheckOptions.h"

namespace pgmigrate::tidy {

static const CheckOption Table[] = {
    {"Api", "--api", TargetNames, &OptionSettings::Api},
    {"AllocName", "--alloc-name", TargetNames, &OptionSettings::AllocName},
    {"FreeName", "--free-name", TargetNames, &OptionSettings::FreeName},
    {"RenameConflicts", "--rename-conflicts", ConflictRenaming, nullptr,
     &OptionSettings::RenameConflicts},
    {"ConflictPrefix", "--conflict-prefix", ConflictRenaming,
     &OptionSettings::ConflictPrefix},
    {"ConflictParamName", "--conflict-param-name", ConflictRenaming,
     &OptionSettings::ConflictLocalName},
    {"ConflictFieldName", "--conflict-field-name", ConflictRenaming,
     &OptionSettings::ConflictFieldName},
};

llvm::ArrayRef<CheckOption> allCheckOptions() { return Table; }

} // namespace pgmigrate::tidy
