//===- Options.cpp - Resolving user settings into MigrationOptions --------===//

#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <set>

namespace pgmigrate {

bool MigrationOptions::isEnabled(llvm::StringRef Rule) const {
  return llvm::is_contained(EnabledRules, Rule);
}

std::vector<std::string> MigrationOptions::apiImplementationNames() const {
  return {AllocName, AllocName + "_noprof", FreeName};
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
    if (!Info.Implemented)
      List += " (not implemented yet)";
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
      if (Info.Implemented)
        Enabled.insert(Info.Name.str());
  } else {
    for (llvm::StringRef Name : splitNames(*Settings.Rules)) {
      const RuleInfo *Info = findRule(Name);
      if (!Info)
        return error("unknown rule '" + Name + "' (rules: " + knownRuleList() +
                     ")");
      if (!Info->Implemented)
        return error("rule '" + Name + "' is not implemented yet");
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
  return Options;
}

} // namespace pgmigrate
