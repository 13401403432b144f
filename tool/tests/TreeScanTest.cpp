//===- TreeScanTest.cpp ---------------------------------------------------===//
//
// The tree walk: which files are listed, and that a scan over real files
// reaches the rule with each file's text (the rule's decisions are tested in
// matchers/tests/NameConflictsScanTest).
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

  std::string Root;
};

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

TEST_F(TreeScanTest, ScansEveryFileInPathOrderWhateverTheThreads) {
  for (int I = 0; I < 20; ++I)
    write("arch/sparc/mm/f" + std::to_string(10 + I) + ".c",
          "void pgtable_free(void *t, bool page)\n{\n}\n");
  write("notes.txt", "pgtable_free");
  MigrationOptions Options;
  Options.RenameConflicts = true;
  NameConflictsScan Scan(Options, Root);
  for (unsigned Threads : {1u, 4u}) {
    TreeScanResult Result = scanTree(Root, Scan, Threads);
    EXPECT_TRUE(Result.Errors.empty());
    EXPECT_EQ(Result.FilesWalked, 20u);
    EXPECT_EQ(Result.FilesWithNames, 20u);
    EXPECT_EQ(Result.Tokens, 20u);
    ASSERT_EQ(Result.Findings.size(), 20u);
    for (int I = 0; I < 20; ++I)
      EXPECT_EQ(Result.Findings[I].FilePath,
                Root + "/arch/sparc/mm/f" + std::to_string(10 + I) + ".c");
  }
}

} // namespace
