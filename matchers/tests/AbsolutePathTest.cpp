//===- AbsolutePathTest.cpp -----------------------------------------------===//

#include "pgmigrate/AbsolutePath.h"
#include "ParsedCode.h"
#include "clang/Basic/FileSystemOptions.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

TEST(AbsolutePath, RemovesDots) {
  EXPECT_EQ(absolutePath("/a/./b/../c.c"), "/a/c.c");
  EXPECT_EQ(absolutePath("/a/b/../../c.c"), "/c.c");
  EXPECT_EQ(absolutePath("/a//b/./"), "/a/b");
}

TEST(AbsolutePath, RelativeToTheCurrentDirectory) {
  llvm::SmallString<256> Cwd;
  ASSERT_FALSE(llvm::sys::fs::current_path(Cwd));
  llvm::SmallString<256> Expected(Cwd);
  llvm::sys::path::append(Expected, "b.c");
  EXPECT_EQ(absolutePath("./a/../b.c"), std::string(Expected));
}

TEST(AbsolutePath, RelativeToAFileManagersWorkingDirectory) {
  clang::FileSystemOptions Options;
  Options.WorkingDir = "/build/kernel";
  clang::FileManager Files(Options);
  EXPECT_EQ(absolutePath("arch/x86/../x86/mm/init.c", Files),
            "/build/kernel/arch/x86/mm/init.c");
  EXPECT_EQ(absolutePath("/src/./mm/a.c", Files), "/src/mm/a.c");
}

TEST(AbsolutePath, TheFileOfALocation) {
  ParsedCode Code("int x;\n", "/src/linux/arch/../mm/t.c");
  const clang::SourceManager &SM = Code.sourceManager();
  clang::SourceLocation Start = SM.getLocForStartOfFile(SM.getMainFileID());
  EXPECT_EQ(absoluteFilePath(Start, SM), "/src/linux/mm/t.c");
  EXPECT_EQ(absoluteFilePath(clang::SourceLocation(), SM), "");
}

} // namespace
