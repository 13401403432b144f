//===- MaintainersTest.cpp ------------------------------------------------===//

#include "Maintainers.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

bool matches(llvm::StringRef Pattern, llvm::StringRef Path,
             unsigned *DepthOut = nullptr) {
  unsigned Depth = 99;
  bool Matched = maintainerPatternMatches(Pattern, Path, Depth);
  if (DepthOut)
    *DepthOut = Depth;
  return Matched;
}

TEST(Maintainers, DirectoryPatternsCoverTheirSubtree) {
  unsigned Depth = 0;
  EXPECT_TRUE(matches("arch/x86/mm/", "arch/x86/mm/pat/set_memory.c", &Depth));
  EXPECT_EQ(Depth, 3u);
  EXPECT_FALSE(matches("arch/x86/mm/", "arch/x86/kernel/ldt.c"));
  EXPECT_FALSE(matches("arch/x86/mm/", "arch/x86/mm.c"));
}

TEST(Maintainers, FilePatternsMatchOneComponentPerComponent) {
  EXPECT_TRUE(matches("include/linux/mm.h", "include/linux/mm.h"));
  EXPECT_FALSE(matches("include/linux/mm.h", "include/linux/mm.h/x"));
  EXPECT_TRUE(matches("arch/x86/kernel/machine_kexec*",
                      "arch/x86/kernel/machine_kexec_64.c"));
  // '*' does not cross a '/'.
  EXPECT_FALSE(matches("arch/*/kexec.c", "arch/x86/kernel/kexec.c"));
  EXPECT_TRUE(matches("drivers/scsi/3w-?xxx.c", "drivers/scsi/3w-9xxx.c"));
}

TEST(Maintainers, TheCatchAllHasDepthZero) {
  unsigned Depth = 7;
  EXPECT_TRUE(matches("*/", "arch/x86/mm/init.c", &Depth));
  EXPECT_EQ(Depth, 0u);
  EXPECT_TRUE(matches("*", "Makefile", &Depth));
  EXPECT_EQ(Depth, 0u);
}

TEST(Maintainers, SectionsMostSpecificFirstAndExclusionsHold) {
  MaintainersFile File =
      MaintainersFile::parse("Preamble text that is not a section.\n"
                             "\n"
                             "X86 ARCHITECTURE\n"
                             "M:\tXavier <x@example.org>\n"
                             "L:\tx86@example.org (moderated)\n"
                             "F:\tarch/x86/\n"
                             "X:\tarch/x86/boot/\n"
                             "\n"
                             "X86 MM\n"
                             "M:\tMia <m@example.org>\n"
                             "R:\tRex <r@example.org>\n"
                             "F:\tarch/x86/mm/\n"
                             "\n"
                             "THE REST\n"
                             "M:\tLinus <l@example.org>\n"
                             "F:\t*\n"
                             "F:\t*/\n");
  std::vector<MaintainersFile::Match> Mm =
      File.sectionsFor("arch/x86/mm/init.c");
  ASSERT_EQ(Mm.size(), 3u);
  EXPECT_EQ(Mm[0].Section->Title, "X86 MM");
  EXPECT_EQ(Mm[0].Section->Reviewers,
            std::vector<std::string>{"Rex <r@example.org>"});
  EXPECT_EQ(Mm[1].Section->Title, "X86 ARCHITECTURE");
  // A list's note ("(moderated)") is not part of its address.
  EXPECT_EQ(Mm[1].Section->Lists, std::vector<std::string>{"x86@example.org"});
  EXPECT_EQ(Mm[2].Section->Title, "THE REST");
  EXPECT_EQ(Mm[2].Depth, 0u);

  std::vector<MaintainersFile::Match> Boot =
      File.sectionsFor("arch/x86/boot/main.c");
  ASSERT_EQ(Boot.size(), 1u);
  EXPECT_EQ(Boot[0].Section->Title, "THE REST");
}

} // namespace
