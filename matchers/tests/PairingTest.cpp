//===- PairingTest.cpp ----------------------------------------------------===//

#include "pgmigrate/Pairing.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <random>

using namespace pgmigrate;
using clang::tooling::Replacement;

namespace {

Finding site(llvm::StringRef File, unsigned Line, FindingKind Kind,
             PairingRole Role, std::vector<PairingKey> Keys,
             std::optional<uint64_t> Order = 0) {
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = Kind;
  F.FilePath = File.str();
  F.Line = Line;
  F.Offset = Line * 10;
  F.Column = 2;
  F.Message = Kind == FindingKind::Converted ? "replace 'old' with 'new'"
                                             : "not converted: why";
  if (Kind == FindingKind::Converted)
    F.Replacements.push_back(Replacement(File, Line * 10, 3, "new"));
  F.Role = Role;
  F.PairingKeys = std::move(Keys);
  F.Order = Order;
  return F;
}

const PairingKey PteX86 = PairingKey::object(1, "the pte group", false);
const PairingKey PmdX86 = PairingKey::object(2, "the pmd group", false);

TEST(Pairing, KeysAreObjectGroups) {
  PairingKey Key = PairingKey::object(7, "the object allocated at a.c:3", true);
  EXPECT_EQ(Key.describe(), "the object allocated at a.c:3");
  EXPECT_EQ(Key.group(), 7u);
  EXPECT_TRUE(Key.unitLocal());
  // Groups are identified and ordered by their number alone.
  EXPECT_EQ(Key, PairingKey::object(7, "other words", false));
  EXPECT_LT(PairingKey::object(2, "z", false), Key);
  EXPECT_NE(PairingKey::object(2, "z", false), Key);
}

TEST(Pairing, ShortSiteNameStartsAtArch) {
  Finding F = site("/src/linux/arch/x86/mm/pti.c", 266, FindingKind::Refused,
                   PairingRole::Allocation, {});
  EXPECT_EQ(shortSiteName(F), "arch/x86/mm/pti.c:266");
  F.FilePath = "/src/linux/mm/memory.c";
  EXPECT_EQ(shortSiteName(F), "/src/linux/mm/memory.c:266");
}

TEST(Pairing, AGroupWithAllMembersConvertedIsKept) {
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/a.c", 1, FindingKind::Converted,
           PairingRole::Allocation, {PteX86}),
      site("/a/arch/x86/mm/b.c", 2, FindingKind::Converted, PairingRole::Free,
           {PteX86}),
  };
  applyPairing(Findings);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Converted);
    EXPECT_EQ(F.Replacements.size(), 1u);
  }
}

TEST(Pairing, ARefusedMemberBlocksItsGroupOnly) {
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/a.c", 1, FindingKind::Refused,
           PairingRole::Allocation, {PteX86}),
      site("/a/arch/x86/mm/b.c", 2, FindingKind::Converted, PairingRole::Free,
           {PteX86}),
      site("/a/arch/x86/mm/b.c", 3, FindingKind::Converted,
           PairingRole::Allocation, {PmdX86}),
      site("/a/arch/x86/mm/b.c", 4, FindingKind::Converted, PairingRole::None,
           {}),
  };
  applyPairing(Findings);
  EXPECT_EQ(Findings[0].Message, "not converted: why");
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
  EXPECT_TRUE(Findings[1].Replacements.empty());
  EXPECT_EQ(Findings[1].Message,
            "not converted: it pairs (the pte group) with the "
            "allocation at arch/x86/mm/a.c:1 [zeroed-page], which is not "
            "converted; it would replace 'old' with 'new'");
  EXPECT_EQ(Findings[2].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[3].Kind, FindingKind::Converted);
}

TEST(Pairing, AConflictBlocksItsGroup) {
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/h.h", 1, FindingKind::Conflict, PairingRole::Free,
           {PteX86}),
      site("/a/arch/x86/mm/b.c", 2, FindingKind::Converted,
           PairingRole::Allocation, {PteX86}),
  };
  applyPairing(Findings);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Conflict);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
  EXPECT_NE(Findings[1].Message.find("with the free at arch/x86/mm/h.h:1"),
            std::string::npos);
}

TEST(Pairing, BlockingPropagatesThroughSharedMembers) {
  // a (refused, local key L) blocks b (L and pte), which blocks c (pte).
  PairingKey Local = PairingKey::object(4, "the local group", true);
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/a.c", 1, FindingKind::Refused, PairingRole::Free,
           {Local}),
      site("/a/arch/x86/mm/a.c", 2, FindingKind::Converted,
           PairingRole::Allocation, {Local, PteX86}),
      site("/a/arch/x86/mm/c.c", 3, FindingKind::Converted, PairingRole::Free,
           {PteX86}),
  };
  applyPairing(Findings);
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
  EXPECT_NE(Findings[1].Message.find("the local group"), std::string::npos);
  EXPECT_EQ(Findings[2].Kind, FindingKind::Refused);
  EXPECT_NE(Findings[2].Message.find("with the allocation at "
                                     "arch/x86/mm/a.c:2"),
            std::string::npos);
}

TEST(Pairing, DisagreeingOrdersBlockTheGroup) {
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/a.c", 1, FindingKind::Converted,
           PairingRole::Allocation, {PmdX86}, 1),
      site("/a/arch/x86/mm/b.c", 2, FindingKind::Converted, PairingRole::Free,
           {PmdX86}, 0),
  };
  applyPairing(Findings);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Refused);
    EXPECT_NE(F.Message.find("the page orders in its pairing group (the pmd "
                             "group) disagree: order 0 at "
                             "arch/x86/mm/b.c:2 [zeroed-page], order 1 at "
                             "arch/x86/mm/a.c:1 [zeroed-page]"),
              std::string::npos)
        << F.Message;
  }
}

TEST(Pairing, TheResultDoesNotDependOnTheInputOrder) {
  PairingKey Local = PairingKey::object(4, "the local group", true);
  std::vector<Finding> Findings = {
      site("/a/arch/x86/mm/a.c", 1, FindingKind::Refused, PairingRole::Free,
           {PmdX86}),
      site("/a/arch/x86/mm/a.c", 2, FindingKind::Converted,
           PairingRole::Allocation, {Local, PteX86}),
      site("/a/arch/x86/mm/c.c", 3, FindingKind::Refused, PairingRole::Free,
           {Local}),
      site("/a/arch/x86/mm/d.c", 4, FindingKind::Converted, PairingRole::Free,
           {PteX86, PmdX86}),
      site("/a/arch/x86/mm/e.c", 5, FindingKind::Converted,
           PairingRole::Allocation, {PteX86}),
  };
  std::vector<Finding> Expected = Findings;
  applyPairing(Expected);
  std::mt19937 Random(42);
  for (int Round = 0; Round < 20; ++Round) {
    std::vector<Finding> Shuffled = Findings;
    std::shuffle(Shuffled.begin(), Shuffled.end(), Random);
    applyPairing(Shuffled);
    std::sort(Shuffled.begin(), Shuffled.end());
    std::vector<Finding> Sorted = Expected;
    std::sort(Sorted.begin(), Sorted.end());
    ASSERT_EQ(Shuffled, Sorted);
  }
}

} // namespace
