//===- SourceRootTest.cpp -------------------------------------------------===//

#include "SourceRoot.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

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

} // namespace
