//===- OptionsTest.cpp ----------------------------------------------------===//

#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "gtest/gtest.h"
#include <set>

using namespace pgmigrate;

namespace {

std::string errorText(llvm::Expected<MigrationOptions> Options) {
  if (Options)
    return "";
  return llvm::toString(Options.takeError());
}

TEST(Options, DefaultsRunEveryRuleWithTheNewApiNames) {
  llvm::Expected<MigrationOptions> Options = buildOptions({});
  ASSERT_TRUE(bool(Options)) << llvm::toString(Options.takeError());
  std::vector<std::string> All;
  for (const RuleInfo &Info : allRules()) {
    All.push_back(Info.Name.str());
    EXPECT_NE(createRule(Info.Name, *Options), nullptr) << Info.Name.str();
  }
  std::sort(All.begin(), All.end());
  EXPECT_EQ(Options->EnabledRules, All);
  EXPECT_EQ(All, (std::vector<std::string>{"name-conflicts", "ptdesc-address",
                                           "ptdesc-free", "rename-descriptor",
                                           "zeroed-page"}));
  EXPECT_EQ(Options->AllocName, "pgtable_alloc");
  EXPECT_EQ(Options->FreeName, "pgtable_free");
}

TEST(Options, UnknownRuleIsAnErrorListingTheKnownOnes) {
  OptionSettings Settings;
  Settings.Rules = "ptdesc-fre";
  std::string Error = errorText(buildOptions(Settings));
  EXPECT_NE(Error.find("unknown rule 'ptdesc-fre'"), std::string::npos);
  EXPECT_NE(Error.find("ptdesc-free"), std::string::npos);

  Settings = {};
  Settings.DisabledRules = {"nope"};
  EXPECT_NE(errorText(buildOptions(Settings)).find("unknown rule 'nope'"),
            std::string::npos);
}

TEST(Options, DisableRuleRemovesIt) {
  OptionSettings Settings;
  Settings.DisabledRules = {"ptdesc-free"};
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options));
  EXPECT_FALSE(Options->isEnabled("ptdesc-free"));

  Settings = {};
  Settings.Rules = " ptdesc-free , ";
  Settings.DisabledRules = {"zeroed-page,name-conflicts"};
  Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options));
  EXPECT_EQ(Options->EnabledRules, std::vector<std::string>{"ptdesc-free"});
}

TEST(Options, ApiVariantAndNameOverrides) {
  OptionSettings Settings;
  Settings.Values["Api"] = "addr";
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options));
  EXPECT_EQ(Options->AllocName, "pgtable_alloc_addr");
  EXPECT_EQ(Options->FreeName, "pgtable_free_addr");

  Settings.Values["FreeName"] = "my_pt_free";
  Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options));
  EXPECT_EQ(Options->AllocName, "pgtable_alloc_addr");
  EXPECT_EQ(Options->FreeName, "my_pt_free");
  EXPECT_EQ(
      Options->apiImplementationNames(),
      (std::vector<std::string>{"pgtable_alloc_addr",
                                "pgtable_alloc_addr_noprof", "my_pt_free"}));
}

TEST(Options, BadApiOrNameIsAnError) {
  OptionSettings Settings;
  Settings.Values["Api"] = "page";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "unknown API variant 'page' (expected 'default' or 'addr')");
  Settings = {};
  Settings.Values["AllocName"] = "pgtable-alloc";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "alloc name 'pgtable-alloc' is not a C identifier");
}

TEST(Options, ConflictRenamingIsCheckedByItsRows) {
  OptionSettings Settings;
  Settings.Values["ConflictPrefix"] = "9";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "conflict prefix '9' does not start a C identifier");
  Settings = {};
  Settings.Values["ConflictParamName"] = "callback";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "conflict parameter name 'callback' must contain '%s' (the old "
            "name) once and make a new C identifier, e.g. '%s_fn'");
  Settings = {};
  Settings.Values["RenameConflicts"] = "yes";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "rename conflicts 'yes' is not 'true' or 'false'");
  Settings = {};
  Settings.Values["RenameConflicts"] = "true";
  Settings.Values["ConflictFieldName"] = "%s_op";
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options)) << llvm::toString(Options.takeError());
  EXPECT_TRUE(Options->RenameConflicts);
  EXPECT_EQ(Options->ConflictFieldName, "%s_op");
  EXPECT_EQ(Options->ConflictParamName, "%s_fn");
}

