//===- PtdescFreeRuleTest.cpp ---------------------------------------------===//
//
// The rule on in-memory code, through the same RuleMatchCallback the CLI
// uses. The lit tests in testdata/ptdesc-free cover the same shapes through
// the whole tool; these pin down the findings themselves.
//
//===----------------------------------------------------------------------===//

#include "RuleOnCode.h"
#include "pgmigrate/Rules.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

namespace {

// The kernel's shapes: both functions are static inlines in linux/mm.h.
const char *MmHeader = R"c(
struct ptdesc { unsigned long flags; };
static inline struct ptdesc *virt_to_ptdesc(const void *x)
{ return (struct ptdesc *)x; }
static inline void pagetable_free(struct ptdesc *pt) { (void)pt; }
void pgtable_free(const void *addr);
)c";

std::vector<Finding> runPtdescFree(llvm::StringRef Code,
                                   MigrationOptions Options = {}) {
  return pgmigrate::testing::runRuleOnCode(
      "ptdesc-free", std::string("#include \"mm.h\"\n") + Code.str(), Options,
      {"-xc", "-std=gnu11"}, "/src/input.c", {{"/src/mm.h", MmHeader}});
}

// The code after applying every finding's edits.
std::string applied(llvm::StringRef Code,
                    const std::vector<Finding> &Findings) {
  std::string Full = std::string("#include \"mm.h\"\n") + Code.str();
  tooling::Replacements All;
  for (const Finding &F : Findings)
    for (const tooling::Replacement &R : F.Replacements)
      EXPECT_FALSE(bool(All.add(R)));
  llvm::Expected<std::string> Result = tooling::applyAllReplacements(Full, All);
  EXPECT_TRUE(bool(Result));
  return Result ? Result->substr(strlen("#include \"mm.h\"\n")) : "";
}

TEST(PtdescFreeRule, ConvertsAPlainCallKeepingTheArgument) {
  const char *Code = "void f(void *pmd, void **pud)\n"
                     "{\n"
                     "\tpagetable_free(virt_to_ptdesc(pmd));\n"
                     "\tpagetable_free(virt_to_ptdesc( pud[0] ));\n"
                     "}\n";
  std::vector<Finding> Findings = runPtdescFree(Code);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[0].Rule, "ptdesc-free");
  EXPECT_EQ(Findings[0].FilePath, "/src/input.c");
  EXPECT_EQ(Findings[0].Line, 4u);
  EXPECT_EQ(Findings[0].Column, 2u);
  EXPECT_EQ(Findings[0].Message,
            "replace 'pagetable_free(virt_to_ptdesc(pmd))' with "
            "'pgtable_free(pmd)'");
  ASSERT_EQ(Findings[0].Replacements.size(), 1u);
  EXPECT_EQ(Findings[0].Replacements[0].getFilePath(), "/src/input.c");
  EXPECT_EQ(applied(Code, Findings), "void f(void *pmd, void **pud)\n"
                                     "{\n"
                                     "\tpgtable_free(pmd);\n"
                                     "\tpgtable_free(pud[0]);\n"
                                     "}\n");
}

TEST(PtdescFreeRule, UsesTheConfiguredFreeName) {
  MigrationOptions Options;
  Options.FreeName = "pgtable_free_addr";
  const char *Code = "void f(void *p) { pagetable_free(virt_to_ptdesc(p)); }\n";
  EXPECT_EQ(applied(Code, runPtdescFree(Code, Options)),
            "void f(void *p) { pgtable_free_addr(p); }\n");
}

TEST(PtdescFreeRule, RefusesACallInsideAMacroDefinitionOnce) {
  const char *Code = "#define free_pmd(p) pagetable_free(virt_to_ptdesc(p))\n"
                     "void f(void *a, void *b) { free_pmd(a); free_pmd(b); }\n";
  std::vector<Finding> Findings = runPtdescFree(Code);
  ASSERT_EQ(Findings.size(), 2u);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Refused);
    EXPECT_TRUE(F.Replacements.empty());
    EXPECT_EQ(F.Line, 2u); // the #define
    EXPECT_EQ(F.Message, "not converted: pagetable_free(virt_to_ptdesc()) is "
                         "written inside the definition of macro 'free_pmd'; "
                         "convert the macro by hand");
  }
  EXPECT_EQ(Findings[0], Findings[1]); // the merge step deduplicates them
}

TEST(PtdescFreeRule, RefusesACallSplitAcrossAMacroBoundary) {
  const char *Code = "#define PTDESC(p) virt_to_ptdesc(p)\n"
                     "void f(void *a) { pagetable_free(PTDESC(a)); }\n";
  std::vector<Finding> Findings = runPtdescFree(Code);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Findings[0].Line, 3u);
  EXPECT_NE(Findings[0].Message.find("split across a macro boundary"),
            std::string::npos);
  EXPECT_NE(Findings[0].Message.find("'PTDESC'"), std::string::npos);
}

TEST(PtdescFreeRule, ConvertsACallThatIsAMacroArgument) {
  const char *Code =
      "#define WITH_LOCK(stmt) do { stmt; } while (0)\n"
      "void f(void *a) { WITH_LOCK(pagetable_free(virt_to_ptdesc(a))); }\n";
  std::vector<Finding> Findings = runPtdescFree(Code);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(applied(Code, Findings),
            "#define WITH_LOCK(stmt) do { stmt; } while (0)\n"
            "void f(void *a) { WITH_LOCK(pgtable_free(a)); }\n");
}

TEST(PtdescFreeRule, KeepsAnArgumentThatIsAMacro) {
  const char *Code = "#define pud_pgtable(pud) ((void *)(pud))\n"
                     "#define THE_PTE table\n"
                     "void *table;\n"
                     "void f(long *pud) {\n"
                     "\tpagetable_free(virt_to_ptdesc(pud_pgtable(*pud)));\n"
                     "\tpagetable_free(virt_to_ptdesc(THE_PTE));\n"
                     "}\n";
  std::vector<Finding> Findings = runPtdescFree(Code);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(applied(Code, Findings),
            "#define pud_pgtable(pud) ((void *)(pud))\n"
            "#define THE_PTE table\n"
            "void *table;\n"
            "void f(long *pud) {\n"
            "\tpgtable_free(pud_pgtable(*pud));\n"
            "\tpgtable_free(THE_PTE);\n"
            "}\n");
}

TEST(PtdescFreeRule, LeavesTheApiImplementationAlone) {
  const char *Code = "void pgtable_free(const void *addr)\n"
                     "{ pagetable_free(virt_to_ptdesc(addr)); }\n";
  EXPECT_TRUE(runPtdescFree(Code).empty());

  MigrationOptions Options;
  Options.FreeName = "pgtable_free_addr";
  const char *Wrapper = "void pgtable_free_addr(const void *addr)\n"
                        "{ pagetable_free(virt_to_ptdesc(addr)); }\n";
  EXPECT_TRUE(runPtdescFree(Wrapper, Options).empty());
  // Under the default names the same function is ordinary code.
  EXPECT_EQ(runPtdescFree(Wrapper).size(), 1u);
}

TEST(PtdescFreeRule, IgnoresOtherFreesAndIsIdempotent) {
  const char *Code = "void f(void *a, struct ptdesc *pt) {\n"
                     "\tpagetable_free(pt);\n"
                     "\tpgtable_free(a);\n"
                     "}\n";
  EXPECT_TRUE(runPtdescFree(Code).empty());
}

} // namespace
