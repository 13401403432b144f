#include "EditVerifier.h"
#include "pgmigrate/ApiText.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

TEST(EditVerifier, WarningsAreComparedWithoutTheirPosition) {
  std::string Original = "a.c:10:3: warning: unused variable 'x'\n"
                         "a.c:20:1: warning: unused variable 'y'\n";
  // The edits moved both lines; nothing is new.
  EXPECT_EQ(newDiagnostics(Original,
                           "a.c:9:3: warning: unused variable 'x'\n"
                           "a.c:19:1: warning: unused variable 'y'\n"),
            "");
  // A second 'x' warning is new, and so is one in another file.
  EXPECT_EQ(newDiagnostics(Original, "a.c:9:3: warning: unused variable 'x'\n"
                                     "a.c:12:3: warning: unused variable 'x'\n"
                                     "b.h:1:1: warning: unused variable 'y'\n"),
            "a.c:12:3: warning: unused variable 'x'\n"
            "b.h:1:1: warning: unused variable 'y'\n");
  EXPECT_EQ(newDiagnostics("", "w.c:1:1: warning: w\n"),
            "w.c:1:1: warning: w\n");
  // Errors too: one the files had before the edits is not new.
  EXPECT_EQ(newDiagnostics("m.c:210:14: error: too few arguments\n",
                           "m.c:211:14: error: too few arguments\n"
                           "m.c:300:1: error: call to undeclared function\n"),
            "m.c:300:1: error: call to undeclared function\n");
}

TEST(EditVerifier, DeclaresTheApiWhereTheHeaderLacksIt) {
  MigrationOptions Options;
  std::string Lacking = "#ifndef _LINUX_MM_H\n#define _LINUX_MM_H\n"
                        "void pagetable_free(struct ptdesc *pt);\n"
                        "#endif /* _LINUX_MM_H */\n";
  std::string Gained = withApiDeclarations(Lacking, Options);
  EXPECT_EQ(Gained, "#ifndef _LINUX_MM_H\n#define _LINUX_MM_H\n"
                    "void pagetable_free(struct ptdesc *pt);\n" +
                        apiDeclarations(Options) +
                        "#endif /* _LINUX_MM_H */\n");
  // Declared already, as a _noprof function or a plain one: unchanged.
  EXPECT_EQ(withApiDeclarations(Gained, Options), Gained);
  std::string Plain = "void *pgtable_alloc(gfp_t gfp, unsigned int order);\n";
  EXPECT_EQ(withApiDeclarations(Plain, Options), Plain);
  // Other names are declared too.
  Options.AllocName = "pgtable_alloc_addr";
  Options.FreeName = "pgtable_free_addr";
  EXPECT_NE(withApiDeclarations(Gained, Options)
                .find("void pgtable_free_addr(const void *addr);"),
            std::string::npos);
}

} // namespace