TEST(Options, EveryOptionRowIsConsistent) {
  // The CLI switch is the kebab-case of the check option (the equivalence
  // test maps one to the other that way), each key is declared once, and
  // every default is accepted.
  std::set<std::string> Keys;
  for (const OptionSpec *Spec : allOptionSpecs()) {
    EXPECT_TRUE(Keys.insert(Spec->Key.str()).second) << Spec->Key.str();
    std::string Kebab;
    for (char C : Spec->Key) {
      if (isupper(C) && !Kebab.empty())
        Kebab += '-';
      Kebab += char(tolower(C));
    }
    EXPECT_EQ(Kebab, Spec->Flag.str());
    EXPECT_FALSE(Spec->Help.empty()) << Spec->Key.str();
    MigrationOptions Options;
    EXPECT_FALSE(bool(Spec->Apply(Spec->Default, Options))) << Spec->Key.str();
    if (Spec->Type == OptionType::Bool)
      EXPECT_TRUE(parseBoolOption(Spec->Default).has_value());
  }
  EXPECT_EQ(Keys, (std::set<std::string>{
                      "AllocName", "Api", "ConflictFieldName",
                      "ConflictParamName", "ConflictPrefix",
                      "DescriptorAllocName", "FreeName", "RenameConflicts",
                      "RenameDescriptorApi", "StrictFamilies", "Target"}));
}

TEST(Options, TheDescriptorAllocatorsNewNameIsChecked) {
  OptionSettings Settings;
  Settings.Values["RenameDescriptorApi"] = "true";
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options)) << llvm::toString(Options.takeError());
  EXPECT_TRUE(Options->RenameDescriptorApi);
  EXPECT_EQ(Options->DescriptorAllocName, "ptdesc_alloc");
  EXPECT_EQ(Options->descriptorAllocName(), "ptdesc_alloc");
  Options->RenameDescriptorApi = false;
  EXPECT_EQ(Options->descriptorAllocName(), "pagetable_alloc");
  for (const char *Bad :
       {"pagetable_alloc", "pt_noprof", "pt-alloc", "", "pgtable_alloc"}) {
    Settings.Values["DescriptorAllocName"] = Bad;
    EXPECT_NE(errorText(buildOptions(Settings)), "") << Bad;
  }
  Settings.Values["DescriptorAllocName"] = "pt_desc_alloc";
  Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options)) << llvm::toString(Options.takeError());
  EXPECT_EQ(Options->descriptorAllocName(), "pt_desc_alloc");
}

TEST(Options, EachRuleReadsTheCommonOptionsThenItsOwn) {
  const RuleInfo *Conflicts = findRule("name-conflicts");
  ASSERT_NE(Conflicts, nullptr);
  std::vector<std::string> Keys;
  for (const OptionSpec *Spec : Conflicts->optionSpecs())
    Keys.push_back(Spec->Key.str());
  EXPECT_EQ(Keys,
            (std::vector<std::string>{
                "Api", "AllocName", "FreeName", "Target", "RenameConflicts",
                "ConflictPrefix", "ConflictParamName", "ConflictFieldName"}));
  const RuleInfo *Zeroed = findRule("zeroed-page");
  ASSERT_NE(Zeroed, nullptr);
  Keys.clear();
  for (const OptionSpec *Spec : Zeroed->optionSpecs())
    Keys.push_back(Spec->Key.str());
  EXPECT_EQ(Keys, (std::vector<std::string>{"Api", "AllocName", "FreeName",
                                            "Target", "StrictFamilies"}));
  MigrationOptions Strict;
  EXPECT_FALSE(bool(Zeroed->Options()[0].Apply("true", Strict)));
  EXPECT_TRUE(Strict.StrictFamilies);
  EXPECT_TRUE(Zeroed->Pairs);
  EXPECT_FALSE(Conflicts->Pairs);
}

} // namespace
