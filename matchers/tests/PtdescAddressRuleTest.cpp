//===- PtdescAddressRuleTest.cpp ------------------------------------------===//
//
// The rule on in-memory code against the reference model's kernel-shaped
// headers, through the same RuleMatchCallback the CLI uses. The lit tests in
// testdata/ptdesc-address cover the shapes through the whole tool; these pin
// down the findings themselves: kind, place, message, edits.
//
//===----------------------------------------------------------------------===//

#include "RuleOnCode.h"
#include "pgmigrate/Rules.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

#ifndef PGMIGRATE_REFIMPL_INCLUDE
#error "PGMIGRATE_REFIMPL_INCLUDE must name reference-impl/include"
#endif

namespace {

const char Prefix[] = "#include <linux/mm.h>\n";

std::vector<Finding> run(llvm::StringRef Code, MigrationOptions Options = {}) {
  return pgmigrate::testing::runRuleOnCode(
      "ptdesc-address", Prefix + Code.str(), Options,
      pgmigrate::testing::referenceModelArgs(), "/src/arch/x86/mm/t.c");
}

// The code after applying every finding's edits.
std::string applied(llvm::StringRef Code,
                    const std::vector<Finding> &Findings) {
  tooling::Replacements All;
  for (const Finding &F : Findings)
    for (const tooling::Replacement &R : F.Replacements)
      EXPECT_FALSE(bool(All.add(R)));
  llvm::Expected<std::string> Result =
      tooling::applyAllReplacements(Prefix + Code.str(), All);
  EXPECT_TRUE(bool(Result));
  return Result ? Result->substr(strlen(Prefix)) : "";
}

TEST(PtdescAddressRule, ThePlainShapeBecomesOneReturn) {
  const char *Code = "pgd_t *alloc_pgd(void)\n"
                     "{\n"
                     "\tstruct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0);\n"
                     "\n"
                     "\tif (!pt)\n"
                     "\t\treturn NULL;\n"
                     "\treturn ptdesc_address(pt);\n"
                     "}\n";
  std::vector<Finding> Findings = run(Code);
  ASSERT_EQ(Findings.size(), 1u);
  const Finding &F = Findings[0];
  EXPECT_EQ(F.Kind, FindingKind::Converted);
  EXPECT_EQ(F.Rule, "ptdesc-address");
  EXPECT_EQ(F.FilePath, "/src/arch/x86/mm/t.c");
  EXPECT_EQ(F.Line, 4u);
  EXPECT_EQ(F.Column, 22u);
  EXPECT_EQ(F.Message,
            "replace 'struct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0); if "
            "(!pt) return NULL; return ptdesc_address(pt);' with 'return "
            "pgtable_alloc(GFP_KERNEL, 0);'; gains zeroing: the gfp mask had "
            "no __GFP_ZERO");
  EXPECT_TRUE(F.PairingKeys.empty());
  EXPECT_EQ(applied(Code, Findings), "pgd_t *alloc_pgd(void)\n"
                                     "{\n"
                                     "\treturn pgtable_alloc(GFP_KERNEL, 0);\n"
                                     "}\n");
}

TEST(PtdescAddressRule, OtherShapesKeepAnAddressVariable) {
  const char *Code = "void init_table(pte_t *table);\n"
                     "pte_t *alloc_pte(void)\n"
                     "{\n"
                     "\tstruct ptdesc *pt = pagetable_alloc(GFP_KERNEL | "
                     "__GFP_ZERO, 0);\n"
                     "\tpte_t *pte;\n"
                     "\n"
                     "\tif (!pt)\n"
                     "\t\treturn NULL;\n"
                     "\tpte = (pte_t *)ptdesc_address(pt);\n"
                     "\tinit_table(pte);\n"
                     "\treturn pte;\n"
                     "}\n";
  std::vector<Finding> Findings = run(Code);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[0].Message,
            "replace 'pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0)' with "
            "'pgtable_alloc(GFP_KERNEL, 0)'; the ptdesc 'pt' becomes 'pte_t "
            "*table'");
  EXPECT_EQ(applied(Code, Findings),
            "void init_table(pte_t *table);\n"
            "pte_t *alloc_pte(void)\n"
            "{\n"
            "\tpte_t *table = pgtable_alloc(GFP_KERNEL, 0);\n"
            "\tpte_t *pte;\n"
            "\n"
            "\tif (!table)\n"
            "\t\treturn NULL;\n"
            "\tpte = table;\n"
            "\tinit_table(pte);\n"
            "\treturn pte;\n"
            "}\n");
}

