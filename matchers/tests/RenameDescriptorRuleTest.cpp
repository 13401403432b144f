//===- RenameDescriptorRuleTest.cpp ---------------------------------------===//
//
// The AST half of rename-descriptor on in-memory code, with the
// preprocessor hooks the CLI installs. testdata/rename-descriptor covers
// the whole tool (the lexical half, the merge, the series).
//
//===----------------------------------------------------------------------===//

#include "RuleOnCode.h"
#include "pgmigrate/Rules.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

namespace {

const char *MmHeader = R"c(
typedef unsigned int gfp_t;
#define alloc_hooks(x) (x)
struct ptdesc;
struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pagetable_alloc(...) alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))
void pagetable_free(struct ptdesc *pt);
)c";

const char *MainFile = "/src/arch/foo/mm/code.c";

MigrationOptions renaming(llvm::StringRef Name = "ptdesc_alloc") {
  MigrationOptions Options;
  Options.RenameDescriptorApi = true;
  Options.DescriptorAllocName = Name.str();
  return Options;
}

std::vector<Finding> run(llvm::StringRef Code,
                         MigrationOptions Options = renaming()) {
  return pgmigrate::testing::runRuleOnCode(
      "rename-descriptor", "#include \"linux/mm.h\"\n" + Code.str(), Options,
      {"-xc", "-std=gnu11", "-I/src/include", "-Wno-everything"}, MainFile,
      {{"/src/include/linux/mm.h", MmHeader}});
}

// "file:line:col kind: message" per finding.
std::vector<std::string> lines(const std::vector<Finding> &Findings) {
  std::vector<std::string> Result;
  for (const Finding &F : Findings)
    Result.push_back(llvm::sys::path::filename(F.FilePath).str() + ":" +
                     std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                     " " + kindName(F.Kind).str() + ": " + F.Message);
  return Result;
}

// The edited text of each converted finding, "file:line:col NEW".
std::vector<std::string> edits(const std::vector<Finding> &Findings) {
  std::vector<std::string> Result;
  for (const Finding &F : Findings)
    for (const tooling::Replacement &R : F.Replacements)
      Result.push_back(llvm::sys::path::filename(F.FilePath).str() + ":" +
                       std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                       " " + R.getReplacementText().str());
  return Result;
}

TEST(RenameDescriptorRule, RenamesDeclarationsMacroBodiesAndCalls) {
  std::vector<Finding> Findings = run(R"c(
#define early() pagetable_alloc(0, 1)
struct ptdesc *f(void)
{
	struct ptdesc *pt = pagetable_alloc(0, 0);
	pagetable_free(pt);
	return pagetable_alloc_noprof(0, 2);
}
)c");
  EXPECT_EQ(edits(Findings), (std::vector<std::string>{
                                 "code.c:3:17 ptdesc_alloc",
                                 "code.c:6:22 ptdesc_alloc",
                                 "code.c:8:9 ptdesc_alloc_noprof",
                                 "mm.h:5:16 ptdesc_alloc_noprof",
                                 "mm.h:6:9 ptdesc_alloc",
                                 "mm.h:6:42 ptdesc_alloc_noprof",
                             }));
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Converted) << F.Message;
    EXPECT_EQ(F.WholeRename, "pagetable_alloc");
    EXPECT_EQ(F.Message.find("pagetable_free"), std::string::npos);
  }
  EXPECT_EQ(lines(Findings)[0],
            "code.c:3:17 converted: 'pagetable_alloc' (the descriptor "
            "allocator): use in the body of macro 'early'; renamed to "
            "'ptdesc_alloc'");
}

TEST(RenameDescriptorRule, TheNewNameIsConfigurable) {
  std::vector<Finding> Findings =
      run("void *g(void) { return pagetable_alloc(0, 0); }\n",
          renaming("pt_desc_alloc"));
  std::vector<std::string> E = edits(Findings);
  EXPECT_TRUE(llvm::is_contained(E, "code.c:2:24 pt_desc_alloc"));
  EXPECT_TRUE(llvm::is_contained(E, "mm.h:5:16 pt_desc_alloc_noprof"));
}

TEST(RenameDescriptorRule, ATakenNewNameRefusesEverySiteInTheUnit) {
  std::vector<Finding> Findings =
      run("#define ptdesc_alloc_noprof other_noprof\n"
          "void *g(void) { return pagetable_alloc(0, 0); }\n");
  ASSERT_FALSE(Findings.empty());
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Refused);
    EXPECT_TRUE(F.Replacements.empty());
    EXPECT_EQ(F.WholeRename, "pagetable_alloc"); // blocks the rename
    EXPECT_NE(F.Message.find("not renamed: the new name "
                             "'ptdesc_alloc_noprof' is already declared in "
                             "this translation unit"),
              std::string::npos)
        << F.Message;
  }
}

TEST(RenameDescriptorRule, AParameterNamedLikeTheAllocatorIsLeftAlone) {
  std::vector<Finding> Findings =
      run("void walk(int (*pagetable_alloc)(int));\n");
  std::vector<std::string> L = lines(Findings);
  EXPECT_TRUE(llvm::is_contained(
      L, "code.c:2:17 refused: 'pagetable_alloc' is named like the "
         "descriptor allocator but is a function-pointer parameter; not "
         "renamed (the allocator's rename goes on)"));
  for (const Finding &F : Findings)
    if (F.Kind == FindingKind::Refused)
      EXPECT_TRUE(F.WholeRename.empty()); // does not block
}

TEST(RenameDescriptorRule, ADeclarationMadeByTokenPastingIsRefused) {
  std::vector<Finding> Findings = run(
      "#define DECLARE(n) struct ptdesc *pagetable_##n(gfp_t g, unsigned o);\n"
      "DECLARE(alloc_noprof)\n");
  bool Pasted = false;
  for (const Finding &F : Findings)
    if (F.Kind == FindingKind::Refused &&
        llvm::StringRef(F.FilePath).endswith("code.c") &&
        F.Message.find("function prototype; not renamed: ") !=
            std::string::npos) {
      Pasted = true;
      EXPECT_EQ(F.WholeRename, "pagetable_alloc");
    }
  EXPECT_TRUE(Pasted) << ::testing::PrintToString(lines(Findings));
}

TEST(RenameDescriptorRule, OffByDefault) {
  EXPECT_TRUE(
      run("void *g(void) { return pagetable_alloc(0, 0); }\n", {}).empty());
}

} // namespace
