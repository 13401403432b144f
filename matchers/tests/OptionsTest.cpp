//===- OptionsTest.cpp ----------------------------------------------------===//

#include "pgmigrate/Options.h"
#include "pgmigrate/Rules.h"
#include "gtest/gtest.h"

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
                                           "ptdesc-free", "zeroed-page"}));
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
  Settings.Api = "addr";
  llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
  ASSERT_TRUE(bool(Options));
  EXPECT_EQ(Options->AllocName, "pgtable_alloc_addr");
  EXPECT_EQ(Options->FreeName, "pgtable_free_addr");

  Settings.FreeName = "my_pt_free";
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
  Settings.Api = "page";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "unknown API variant 'page' (expected 'default' or 'addr')");
  Settings = {};
  Settings.AllocName = "pgtable-alloc";
  EXPECT_EQ(errorText(buildOptions(Settings)),
            "alloc name 'pgtable-alloc' is not a C identifier");
}

} // namespace
