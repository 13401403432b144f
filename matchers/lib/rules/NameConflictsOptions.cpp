//===- NameConflictsOptions.cpp - The options of rule name-conflicts ------===//

#include "pgmigrate/Options.h"
#include "rules/NameConflictsRule.h"
#include "clang/Basic/CharInfo.h"

namespace pgmigrate {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static llvm::Error applyRename(llvm::StringRef Value,
                               MigrationOptions &Options) {
  std::optional<bool> On = parseBoolOption(Value);
  if (!On)
    return error("rename conflicts '" + Value + "' is not 'true' or 'false'");
  Options.RenameConflicts = *On;
  return llvm::Error::success();
}

static llvm::Error applyPrefix(llvm::StringRef Value,
                               MigrationOptions &Options) {
  if (!clang::isValidAsciiIdentifier((Value + "x").str()))
    return error("conflict prefix '" + Value +
                 "' does not start a C identifier");
  Options.ConflictPrefix = Value.str();
  return llvm::Error::success();
}

// A new name made from the old one: "%s" once, and a C identifier.
static llvm::Error applyPattern(llvm::StringRef What, llvm::StringRef Pattern,
                                std::string &Field) {
  size_t At = Pattern.find("%s");
  std::string Example = Pattern.str();
  if (At != llvm::StringRef::npos)
    Example.replace(At, 2, "pgtable_alloc");
  if (At == llvm::StringRef::npos ||
      Pattern.find("%s", At + 2) != llvm::StringRef::npos ||
      !clang::isValidAsciiIdentifier(Example) || Pattern == "%s")
    return error(What + " '" + Pattern +
                 "' must contain '%s' (the old name) once and make a new C "
                 "identifier, e.g. '%s_fn'");
  Field = Pattern.str();
  return llvm::Error::success();
}

static const OptionSpec Specs[] = {
    {"RenameConflicts", "rename-conflicts", OptionType::Bool, "false", "",
     "rename the clashing declarations and their uses (default: report "
     "them)",
     applyRename},
    {"ConflictPrefix", "conflict-prefix", OptionType::Text, "__", "prefix",
     "prefix for a clashing function, prototype, macro, global variable, "
     "typedef or enumerator (default '__')",
     applyPrefix},
    {"ConflictParamName", "conflict-param-name", OptionType::Text, "%s_fn",
     "pattern",
     "new name of a clashing parameter or local variable, '%s' standing for "
     "the old name (default '%s_fn')",
     [](llvm::StringRef Value, MigrationOptions &Options) {
       return applyPattern("conflict parameter name", Value,
                           Options.ConflictParamName);
     }},
    {"ConflictFieldName", "conflict-field-name", OptionType::Text, "%s_fn",
     "pattern",
     "new name of a clashing struct or union field, '%s' standing for the "
     "old name (default '%s_fn')",
     [](llvm::StringRef Value, MigrationOptions &Options) {
       return applyPattern("conflict field name", Value,
                           Options.ConflictFieldName);
     }},
};

llvm::ArrayRef<OptionSpec> NameConflictsRule::optionSpecs() { return Specs; }

} // namespace pgmigrate
