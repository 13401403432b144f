//===- NameConflictsScanTest.cpp ------------------------------------------===//
//
// The lexical half of name-conflicts: the arch groups, the decisions on
// tokens no unit saw, and the split with the AST (what a unit compiled or
// the AST rule reported is left to it). Files are given as text; nothing
// is read from disk.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/NameConflictsScan.h"
#include "rules/NameConflicts.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

const std::string Root = "/k";

// A tree given as (path below Root, text) pairs, scanned in that order.
using Tree = std::vector<std::pair<std::string, std::string>>;

NameConflictsScanResult scan(const NameConflictsScan &Scan, const Tree &Files) {
  std::vector<ConflictFileScan> Scanned;
  for (const auto &[Relative, Text] : Files)
    Scanned.push_back(Scan.scanFile(Root + "/" + Relative, Text));
  return Scan.decide(std::move(Scanned));
}

// "path:line:col kind" per finding.
std::vector<std::string> sites(const NameConflictsScanResult &Result) {
  std::vector<std::string> Lines;
  for (const Finding &F : Result.Findings)
    Lines.push_back(F.FilePath.substr(Root.size() + 1) + ":" +
                    std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                    " " + kindName(F.Kind).str());
  return Lines;
}

MigrationOptions renaming() {
  MigrationOptions Options;
  Options.RenameConflicts = true;
  return Options;
}

TEST(NameConflictsScanGroups, ArchCodeGroupsByArchOtherCodeByFile) {
  EXPECT_EQ(conflictGroup("/k/arch/sparc/mm/init_64.c"), "/k/arch/sparc");
  EXPECT_EQ(conflictGroup("/k/arch/sparc/include/asm/pgalloc_64.h"),
            "/k/arch/sparc");
  EXPECT_EQ(conflictGroup("/k/mm/pgtable.c"), "/k/mm/pgtable.c");
  EXPECT_EQ(conflictGroup("/k/arch/Kconfig"), "/k/arch/Kconfig");
}

TEST(NameConflictsScan, SkipsFilesThatDoNotMentionAClashingName) {
  NameConflictsScan Scan(renaming(), Root);
  EXPECT_TRUE(Scan.scanFile("/k/a.c", "int pgtable;\n").Path.empty());
  ConflictFileScan File = Scan.scanFile("/k/a.S", "call pgtable_free\n");
  EXPECT_EQ(File.Path, "/k/a.S");
  EXPECT_TRUE(File.Assembly);
  EXPECT_EQ(File.Tokens.size(), 1u);
}

TEST(NameConflictsScan, CallsAreTheArchsOwnWhereTheArchDefinesTheName) {
  NameConflictsScan Scan(renaming(), Root);
  NameConflictsScanResult Result = scan(
      Scan,
      {{"arch/sparc/include/asm/pgalloc.h",
        "static inline void f(void *t)\n{\n\tpgtable_free(t, 1);\n}\n"},
       {"arch/sparc/mm/init.c",
        "void pgtable_free(void *t, bool page)\n{\n}\n"},
       // No local definition: the generic API's call.
       {"arch/x86/mm/init.c", "void g(void *t)\n{\n\tpgtable_free(t);\n}\n"},
       {"mm/generic.c", "void pgtable_free(const void *addr)\n{\n}\n"}});
  EXPECT_EQ(sites(Result), (std::vector<std::string>{
                               "arch/sparc/include/asm/pgalloc.h:3:2 converted",
                               "arch/sparc/mm/init.c:1:6 converted"}));
  EXPECT_EQ(Result.Findings[0].Replacements.size(), 1u);
  EXPECT_EQ(Result.Findings[0].Replacements[0].getReplacementText(),
            "__pgtable_free");
  EXPECT_EQ(Result.FilesWithNames, 4u);
  EXPECT_EQ(Result.Tokens, 4u);
  EXPECT_EQ(Result.DecidedLexically, 4u);
}

TEST(NameConflictsScan, ReportsWithoutRenamingByDefault) {
  NameConflictsScan Scan(MigrationOptions(), Root);
  NameConflictsScanResult Result =
      scan(Scan, {{"arch/sparc/mm/init.c",
                   "void pgtable_free(void *t, bool page)\n{\n}\n"
                   "void f(void *t)\n{\n\tpgtable_free(t, 1);\n}\n"}});
  ASSERT_EQ(Result.Findings.size(), 1u);
  EXPECT_EQ(Result.Findings[0].Kind, FindingKind::Refused);
  EXPECT_TRUE(Result.Findings[0].Replacements.empty());
}

