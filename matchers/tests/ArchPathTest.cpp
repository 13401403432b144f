//===- ArchPathTest.cpp ---------------------------------------------------===//

#include "pgmigrate/ArchPath.h"
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

} // namespace
