//===- Options.cpp - Resolving user settings into MigrationOptions --------===//

#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <set>
#include <tuple>

namespace pgmigrate {

bool MigrationOptions::isEnabled(llvm::StringRef Rule) const {
  return llvm::is_contained(EnabledRules, Rule);
}

std::vector<std::string> MigrationOptions::apiImplementationNames() const {
  return {AllocName, AllocName + "_noprof", FreeName};
}

std::vector<std::string> MigrationOptions::conflictNames() const {
  std::set<std::string> Names;
  for (const std::string &Name :
       {std::string("pgtable_alloc"), std::string("pgtable_free"), AllocName,
        FreeName}) {
    Names.insert(Name);
    Names.insert(Name + "_noprof");
  }
  return {Names.begin(), Names.end()};
}

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static std::string knownRuleList() {
  std::string List;
  for (const RuleInfo &Info : allRules()) {
    if (!List.empty())
      List += ", ";
    List += Info.Name.str();
  }
  return List;
}

// Splits "a,b, c" into trimmed non-empty names.
static llvm::SmallVector<llvm::StringRef, 4> splitNames(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 4> Parts, Names;
  List.split(Parts, ',');
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Names.push_back(Part.trim());
  return Names;
}

static llvm::Error checkIdentifier(llvm::StringRef Option,
                                   llvm::StringRef Name) {
  if (!Name.empty() && clang::isValidAsciiIdentifier(Name))
    return llvm::Error::success();
  return error(Option + " '" + Name + "' is not a C identifier");
}

llvm::Expected<MigrationOptions> buildOptions(const OptionSettings &Settings) {
  MigrationOptions Options;

  std::set<std::string> Enabled;
  if (!Settings.Rules || Settings.Rules->empty() ||
      llvm::StringRef(*Settings.Rules).trim() == "all") {
    for (const RuleInfo &Info : allRules())
      Enabled.insert(Info.Name.str());
  } else {
    for (llvm::StringRef Name : splitNames(*Settings.Rules)) {
      const RuleInfo *Info = findRule(Name);
      if (!Info)
        return error("unknown rule '" + Name + "' (rules: " + knownRuleList() +
                     ")");
      Enabled.insert(Name.str());
    }
  }
  for (const std::string &Entry : Settings.DisabledRules) {
    for (llvm::StringRef Name : splitNames(Entry)) {
      if (!findRule(Name))
        return error("unknown rule '" + Name + "' (rules: " + knownRuleList() +
                     ")");
      Enabled.erase(Name.str());
    }
  }
  Options.EnabledRules.assign(Enabled.begin(), Enabled.end());

  if (Settings.Api == "default" || Settings.Api.empty()) {
    Options.AllocName = "pgtable_alloc";
    Options.FreeName = "pgtable_free";
  } else if (Settings.Api == "addr") {
    Options.AllocName = "pgtable_alloc_addr";
    Options.FreeName = "pgtable_free_addr";
  } else {
    return error("unknown API variant '" + Settings.Api +
                 "' (expected 'default' or 'addr')");
  }
  if (!Settings.AllocName.empty()) {
    if (llvm::Error E = checkIdentifier("alloc name", Settings.AllocName))
      return std::move(E);
    Options.AllocName = Settings.AllocName;
  }
  if (!Settings.FreeName.empty()) {
    if (llvm::Error E = checkIdentifier("free name", Settings.FreeName))
      return std::move(E);
    Options.FreeName = Settings.FreeName;
  }

  Options.RenameConflicts = Settings.RenameConflicts;
  if (!clang::isValidAsciiIdentifier(Settings.ConflictPrefix + "x"))
    return error("conflict prefix '" + Settings.ConflictPrefix +
                 "' does not start a C identifier");
  Options.ConflictPrefix = Settings.ConflictPrefix;
  for (auto [Option, Pattern, Field] :
       {std::make_tuple("conflict parameter name", &Settings.ConflictLocalName,
                        &Options.ConflictLocalName),
        std::make_tuple("conflict field name", &Settings.ConflictFieldName,
                        &Options.ConflictFieldName)}) {
    llvm::StringRef P(*Pattern);
    size_t At = P.find("%s");
    std::string Example = P.str();
    if (At != llvm::StringRef::npos)
      Example.replace(At, 2, "pgtable_alloc");
    if (At == llvm::StringRef::npos ||
        P.find("%s", At + 2) != llvm::StringRef::npos ||
        !clang::isValidAsciiIdentifier(Example) || P == "%s")
      return error(llvm::Twine(Option) + " '" + P +
                   "' must contain '%s' (the old name) once and make a new C "
                   "identifier, e.g. '%s_fn'");
    *Field = P.str();
  }
  return Options;
}

} // namespace pgmigrate
