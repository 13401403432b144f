//===- SourceRootTest.cpp -------------------------------------------------===//

#include "SourceRoot.h"
#include "TempDirTest.h"

using namespace pgmigrate;

namespace {

TEST(SourceRoot, RelativeToRoot) {
  EXPECT_EQ(relativeToRoot("/src/linux", "/src/linux/arch/x86/mm/init.c"),
            "arch/x86/mm/init.c");
  EXPECT_EQ(relativeToRoot("/src/linux/", "/src/linux/mm/a.c"), "mm/a.c");
  EXPECT_EQ(relativeToRoot("/", "/a.c"), "a.c");
  EXPECT_EQ(relativeToRoot("/src/linux", "/src/linux-next/a.c"), std::nullopt);
  EXPECT_EQ(relativeToRoot("/src/linux", "/src/linux"), std::nullopt);
  EXPECT_EQ(relativeToRoot("/src/linux", "/other/a.c"), std::nullopt);
}

TEST(SourceRoot, GitTopLevelIsTheNearestDirectoryWithDotGit) {
  llvm::SmallString<128> Top;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("pgmigrate-root", Top));
  llvm::SmallString<128> Git(Top), Sub(Top), File;
  llvm::sys::path::append(Git, ".git");
  llvm::sys::path::append(Sub, "arch", "x86");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Git));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub));
  File = Sub;
  llvm::sys::path::append(File, "a.c"); // need not exist
  EXPECT_EQ(gitTopLevel(File), std::string(Top));
  EXPECT_EQ(gitTopLevel(Sub), std::string(Top));
  llvm::sys::fs::remove_directories(Top);
}

using SourceRootTree = TempDirTest;

TEST_F(SourceRootTree, DefaultIsTheKernelTreeAboveTheSources) {
  // A kernel tree inside a git work tree: the kernel's top wins.
  ASSERT_FALSE(llvm::sys::fs::create_directories(path(".git")));
  ASSERT_FALSE(llvm::sys::fs::create_directories(path("linux/arch/x86/mm")));
  file("linux/Kbuild", "");
  file("linux/MAINTAINERS", "");
  std::string Source = file("linux/arch/x86/mm/init.c", "");
  llvm::SmallString<128> RealDir;
  ASSERT_FALSE(llvm::sys::fs::real_path(Dir, RealDir));
  EXPECT_EQ(defaultRoot({Source}), std::string(RealDir) + "/linux");
  EXPECT_EQ(kernelTreeTop(Source), path("linux"));
}

TEST_F(SourceRootTree, DefaultWithoutAKernelOrGitTreeIsTheCommonAncestor) {
  ASSERT_FALSE(llvm::sys::fs::create_directories(path("t/arch/x86/mm")));
  ASSERT_FALSE(llvm::sys::fs::create_directories(path("t/mm")));
  std::string A = file("t/arch/x86/mm/a.c", "");
  std::string B = file("t/mm/b.c", "");
  llvm::SmallString<128> RealDir;
  ASSERT_FALSE(llvm::sys::fs::real_path(Dir, RealDir));
  // (No .git above the scratch directory is assumed: it is under /tmp.)
  if (gitTopLevel(A))
    GTEST_SKIP() << "the scratch directory is inside a git work tree";
  EXPECT_EQ(defaultRoot({A, B}), std::string(RealDir) + "/t");
  EXPECT_EQ(commonAncestor({"/k/arch/x86/a.c", "/k/mm/b.c"}), "/k");
  EXPECT_EQ(commonAncestor({"/k/a.c"}), "/k");
  EXPECT_EQ(commonAncestor({"/a/x.c", "/b/y.c"}), "/");
}

TEST_F(SourceRootTree, GivenRootMustBeAnExistingDirectory) {
  llvm::Expected<std::string> Missing = checkedRoot(path("nonexistent"));
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("does not exist"),
            std::string::npos);
  std::string File = file("a.c", "");
  llvm::Expected<std::string> NotDir = checkedRoot(File);
  ASSERT_FALSE(bool(NotDir));
  llvm::consumeError(NotDir.takeError());
  // A symbolic link to the tree is the tree.
  ASSERT_FALSE(llvm::sys::fs::create_directories(path("tree")));
  ASSERT_FALSE(llvm::sys::fs::create_link(path("tree"), path("link")));
  llvm::Expected<std::string> Linked = checkedRoot(path("link"));
  ASSERT_TRUE(bool(Linked));
  llvm::SmallString<128> Real;
  ASSERT_FALSE(llvm::sys::fs::real_path(path("tree"), Real));
  EXPECT_EQ(*Linked, std::string(Real));
}

} // namespace
