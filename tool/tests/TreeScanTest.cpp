//===- TreeScanTest.cpp ---------------------------------------------------===//
//
// The tree walk, the arch groups, and the split between the AST and the
// lexical scan (what a unit saw is left to the AST).
//
//===----------------------------------------------------------------------===//

#include "TreeScan.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

class TreeScanTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> Dir;
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("pgmigrate-treescan", Dir));
    llvm::SmallString<128> Real;
    ASSERT_FALSE(llvm::sys::fs::real_path(Dir, Real));
    Root = std::string(Real);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::string write(llvm::StringRef Relative, llvm::StringRef Text) {
    std::string Path = Root + "/" + Relative.str();
    EXPECT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return Path;
  }

  std::vector<std::string> messages(const TreeScanResult &Result) {
    std::vector<std::string> Lines;
    for (const Finding &F : Result.Findings)
      Lines.push_back(F.FilePath.substr(Root.size() + 1) + ":" +
                      std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                      " " + kindName(F.Kind).str());
    std::sort(Lines.begin(), Lines.end());
    return Lines;
  }

  std::string Root;
};

TEST(TreeScanGroups, ArchCodeGroupsByArchOtherCodeByFile) {
  EXPECT_EQ(conflictGroup("/k/arch/sparc/mm/init_64.c"), "/k/arch/sparc");
  EXPECT_EQ(conflictGroup("/k/arch/sparc/include/asm/pgalloc_64.h"),
            "/k/arch/sparc");
  EXPECT_EQ(conflictGroup("/k/mm/pgtable.c"), "/k/mm/pgtable.c");
  EXPECT_EQ(conflictGroup("/k/arch/Kconfig"), "/k/arch/Kconfig");
}

TEST_F(TreeScanTest, ListsCAndAssemblySourcesSortedSkippingGit) {
  write("b.c", "");
  write("a/x.h", "");
  write("a/y.S", "");
  write("a/z.txt", "");
  write(".git/hooks/pre.c", "");
  std::vector<std::string> Errors;
  std::vector<std::string> Files = listSourceFiles(Root, Errors);
  EXPECT_TRUE(Errors.empty());
  EXPECT_EQ(Files, (std::vector<std::string>{Root + "/a/x.h", Root + "/a/y.S",
                                             Root + "/b.c"}));
}

TEST_F(TreeScanTest, CallsAreTheArchsOwnWhereTheArchDefinesTheName) {
  write("arch/sparc/mm/init.c",
        "void pgtable_free(void *t, bool page)\n{\n}\n");
  write("arch/sparc/include/asm/pgalloc.h",
        "static inline void f(void *t)\n{\n\tpgtable_free(t, 1);\n}\n");
  // No local definition: the generic API's call.
  write("arch/x86/mm/init.c", "void g(void *t)\n{\n\tpgtable_free(t);\n}\n");
  write("mm/generic.c", "void pgtable_free(const void *addr)\n{\n}\n");
  MigrationOptions Options;
  Options.RenameConflicts = true;
  TreeScanInput Input;
  Input.Root = Root;
  TreeScanResult Result = scanTree(Input, Options);
  EXPECT_EQ(messages(Result),
            (std::vector<std::string>{
                "arch/sparc/include/asm/pgalloc.h:3:2 converted",
                "arch/sparc/mm/init.c:1:6 converted"}));
  EXPECT_EQ(Result.FilesWalked, 4u);
  EXPECT_EQ(Result.FilesWithNames, 4u);
  EXPECT_EQ(Result.Tokens, 4u);
  EXPECT_EQ(Result.DecidedLexically, 4u);
}

TEST_F(TreeScanTest, WhatAUnitCompiledIsLeftToTheAst) {
  std::string Header = write("arch/powerpc/include/asm/pgalloc.h",
                             "static inline void pgtable_free(void *t, int i)\n"
                             "{\n"
                             "}\n"
                             "#ifdef CONFIG_OFF\n"
                             "static inline void g(void *t)\n"
                             "{\n"
                             "\tpgtable_free(t, 1);\n"
                             "}\n"
                             "#endif\n");
  MigrationOptions Options;
  Options.RenameConflicts = true;
  TreeScanInput Input;
  Input.Root = Root;
  // One unit entered the header and skipped the #ifdef branch; the AST rule
  // reported the definition.
  unsigned IfdefAt = std::string("static inline void pgtable_free(void *t, "
                                 "int i)\n{\n}\n")
                         .size();
  Input.Coverage[Header].push_back({{IfdefAt, IfdefAt + 60}});
  Input.AstSites[Header].insert(19);
  TreeScanResult Result = scanTree(Input, Options);
  EXPECT_EQ(messages(Result),
            (std::vector<std::string>{
                "arch/powerpc/include/asm/pgalloc.h:7:2 converted"}));
  EXPECT_EQ(Result.Tokens, 2u);
  EXPECT_EQ(Result.DecidedLexically, 1u);

  // A second unit compiled the branch: the AST saw every token.
  Input.Coverage[Header].push_back({});
  Result = scanTree(Input, Options);
  EXPECT_TRUE(Result.Findings.empty());
  EXPECT_EQ(Result.DecidedLexically, 0u);
}

TEST_F(TreeScanTest, RefusesANewNameTheGroupAlreadyUses) {
  write("arch/sparc/mm/init.c", "void pgtable_free(void *t, bool page)\n{\n}\n"
                                "void __pgtable_free(void *t);\n");
  MigrationOptions Options;
  Options.RenameConflicts = true;
  TreeScanInput Input;
  Input.Root = Root;
  TreeScanResult Result = scanTree(Input, Options);
  ASSERT_EQ(Result.Findings.size(), 1u);
  EXPECT_EQ(Result.Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Result.Findings[0].Message,
            "'pgtable_free' clashes with the new API: function definition; "
            "not renamed: the new name '__pgtable_free' is already used in "
            "its group; choose another --conflict-prefix");
}

} // namespace
