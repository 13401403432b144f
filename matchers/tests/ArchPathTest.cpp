//===- ArchPathTest.cpp ---------------------------------------------------===//

#include "pgmigrate/ArchPath.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

TEST(ArchPath, ArchOfAbsoluteAndRelativePaths) {
  EXPECT_EQ(archNameOf("/src/linux/arch/x86/mm/init.c"), "x86");
  EXPECT_EQ(archNameOf("arch/arm64/include/asm/pgalloc.h"), "arm64");
  EXPECT_EQ(archNameOf("/src/linux/mm/memory.c"), "generic");
  EXPECT_EQ(archNameOf("mm/memory.c"), "generic");
}

TEST(ArchPath, FilesDirectlyInArchAreGeneric) {
  EXPECT_EQ(archNameOf("/src/linux/arch/Kconfig"), "generic");
  EXPECT_EQ(archNameOf("arch/Kconfig"), "generic");
  EXPECT_FALSE(isArchCode("/src/linux/arch/"));
}

TEST(ArchPath, TheDirectoryNearestTheFileCounts) {
  EXPECT_EQ(archNameOf("/home/arch/linux/arch/riscv/mm/init.c"), "riscv");
  EXPECT_EQ(archNameOf("/srv/arch/arch/arch/sparc/mm/init_64.c"), "sparc");
  std::optional<ArchDir> Dir =
      archDirOf("/home/arch/linux/arch/sparc/include/asm/pgalloc_64.h");
  ASSERT_TRUE(Dir);
  EXPECT_EQ(Dir->Name, "sparc");
  EXPECT_EQ(Dir->Dir, "/home/arch/linux/arch/sparc");
}

TEST(ArchPath, ATreeCheckedOutUnderAnArchDirectoryIsNotAnArch) {
  // Without the root, /home/arch/linux looks like arch "linux"; with it,
  // only the part below the root counts.
  EXPECT_EQ(archNameOf("/home/arch/linux/mm/init.c"), "linux");
  EXPECT_EQ(archNameOf("/home/arch/linux/mm/init.c", "/home/arch/linux"),
            "generic");
  EXPECT_EQ(archNameOf("/home/arch/linux/mm/init.c", "/home/arch/linux/"),
            "generic");
  EXPECT_EQ(archNameOf("/home/arch/linux/arch/powerpc/mm/pgtable.c",
                       "/home/arch/linux"),
            "powerpc");
  std::optional<ArchDir> Sparc =
      archDirOf("/home/arch/linux/arch/sparc/mm/init_64.c", "/home/arch/linux");
  std::optional<ArchDir> Powerpc = archDirOf(
      "/home/arch/linux/arch/powerpc/mm/pgtable.c", "/home/arch/linux");
  ASSERT_TRUE(Sparc && Powerpc);
  EXPECT_NE(Sparc->Dir, Powerpc->Dir);
  EXPECT_EQ(Sparc->Dir, "/home/arch/linux/arch/sparc");
}

TEST(ArchPath, ARootThatDoesNotHoldThePathIsIgnored) {
  EXPECT_EQ(archNameOf("/src/linux/arch/x86/mm/init.c", "/other"), "x86");
  // A sibling whose name starts like the root is not below it.
  EXPECT_EQ(archNameOf("/home/arch/linux2/mm/init.c", "/home/arch/linux"),
            "linux2");
}

TEST(ArchPath, ARootInsideAnArchDirectoryKeepsItsArch) {
  // --root arch/x86/mm: the arch is above the root, and still the file's.
  EXPECT_EQ(
      archNameOf("/src/linux/arch/x86/mm/init.c", "/src/linux/arch/x86/mm"),
      "x86");
  // --root arch/x86: that is also the shape of a tree checked out as
  // /home/arch/linux; the kernel tree's top-level Kconfig tells them apart.
  llvm::SmallString<128> Tree;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("archpath", Tree));
  std::string Top = Tree.str().str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(Top + "/linux/arch/x86/mm"));
  EXPECT_EQ(
      archNameOf(Top + "/linux/arch/x86/mm/init.c", Top + "/linux/arch/x86"),
      "generic"); // no kernel tree around it
  {
    std::error_code EC;
    llvm::raw_fd_ostream Kconfig(Top + "/linux/Kconfig", EC);
    ASSERT_FALSE(EC);
  }
  EXPECT_EQ(
      archNameOf(Top + "/linux/arch/x86/mm/init.c", Top + "/linux/arch/x86"),
      "x86");
  llvm::sys::fs::remove_directories(Top);
}

} // namespace