TEST(NameConflictsScan, WhatAUnitCompiledIsLeftToTheAst) {
  std::string Text = "static inline void pgtable_free(void *t, int i)\n"
                     "{\n"
                     "}\n"
                     "#ifdef CONFIG_OFF\n"
                     "static inline void g(void *t)\n"
                     "{\n"
                     "\tpgtable_free(t, 1);\n"
                     "}\n"
                     "#endif\n";
  std::string Header = "arch/powerpc/include/asm/pgalloc.h";
  std::string Path = Root + "/" + Header;
  // One unit entered the header and skipped the #ifdef branch; the AST rule
  // reported the definition.
  unsigned IfdefAt = Text.find("#ifdef");
  UnitCoverage Skipping;
  Skipping.Files[Path].push_back({{IfdefAt, IfdefAt + 60}});
  Finding AstDefinition;
  AstDefinition.Rule = "name-conflicts";
  AstDefinition.FilePath = Path;
  AstDefinition.Offset = 19;
  Finding OtherRule = AstDefinition;
  OtherRule.Rule = "zeroed-page";
  OtherRule.Offset = Text.find("pgtable_free(t, 1)");

  NameConflictsScan Scan(renaming(), Root);
  Scan.addUnit(Skipping, {AstDefinition, OtherRule});
  NameConflictsScanResult Result = scan(Scan, {{Header, Text}});
  EXPECT_EQ(sites(Result),
            (std::vector<std::string>{"arch/powerpc/include/asm/pgalloc.h:7:2 "
                                      "converted"}));
  EXPECT_EQ(Result.Tokens, 2u);
  EXPECT_EQ(Result.DecidedLexically, 1u);

  // A second unit compiled the branch: the AST saw every token.
  UnitCoverage Compiling;
  Compiling.Files[Path].emplace_back();
  Scan.addUnit(Compiling, {});
  Result = scan(Scan, {{Header, Text}});
  EXPECT_TRUE(Result.Findings.empty());
  EXPECT_EQ(Result.DecidedLexically, 0u);
}

TEST(NameConflictsScan, AssemblyIsReportedForAHandEdit) {
  NameConflictsScan Scan(renaming(), Root);
  NameConflictsScanResult Result =
      scan(Scan, {{"arch/sparc/kernel/tsb.S", "\tcall pgtable_free\n"},
                  {"arch/sparc/mm/init.c", "void pgtable_free(void *t, "
                                           "bool page)\n{\n}\n"}});
  EXPECT_EQ(sites(Result),
            (std::vector<std::string>{"arch/sparc/kernel/tsb.S:1:7 refused",
                                      "arch/sparc/mm/init.c:1:6 converted"}));
  EXPECT_NE(Result.Findings[0].Message.find("use in assembly"),
            std::string::npos);
}

TEST(NameConflictsScan, RefusesANewNameTheGroupAlreadyUses) {
  NameConflictsScan Scan(renaming(), Root);
  NameConflictsScanResult Result =
      scan(Scan, {{"arch/sparc/mm/init.c",
                   "void pgtable_free(void *t, bool page)\n{\n}\n"
                   "void __pgtable_free(void *t);\n"}});
  ASSERT_EQ(Result.Findings.size(), 1u);
  EXPECT_EQ(Result.Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Result.Findings[0].Message,
            "'pgtable_free' clashes with the new API: function definition; "
            "not renamed: the new name '__pgtable_free' is already used in "
            "its group; choose another conflict prefix");
}

TEST(NameConflictsScan, RefusalsNameTheSettingNotAFlag) {
  NameConflictsScan Scan(renaming(), Root);
  NameConflictsScanResult Result =
      scan(Scan, {{"arch/arm64/mm/mmu.c",
                   "static void f(void *(*pgtable_alloc)(int))\n{\n"
                   "\tint pgtable_alloc_fn;\n}\n"}});
  ASSERT_EQ(Result.Findings.size(), 1u);
  EXPECT_EQ(Result.Findings[0].Message,
            "'pgtable_alloc' clashes with the new API: function-pointer "
            "parameter; not renamed: the new name 'pgtable_alloc_fn' is "
            "already used in this file; choose another conflict parameter "
            "name");
}

TEST(UnitCoverage, ATokenIsCompiledWhenSomeEntryDidNotSkipIt) {
  UnitCoverage Coverage;
  EXPECT_FALSE(Coverage.compiled("/k/a.h", 5));
  Coverage.Files["/k/a.h"].push_back({{0, 10}});
  EXPECT_FALSE(Coverage.compiled("/k/a.h", 5));
  EXPECT_TRUE(Coverage.compiled("/k/a.h", 10));
  UnitCoverage Other;
  Other.Files["/k/a.h"].push_back({{20, 30}});
  Coverage.merge(std::move(Other));
  EXPECT_EQ(Coverage.Files["/k/a.h"].size(), 2u);
  EXPECT_TRUE(Coverage.compiled("/k/a.h", 5));
  EXPECT_FALSE(Coverage.compiled("/k/b.h", 5));
}

} // namespace