TEST(PtdescAddressRule, ANoprofFunctionAndADirectCallKeepNoprof) {
  std::vector<Finding> Findings =
      run("pte_t *table_alloc_noprof(void)\n"
          "{\n"
          "\tstruct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0);\n"
          "\tif (!pt)\n"
          "\t\treturn NULL;\n"
          "\treturn ptdesc_address(pt);\n"
          "}\n"
          "pte_t *direct(void)\n"
          "{\n"
          "\tstruct ptdesc *pt = pagetable_alloc_noprof(GFP_KERNEL, 0);\n"
          "\tif (!pt)\n"
          "\t\treturn NULL;\n"
          "\treturn ptdesc_address(pt);\n"
          "}\n");
  ASSERT_EQ(Findings.size(), 2u);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Converted);
    EXPECT_NE(F.Message.find("with 'return pgtable_alloc_noprof(GFP_KERNEL, "
                             "0);'"),
              std::string::npos)
        << F.Message;
  }
}

TEST(PtdescAddressRule, FollowsTheConfiguredAllocatorName) {
  MigrationOptions Options;
  Options.AllocName = "pgtable_alloc_addr";
  std::vector<Finding> Findings =
      run("pte_t *f(void)\n"
          "{\n"
          "\tstruct ptdesc *pt = pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0);\n"
          "\tif (!pt)\n"
          "\t\treturn NULL;\n"
          "\treturn ptdesc_address(pt);\n"
          "}\n",
          Options);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("'return pgtable_alloc_addr(GFP_KERNEL, "
                                     "0);'"),
            std::string::npos)
      << Findings[0].Message;
}

TEST(PtdescAddressRule, RefusesAPtdescThatIsNeededWithTheUse) {
  std::vector<Finding> Findings =
      run("pmd_t *with_ctor(void)\n"
          "{\n"
          "\tstruct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0);\n"
          "\tif (!pt)\n"
          "\t\treturn NULL;\n"
          "\tif (!pagetable_pmd_ctor(pt)) {\n"
          "\t\tpagetable_free(pt);\n"
          "\t\treturn NULL;\n"
          "\t}\n"
          "\treturn ptdesc_address(pt);\n"
          "}\n");
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_TRUE(Findings[0].Replacements.empty());
  EXPECT_EQ(Findings[0].Line, 4u);
  EXPECT_EQ(Findings[0].Message,
            "not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc 'pt' "
            "is passed to pagetable_pmd_ctor() at line 7");
}

TEST(PtdescAddressRule, RefusesAPtdescThatIsNotKept) {
  std::vector<Finding> Findings =
      run("struct ptdesc *returned(void)\n"
          "{\n"
          "\treturn pagetable_alloc(GFP_KERNEL, 0);\n"
          "}\n"
          "void keep(struct ptdesc *pt);\n"
          "void passed(void)\n"
          "{\n"
          "\tkeep(pagetable_alloc(GFP_KERNEL, 0));\n"
          "}\n");
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Message,
            "not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is "
            "returned");
  EXPECT_EQ(Findings[1].Message,
            "not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is "
            "passed to keep()");
}

TEST(PtdescAddressRule, APtdescPassedToAFunctionPointerSaysSo) {
  // The words zeroed-page uses; this rule once printed "is passed to ()".
  std::vector<Finding> Findings =
      run("void hand_over(void (*keep)(struct ptdesc *))\n"
          "{\n"
          "\tkeep(pagetable_alloc(GFP_KERNEL, 0));\n"
          "}\n");
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Findings[0].Message,
            "not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc is "
            "passed to a function pointer");
}

TEST(PtdescAddressRule, RefusesACallInsideAMacroDefinitionOnce) {
  std::vector<Finding> Findings =
      run("#define ALLOC_TABLE() pagetable_alloc(GFP_KERNEL, 0)\n"
          "struct ptdesc *a(void) { return ALLOC_TABLE(); }\n"
          "struct ptdesc *b(void) { return ALLOC_TABLE(); }\n");
  ASSERT_EQ(Findings.size(), 2u);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Refused);
    EXPECT_EQ(F.Line, 2u); // the #define
    EXPECT_EQ(F.Message,
              "not converted: pagetable_alloc() is written inside the "
              "definition of macro 'ALLOC_TABLE'; convert the macro by hand");
  }
  EXPECT_EQ(Findings[0], Findings[1]);
}

TEST(PtdescAddressRule, LeavesTheApiImplementationAlone) {
  EXPECT_TRUE(run("void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order)\n"
                  "{\n"
                  "\tstruct ptdesc *pt = pagetable_alloc_noprof(gfp | "
                  "__GFP_ZERO, order);\n"
                  "\treturn pt ? ptdesc_address(pt) : NULL;\n"
                  "}\n")
                  .empty());
}

} // namespace
