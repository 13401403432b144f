//===- LevelConstructorsTest.cpp ------------------------------------------===//
//
// unavailableLevels(): which levels a unit has asm-generic's constructor
// and destructor for (the reference model's headers are laid out as the
// kernel's: asm-generic/pgalloc.h under x86's asm/pgalloc.h).
//
//===----------------------------------------------------------------------===//

#include "analysis/LevelConstructors.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

TEST(LevelConstructors, Functions) {
  EXPECT_EQ(levelFunctions("pte").Constructor, "pte_alloc_one_kernel");
  EXPECT_EQ(levelFunctions("pte").Destructor, "pte_free_kernel");
  EXPECT_FALSE(levelFunctions("pte").TakesAddress);
  EXPECT_EQ(levelFunctions("pmd").Constructor, "pmd_alloc_one");
  EXPECT_TRUE(levelFunctions("pud").TakesAddress);
  EXPECT_EQ(levelFunctions("p4d").Destructor, "p4d_free");
  EXPECT_TRUE(levelFunctions("pgd").Constructor.empty());
}

TEST(LevelConstructors, AsmGenericOnesAreAvailable) {
  ParsedCode Code("#include <linux/mm.h>\n#include <asm/pgalloc.h>\n");
  std::map<std::string, std::string> Unavailable =
      unavailableLevels(Code.context());
  EXPECT_FALSE(Unavailable.count("pte"));
  EXPECT_FALSE(Unavailable.count("pmd"));
  EXPECT_FALSE(Unavailable.count("pud"));
  // x86's p4d_alloc_one() is its own.
  ASSERT_TRUE(Unavailable.count("p4d"));
  EXPECT_NE(Unavailable["p4d"].find("p4d_alloc_one() is the arch's own, at "),
            std::string::npos)
      << Unavailable["p4d"];
  EXPECT_NE(Unavailable["p4d"].find("asm/pgalloc.h:"), std::string::npos);
}

TEST(LevelConstructors, NoneWithoutTheHeader) {
  ParsedCode Code("#include <linux/mm.h>\n");
  std::map<std::string, std::string> Unavailable =
      unavailableLevels(Code.context());
  EXPECT_EQ(Unavailable.size(), 4u);
  EXPECT_EQ(Unavailable["pte"],
            "pte_alloc_one_kernel() is not declared in this unit (it does not "
            "include <asm/pgalloc.h>)");
}

TEST(LevelConstructors, FoldedLevels) {
  ParsedCode Code(R"c(
#include <linux/mm.h>
#undef CONFIG_PGTABLE_LEVELS
#define CONFIG_PGTABLE_LEVELS 3
#include <asm-generic/pgalloc.h>
#define pud_alloc_one(mm, address) NULL
)c");
  std::map<std::string, std::string> Unavailable =
      unavailableLevels(Code.context());
  EXPECT_FALSE(Unavailable.count("pte"));
  EXPECT_FALSE(Unavailable.count("pmd"));
  EXPECT_EQ(Unavailable["pud"],
            "pud_alloc_one() is a macro, not a function, in this "
            "configuration (a folded level)");
}

} // namespace