// The lexical half of rename-descriptor, which the same scan runs.
namespace {

MigrationOptions descriptorOnly() {
  MigrationOptions Options;
  Options.EnabledRules = {"rename-descriptor"};
  Options.RenameDescriptorApi = true;
  return Options;
}

// "path:line:col kind NEW" per finding (NEW: the edit's text, or "-").
std::vector<std::string> renames(const NameConflictsScanResult &Result) {
  std::vector<std::string> Lines;
  for (const Finding &F : Result.Findings)
    Lines.push_back(F.FilePath.substr(Root.size() + 1) + ":" +
                    std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                    " " + kindName(F.Kind).str() + " " +
                    (F.Replacements.empty()
                         ? "-"
                         : F.Replacements[0].getReplacementText().str()));
  return Lines;
}

TEST(DescriptorRenameScan, RenamesEveryUseOfTheAllocatorOnly) {
  NameConflictsScan Scan(descriptorOnly(), Root);
  NameConflictsScanResult Result = scan(
      Scan,
      {{"include/linux/mm.h",
        "struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int o);\n"
        "#define pagetable_alloc(...) "
        "alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))\n"
        "void pagetable_free(struct ptdesc *pt);\n"},
       {"arch/sparc/mm/init.c",
        "#ifdef CONFIG_X\nvoid *f(void) { return pagetable_alloc(0, 0); }\n"
        "#endif\n"},
       {"arch/sparc/kernel/head.S", "\tcall pagetable_alloc_noprof\n"},
       {"arch/arm64/mm/walk.c", "void walk(void *(*pagetable_alloc)(int))\n{\n"
                                "\tpagetable_alloc(0);\n}\n"}});
  EXPECT_EQ(renames(Result),
            (std::vector<std::string>{
                "include/linux/mm.h:1:16 converted ptdesc_alloc_noprof",
                "include/linux/mm.h:2:9 converted ptdesc_alloc",
                "include/linux/mm.h:2:42 converted ptdesc_alloc_noprof",
                "arch/sparc/mm/init.c:2:24 converted ptdesc_alloc",
                "arch/sparc/kernel/head.S:1:7 refused -",
                "arch/arm64/mm/walk.c:1:19 refused -",
            }));
  for (const Finding &F : Result.Findings) {
    EXPECT_EQ(F.Rule, "rename-descriptor");
    // Assembly and the parameter are reported; they do not block.
    EXPECT_EQ(F.WholeRename.empty(), F.Kind == FindingKind::Refused);
  }
  // name-conflicts is not run.
  EXPECT_EQ(Result.Tokens, 7u);
}

TEST(DescriptorRenameScan, ANewNameUsedInTheTreeRefusesEverySite) {
  NameConflictsScan Scan(descriptorOnly(), Root);
  NameConflictsScanResult Result =
      scan(Scan, {{"arch/sparc/mm/init.c",
                   "void *f(void) { return pagetable_alloc(0, 0); }\n"},
                  {"arch/x86/mm/desc.c", "int ptdesc_alloc;\n"}});
  ASSERT_EQ(Result.Findings.size(), 1u);
  const Finding &F = Result.Findings[0];
  EXPECT_EQ(F.Kind, FindingKind::Refused);
  EXPECT_EQ(F.WholeRename, "pagetable_alloc");
  EXPECT_NE(F.Message.find("the new name 'ptdesc_alloc' is already used in "
                           "the tree (arch/x86/mm/desc.c:1)"),
            std::string::npos)
      << F.Message;
}

TEST(DescriptorRenameScan, WhatAUnitCompiledIsLeftToTheAst) {
  std::string Text = "void *f(void) { return pagetable_alloc(0, 0); }\n"
                     "#ifdef CONFIG_OFF\n"
                     "void *g(void) { return pagetable_alloc(0, 1); }\n"
                     "#endif\n";
  NameConflictsScan Scan(descriptorOnly(), Root);
  UnitCoverage Coverage;
  unsigned Skipped = Text.find("#ifdef");
  Coverage.Files[Root + "/arch/x86/mm/a.c"].push_back(
      {{Skipped, static_cast<unsigned>(Text.size())}});
  Scan.addUnit(std::move(Coverage), {});
  NameConflictsScanResult Result = scan(Scan, {{"arch/x86/mm/a.c", Text}});
  EXPECT_EQ(renames(Result),
            (std::vector<std::string>{
                "arch/x86/mm/a.c:3:24 converted ptdesc_alloc"}));
  EXPECT_EQ(Result.Tokens, 2u);
  EXPECT_EQ(Result.DecidedLexically, 1u);
}

} // namespace
