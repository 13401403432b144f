//===- UnitFindingsTest.cpp -----------------------------------------------===//

#include "UnitFindings.h"
#include "pgmigrate/Pairing.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace pgmigrate::tidy;
using clang::tooling::Replacement;

namespace {

const char File[] = "/tree/arch/x86/mm/init.c";

Finding converted(unsigned Offset, llvm::StringRef Text,
                  std::vector<PairingKey> Keys, PairingRole Role) {
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = FindingKind::Converted;
  F.FilePath = File;
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = "replace 'old' with '" + Text.str() + "'";
  F.Replacements.push_back(Replacement(File, Offset, 3, Text));
  F.SiteFile = File; // as rules set it: the edited characters
  F.SiteOffset = Offset;
  F.SiteLength = 3;
  F.PairingKeys = std::move(Keys);
  F.Role = Role;
  return F;
}

Finding refused(unsigned Offset, std::vector<PairingKey> Keys,
                PairingRole Role) {
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = FindingKind::Refused;
  F.FilePath = File;
  F.Offset = Offset;
  F.Line = 1 + Offset / 10;
  F.Column = 1;
  F.Message = "not converted: no page-table evidence";
  F.SiteFile = File;
  F.SiteOffset = Offset;
  F.SiteLength = 3;
  F.PairingKeys = std::move(Keys);
  F.Role = Role;
  return F;
}

const PairingKey PteLevel = PairingKey::object(1, "the pte group", false);
const PairingKey Local =
    PairingKey::object(6, "the object allocated at t.c:5", true);

TEST(UnitFindingsTest, ParsesPairingScope) {
  EXPECT_EQ(parsePairingScope("run"), PairingScope::Run);
  EXPECT_EQ(parsePairingScope("unit"), PairingScope::Unit);
  EXPECT_EQ(parsePairingScope("tree"), std::nullopt);
  EXPECT_EQ(parsePairingScope(""), std::nullopt);
  EXPECT_EQ(pairingScopeName(PairingScope::Run), "run");
  EXPECT_EQ(pairingScopeName(PairingScope::Unit), "unit");
}

TEST(UnitFindingsTest, RepeatsCountOnceWithEveryKey) {
  std::vector<Finding> Findings = {
      refused(10, {Local}, PairingRole::Free),
      refused(10, {PteLevel}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Unit);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].PairingKeys.size(), 2u);
}

TEST(UnitFindingsTest, UnitScopeConvertsACompleteGroup) {
  std::vector<Finding> Findings = {
      converted(10, "pgtable_alloc(GFP_KERNEL, 0)", {PteLevel, Local},
                PairingRole::Allocation),
      converted(40, "pgtable_free(pte)", {PteLevel, Local}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Unit);
  ASSERT_EQ(Findings.size(), 2u);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Converted);
    EXPECT_EQ(F.Replacements.size(), 1u);
  }
}

TEST(UnitFindingsTest, UnitScopeWithdrawsWhatTheUnitBlocks) {
  std::vector<Finding> Findings = {
      converted(10, "pgtable_alloc(GFP_KERNEL, 0)", {PteLevel},
                PairingRole::Allocation),
      refused(40, {PteLevel}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Unit);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_TRUE(Findings[0].Replacements.empty());
  // The pairing pass's own words, as the CLI prints them.
  EXPECT_NE(Findings[0].Message.find("pairs (the pte group) with "
                                     "the free at arch/x86/mm/init.c:5"),
            std::string::npos)
      << Findings[0].Message;
}

TEST(UnitFindingsTest, RunScopeRefusesWhatPairsAcrossUnits) {
  std::vector<Finding> Findings = {
      converted(10, "pgtable_alloc(GFP_KERNEL, 0)", {PteLevel, Local},
                PairingRole::Allocation),
      converted(40, "pgtable_free(pte)", {PteLevel, Local}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Run);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_TRUE(Findings[0].Replacements.empty());
  EXPECT_EQ(Findings[0].Message,
            "not converted: its object group (the pte group) reaches beyond "
            "this translation unit (a header, a function other units call, a "
            "field or a global), which one clang-tidy unit cannot decide "
            "(pgtable-migrate solves over the whole run; PairingScope 'unit' "
            "decides within the unit); it would replace 'old' with "
            "'pgtable_alloc(GFP_KERNEL, 0)'");
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
}

TEST(UnitFindingsTest, RunScopeKeepsWhatOneUnitDecides) {
  // No key (ptdesc-free), or only a group private to the unit: nothing
  // outside the unit takes part.
  Finding Plain = converted(10, "pgtable_free(pmd)", {}, PairingRole::None);
  Plain.Rule = "ptdesc-free";
  std::vector<Finding> Findings = {
      Plain,
      converted(40, "pgtable_alloc(GFP_KERNEL, 0)", {Local},
                PairingRole::Allocation),
      converted(70, "pgtable_free(pte)", {Local}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Run);
  ASSERT_EQ(Findings.size(), 3u);
  for (const Finding &F : Findings)
    EXPECT_EQ(F.Kind, FindingKind::Converted) << F.Message;
}

TEST(UnitFindingsTest, RunScopeWithdrawsLocalPartnersToo) {
  // The free is in a group private to the unit; its allocation is also in
  // one that reaches beyond it: both go.
  std::vector<Finding> Findings = {
      converted(10, "pgtable_alloc(GFP_KERNEL, 0)", {PteLevel, Local},
                PairingRole::Allocation),
      converted(40, "pgtable_free(pte)", {Local}, PairingRole::Free),
  };
  settleUnitFindings(Findings, std::nullopt, {}, PairingScope::Run);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
  EXPECT_NE(Findings[1].Message.find("the object allocated at t.c:5"),
            std::string::npos)
      << Findings[1].Message;
}

} // namespace
