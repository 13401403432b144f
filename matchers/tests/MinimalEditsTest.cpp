//===- MinimalEditsTest.cpp -----------------------------------------------===//

#include "pgmigrate/MinimalEdits.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

std::vector<std::string> pieces(const Replacements &Edits) {
  std::vector<std::string> Out;
  for (const Replacement &R : Edits)
    Out.push_back(std::to_string(R.getOffset()) + "+" +
                  std::to_string(R.getLength()) + ":" +
                  R.getReplacementText().str());
  return Out;
}

TEST(MinimalEdits, KeepsTheArgumentsOfARespelledCall) {
  std::string Old = "p = (pte_t *)get_zeroed_page(GFP_KERNEL /* x */);\n";
  Replacements Whole(
      Replacement("a.c", 4, 44, "pgtable_alloc(GFP_KERNEL /* x */, 0)"));
  Replacements Minimal = minimalEdits(Old, Whole);
  EXPECT_EQ(pieces(Minimal),
            (std::vector<std::string>{"4+24:pgtable_alloc", "47+0:, 0"}));
  EXPECT_EQ(llvm::cantFail(clang::tooling::applyAllReplacements(Old, Minimal)),
            llvm::cantFail(clang::tooling::applyAllReplacements(Old, Whole)));
}

TEST(MinimalEdits, AFreeLosesItsCast) {
  std::string Old = "\tfree_page((unsigned long)pte);\n";
  Replacements Whole(Replacement("a.c", 1, 29, "pgtable_free(pte)"));
  Replacements Minimal = minimalEdits(Old, Whole);
  EXPECT_EQ(pieces(Minimal),
            (std::vector<std::string>{"1+9:pgtable_free", "11+15:"}));
}

TEST(MinimalEdits, ADescriptorFreeKeepsItsArgumentInTheFewestPieces) {
  std::string Old = "\tpagetable_free(virt_to_ptdesc(pte));\n";
  Replacements Whole(Replacement("a.c", 1, 35, "pgtable_free(pte)"));
  Replacements Minimal = minimalEdits(Old, Whole);
  // Two pieces, not three ("pagetable_free" / "virt_to_ptdesc(" / ")").
  EXPECT_EQ(pieces(Minimal),
            (std::vector<std::string>{"1+29:pgtable_free", "35+1:"}));
  EXPECT_EQ(llvm::cantFail(clang::tooling::applyAllReplacements(Old, Minimal)),
            "\tpgtable_free(pte);\n");
}

TEST(MinimalEdits, NothingSharedIsOneEdit) {
  std::string Old = "a b c;";
  Replacements Whole(Replacement("a.c", 0, 5, "x+y"));
  EXPECT_EQ(pieces(minimalEdits(Old, Whole)),
            (std::vector<std::string>{"0+5:x+y"}));
}

TEST(MinimalEdits, EditsThatDoNotApplyStayAsTheyAre) {
  Replacements Whole(Replacement("a.c", 100, 5, "x"));
  EXPECT_EQ(pieces(minimalEdits("short", Whole)),
            (std::vector<std::string>{"100+5:x"}));
}

} // namespace
