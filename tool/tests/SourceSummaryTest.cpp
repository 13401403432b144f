//===- SourceSummaryTest.cpp ----------------------------------------------===//

#include "SourceSummary.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

bool spells(const SourceSummary &S, const std::string &Id) {
  return std::binary_search(S.Identifiers.begin(), S.Identifiers.end(), Id);
}

TEST(SourceSummary, IdentifiersOfCodeDirectivesAndStringsNotComments) {
  SourceSummary S =
      summarizeSource("/* get_zeroed_page in a comment */\n"
                      "// free_page too\n"
                      "#if defined(CONFIG_X86_64)\n"
                      "void f(void) __attribute__((alias(\"pgd_free\")));\n"
                      "int x = 0x1fUL + 1e+5; char c = 'a';\n"
                      "#endif\n");
  EXPECT_TRUE(spells(S, "CONFIG_X86_64"));
  EXPECT_TRUE(spells(S, "pgd_free")); // inside a string: alias("...")
  EXPECT_TRUE(spells(S, "alias"));
  EXPECT_FALSE(spells(S, "get_zeroed_page"));
  EXPECT_FALSE(spells(S, "free_page"));
  EXPECT_FALSE(spells(S, "fUL")); // part of a number
  EXPECT_FALSE(spells(S, "a"));   // a character literal
}

TEST(SourceSummary, IncludesEveryBranchAndComputedOnes) {
  SourceSummary S = summarizeSource("#ifdef A\n"
                                    "# include <asm/pgalloc.h>\n"
                                    "#else\n"
                                    "#include \"local.h\" /* why */\n"
                                    "#endif\n"
                                    "#include_next <linux/mm.h>\n");
  ASSERT_EQ(S.Includes.size(), 3u);
  EXPECT_EQ(S.Includes[0].Name, "asm/pgalloc.h");
  EXPECT_TRUE(S.Includes[0].Angled);
  EXPECT_EQ(S.Includes[1].Name, "local.h");
  EXPECT_FALSE(S.Includes[1].Angled);
  EXPECT_TRUE(S.Includes[2].Next);
  EXPECT_FALSE(S.ComputedInclude);
  EXPECT_TRUE(
      summarizeSource("#include TRACE_INCLUDE(FILE)\n").ComputedInclude);
}

TEST(SourceSummary, MacrosWithTheirBodiesAndPastes) {
  SourceSummary S =
      summarizeSource("#define free_page(addr) free_pages((addr), 0)\n"
                      "#define DEFINE_POPULATE(fname, type) \\\n"
                      "  static void fname##_init(type *p) { fname(p); }\n"
                      "#define PASTE(a, b) a ## b\n"
                      "#define NOT_A_FUNCTION (x)\n");
  ASSERT_EQ(S.Macros.size(), 4u);
  EXPECT_EQ(S.Macros[0].Name, "free_page");
  EXPECT_EQ(S.Macros[0].Body, std::vector<std::string>{"free_pages"});
  EXPECT_EQ(S.Macros[1].Pastes, std::vector<std::string>{"*_init"});
  // A parameter is no name the body spells.
  EXPECT_EQ(S.Macros[1].Body,
            (std::vector<std::string>{"_init", "p", "static", "void"}));
  EXPECT_EQ(S.Macros[2].Pastes, std::vector<std::string>{"*"});
  EXPECT_EQ(S.Macros[3].Body, std::vector<std::string>{"x"});
}

TEST(SourceSummary, DefinesBeforeTheLastIncludeOnly) {
  SourceSummary S = summarizeSource("#define pr_fmt(fmt)   KBUILD_MODNAME fmt\n"
                                    "#include <linux/mm.h>\n"
                                    "#undef X\n"
                                    "#include <linux/gfp.h>\n"
                                    "#define AFTER 1\n");
  ASSERT_EQ(S.DefinesBeforeLastInclude.size(), 2u);
  EXPECT_EQ(S.DefinesBeforeLastInclude[0].Name, "pr_fmt");
  EXPECT_EQ(S.DefinesBeforeLastInclude[0].Text,
            "#define pr_fmt(fmt) KBUILD_MODNAME fmt");
  EXPECT_EQ(S.DefinesBeforeLastInclude[1].Text, "#undef X");
}

// A macro that only builds a string (the kernel's pr_fmt) changes no code;
// anything else in its replacement list (an argument, a call, a paste, a
// character, a variadic macro's arguments) may.
TEST(SourceSummary, DefinesThatOnlyBuildAString) {
  SourceSummary S =
      summarizeSource("#define pr_fmt(fmt) \"kexec: \" fmt\n"
                      "#define dev_fmt(fmt) KBUILD_MODNAME \": \" fmt\n"
                      "#define a_fmt(fmt) \"%s: \" fmt, __func__\n"
                      "#define b_fmt(fmt) prefix(fmt)\n"
                      "#define c_fmt(fmt) 'c' fmt\n"
                      "#define d_fmt(fmt, ...) fmt __VA_ARGS__\n"
                      "#define E_FMT \"e: \"\n"
                      "#define f_fmt(fmt) #fmt\n"
                      "#include <linux/printk.h>\n");
  std::vector<bool> Builds;
  for (const SourceSummary::Define &D : S.DefinesBeforeLastInclude)
    Builds.push_back(D.BuildsAString);
  EXPECT_EQ(Builds, (std::vector<bool>{true, true, false, false, false, false,
                                       false, false}));
}

// What a ## makes is told at each invocation: from its arguments in a
// file's code, or, in another macro, '*' for that macro's parameters.
TEST(SourceSummary, PastesAtTheirInvocations) {
  SourceSummary S =
      summarizeSource("#define DEFINE_INIT(fname) void fname##_init(void)\n"
                      "#define WRAP(x) DEFINE_INIT(x) DEFINE_INIT(pud)\n");
  ASSERT_EQ(S.Macros.size(), 2u);
  const SourceSummary::Macro &Define = S.Macros[0], &Wrap = S.Macros[1];
  EXPECT_EQ(Define.Pastes, std::vector<std::string>{"*_init"});
  std::vector<MacroArguments> InCode =
      invocationsOf("DEFINE_INIT",
                    "DEFINE_INIT(p4d_populate);\n/* DEFINE_INIT(no) */\n"
                    "#define X DEFINE_INIT(nor)\n",
                    nullptr);
  ASSERT_EQ(InCode.size(), 1u);
  EXPECT_EQ(instantiatePastes(Define, InCode[0], nullptr),
            std::vector<std::string>{"p4d_populate_init"});
  std::vector<MacroArguments> InWrap = invocationsOf("DEFINE_INIT", "", &Wrap);
  ASSERT_EQ(InWrap.size(), 2u);
  EXPECT_EQ(instantiatePastes(Define, InWrap[0], &Wrap),
            std::vector<std::string>{"*_init"});
  EXPECT_EQ(instantiatePastes(Define, InWrap[1], &Wrap),
            std::vector<std::string>{"pud_init"});
}

TEST(SourceSummary, PastePatterns) {
  EXPECT_TRUE(pasteMatches("*_init", "p4d_populate_init"));
  EXPECT_FALSE(pasteMatches("*_init", "p4d_populate"));
  EXPECT_TRUE(pasteMatches("__se_sys*", "__se_sysmincore"));
  EXPECT_TRUE(pasteMatches("a*b*c", "abc"));
  EXPECT_FALSE(pasteMatches("a*b*c", "acb"));
  EXPECT_TRUE(pasteMatches("*", "anything"));
}

} // namespace
