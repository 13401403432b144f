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

std::string MigrationOptions::descriptorAllocName() const {
  return RenameDescriptorApi ? DescriptorAllocName : "pagetable_alloc";
}

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

// ---- The common options: the target API and its names ----

static llvm::Error applyApi(llvm::StringRef Value, MigrationOptions &Options) {
  if (Value == "default") {
    Options.AllocName = "pgtable_alloc";
    Options.FreeName = "pgtable_free";
  } else if (Value == "addr") {
    Options.AllocName = "pgtable_alloc_addr";
    Options.FreeName = "pgtable_free_addr";
  } else if (Value.empty()) {
    return error("the API variant is empty (expected 'default' or 'addr')");
  } else {
    return error("unknown API variant '" + Value +
                 "' (expected 'default' or 'addr')");
  }
  return llvm::Error::success();
}

static llvm::Error applyTarget(llvm::StringRef Value,
                               MigrationOptions &Options) {
  if (Value != "pgtable" && Value != "level")
    return error("unknown target '" + Value +
                 "' (expected 'pgtable' or 'level')");
  Options.LevelTarget = Value == "level";
  return llvm::Error::success();
}

// An override of a name Api chose; empty keeps that name.
static llvm::Error applyName(llvm::StringRef What, llvm::StringRef Value,
                             std::string &Name) {
  if (Value.empty())
    return llvm::Error::success();
  if (!clang::isValidAsciiIdentifier(Value))
    return error(What + " '" + Value + "' is not a C identifier");
  Name = Value.str();
  return llvm::Error::success();
}

static const OptionSpec CommonOptions[] = {
    {"Api", "api", OptionType::Text, "default", "variant",
     "Target API: 'default' (pgtable_alloc/pgtable_free) or 'addr' "
     "(pgtable_alloc_addr/pgtable_free_addr)",
     applyApi},
    {"AllocName", "alloc-name", OptionType::Text, "", "name",
     "Name of the new allocator",
     [](llvm::StringRef Value, MigrationOptions &Options) {
       return applyName("alloc name", Value, Options.AllocName);
     }},
    {"FreeName", "free-name", OptionType::Text, "", "name",
     "Name of the new free function",
     [](llvm::StringRef Value, MigrationOptions &Options) {
       return applyName("free name", Value, Options.FreeName);
     }},
    {"Target", "target", OptionType::Text, "pgtable", "target",
     "What converted page tables become: 'pgtable' (the new API) or 'level' "
     "(kernel tables get their level's constructor and destructor, "
     "pte_alloc_one_kernel()/pte_free_kernel() and kin; other groups are "
     "refused)",
     applyTarget},
};

llvm::ArrayRef<OptionSpec> commonOptionSpecs() { return CommonOptions; }

std::optional<bool> parseBoolOption(llvm::StringRef Value) {
  if (Value == "true")
    return true;
  if (Value == "false")
    return false;
  return std::nullopt;
}

// ---- Resolving ----

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

static llvm::Error unknownRule(llvm::StringRef Name) {
  return error("unknown rule '" + Name + "' (rules: " + knownRuleList() + ")");
}

static llvm::Expected<std::vector<std::string>>
enabledRules(const OptionSettings &Settings) {
  std::set<std::string> Enabled;
  if (Settings.Rules && splitNames(*Settings.Rules).empty())
    return error("the rule list is empty (rules: " + knownRuleList() +
                 ", or 'all')");
  if (!Settings.Rules || llvm::StringRef(*Settings.Rules).trim() == "all") {
    for (const RuleInfo &Info : allRules())
      Enabled.insert(Info.Name.str());
  } else {
    for (llvm::StringRef Name : splitNames(*Settings.Rules)) {
      if (!findRule(Name))
        return unknownRule(Name);
      Enabled.insert(Name.str());
    }
  }
  for (const std::string &Entry : Settings.DisabledRules) {
    for (llvm::StringRef Name : splitNames(Entry)) {
      if (!findRule(Name))
        return unknownRule(Name);
      Enabled.erase(Name.str());
    }
  }
  if (Enabled.empty())
    return error("every rule selected is also disabled: there is nothing to "
                 "run");
  return std::vector<std::string>(Enabled.begin(), Enabled.end());
}

llvm::Expected<MigrationOptions> buildOptions(const OptionSettings &Settings) {
  MigrationOptions Options;
  llvm::Expected<std::vector<std::string>> Enabled = enabledRules(Settings);
  if (!Enabled)
    return Enabled.takeError();
  Options.EnabledRules = std::move(*Enabled);

  for (const OptionSpec *Spec : allOptionSpecs()) {
    auto It = Settings.Values.find(Spec->Key.str());
    llvm::StringRef Value = It == Settings.Values.end()
                                ? llvm::StringRef(Spec->Default)
                                : llvm::StringRef(It->second);
    if (llvm::Error E = Spec->Apply(Value, Options))
      return std::move(E);
  }
  return Options;
}

} // namespace pgmigrate
