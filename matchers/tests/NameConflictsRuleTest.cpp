//===- NameConflictsRuleTest.cpp ------------------------------------------===//
//
// The AST half of name-conflicts on in-memory code, with the preprocessor
// hooks the CLI installs. testdata/name-conflicts covers the same shapes
// through the whole tool.
//
//===----------------------------------------------------------------------===//

#include "RuleOnCode.h"
#include "pgmigrate/Rules.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

namespace {

// The generic header: the new API as reference-impl declares it.
const char *MmHeader = R"c(
typedef unsigned int gfp_t;
#define alloc_hooks(x) (x)
extern void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order);
#define pgtable_alloc(...) alloc_hooks(pgtable_alloc_noprof(__VA_ARGS__))
extern void pgtable_free(const void *addr);
extern void *pgtable_alloc_addr_noprof(gfp_t gfp, unsigned int order);
#define pgtable_alloc_addr(...) alloc_hooks(pgtable_alloc_addr_noprof(__VA_ARGS__))
extern void pgtable_free_addr(const void *addr);
)c";

const char *MainFile = "/src/arch/foo/mm/code.c";

std::vector<Finding> run(llvm::StringRef Code, MigrationOptions Options = {},
                         bool WithMm = false) {
  return pgmigrate::testing::runRuleOnCode(
      "name-conflicts",
      std::string(WithMm ? "#include \"linux/mm.h\"\n" : "\n") + Code.str(),
      Options, {"-xc", "-std=gnu11", "-I/src/include", "-Wno-everything"},
      MainFile, {{"/src/include/linux/mm.h", MmHeader}});
}

MigrationOptions renaming() {
  MigrationOptions Options;
  Options.RenameConflicts = true;
  return Options;
}

// "line:col kind: message" per finding.
std::vector<std::string> lines(const std::vector<Finding> &Findings) {
  std::vector<std::string> Result;
  for (const Finding &F : Findings)
    Result.push_back(std::to_string(F.Line) + ":" + std::to_string(F.Column) +
                     " " + kindName(F.Kind).str() + ": " + F.Message);
  return Result;
}

// The main file after applying every edit (the first line is the include).
std::string applied(llvm::StringRef Code, const std::vector<Finding> &Findings,
                    bool WithMm = false) {
  std::string Prefix = WithMm ? "#include \"linux/mm.h\"\n" : "\n";
  std::string Full = Prefix + Code.str();
  tooling::Replacements All;
  for (const Finding &F : Findings)
    for (const tooling::Replacement &R : F.Replacements) {
      EXPECT_EQ(R.getFilePath(), MainFile);
      EXPECT_FALSE(bool(All.add(R)));
    }
  llvm::Expected<std::string> Result = tooling::applyAllReplacements(Full, All);
  EXPECT_TRUE(bool(Result));
  return Result ? Result->substr(Prefix.size()) : "";
}

using Lines = std::vector<std::string>;

const char *Sparc = "void pgtable_free(void *table, _Bool is_page);\n"
                    "static inline void free_tlb(void *table)\n"
                    "{\n"
                    "\tpgtable_free(table, 1);\n"
                    "}\n"
                    "void pgtable_free(void *table, _Bool is_page)\n"
                    "{\n"
                    "}\n";

TEST(NameConflictsRule, ReportsAnArchFunctionWithoutRenaming) {
  EXPECT_EQ(lines(run(Sparc)),
            (Lines{"2:6 refused: 'pgtable_free' clashes with the new API: "
                   "function prototype; not renamed (renaming is off; it "
                   "would become '__pgtable_free')",
                   "7:6 refused: 'pgtable_free' clashes with the new API: "
                   "function definition; not renamed (renaming is off; it "
                   "would become '__pgtable_free')"}));
}

TEST(NameConflictsRule, RenamesAnArchFunctionAndItsCalls) {
  std::vector<Finding> Findings = run(Sparc, renaming());
  EXPECT_EQ(lines(Findings),
            (Lines{"2:6 converted: 'pgtable_free' clashes with the new API: "
                   "function prototype; renamed to '__pgtable_free'",
                   "5:2 converted: 'pgtable_free' clashes with the new API: "
                   "call; renamed to '__pgtable_free'",
                   "7:6 converted: 'pgtable_free' clashes with the new API: "
                   "function definition; renamed to '__pgtable_free'"}));
  EXPECT_EQ(applied(Sparc, Findings),
            "void __pgtable_free(void *table, _Bool is_page);\n"
            "static inline void free_tlb(void *table)\n"
            "{\n"
            "\t__pgtable_free(table, 1);\n"
            "}\n"
            "void __pgtable_free(void *table, _Bool is_page)\n"
            "{\n"
            "}\n");
}

TEST(NameConflictsRule, TheApiItselfAndItsUsesAreNotConflicts) {
  const char *Code = "void pgtable_free(const void *addr)\n"
                     "{\n"
                     "}\n"
                     "void user(void)\n"
                     "{\n"
                     "\tvoid *p = pgtable_alloc(0, 0);\n"
                     "\tpgtable_free(p);\n"
                     "\tpgtable_free_addr(pgtable_alloc_addr(0, 0));\n"
                     "}\n";
  // The main file is under arch/: a definition there is the arch's own.
  EXPECT_EQ(lines(run(Code, renaming(), /*WithMm=*/true)),
            (Lines{"2:6 refused: 'pgtable_free' clashes with the new API: "
                   "function definition; not renamed: the arch declares the "
                   "new API's own function; the generic definition will "
                   "clash with it: resolve by hand"}));
  // Only the calls of the API: nothing.
  const char *Calls = "void user(void)\n"
                      "{\n"
                      "\tpgtable_free(pgtable_alloc(0, 0));\n"
                      "}\n";
  EXPECT_TRUE(run(Calls, renaming(), /*WithMm=*/true).empty());
}

const char *Arm64 =
    "static void init_pte(void *(*pgtable_alloc)(gfp_t, unsigned int),\n"
    "\t\t     int flags)\n"
    "{\n"
    "\tif (!pgtable_alloc)\n"
    "\t\treturn;\n"
    "\tvoid *p = pgtable_alloc(0, 0);\n"
    "\tinit_pte(pgtable_alloc, flags);\n"
    "}\n";

TEST(NameConflictsRule, CallThroughAParameterThatTheApiMacroExpands) {
  std::vector<Finding> Findings = run(Arm64, renaming(), /*WithMm=*/true);
  EXPECT_EQ(
      lines(Findings),
      (Lines{"2:30 converted: 'pgtable_alloc' clashes with the new API: "
             "function-pointer parameter; renamed to 'pgtable_alloc_fn'",
             "5:7 converted: 'pgtable_alloc' clashes with the new API: use of "
             "the parameter; renamed to 'pgtable_alloc_fn'",
             "7:12 converted: 'pgtable_alloc' clashes with the new API: call "
             "through the parameter is expanded by the new API's "
             "function-like macro 'pgtable_alloc' (mm.h:5) instead of calling "
             "the parameter; renamed to 'pgtable_alloc_fn'",
             "8:11 converted: 'pgtable_alloc' clashes with the new API: use "
             "of the parameter; renamed to 'pgtable_alloc_fn'"}));
  EXPECT_EQ(applied(Arm64, Findings, true),
            "static void init_pte(void *(*pgtable_alloc_fn)(gfp_t, unsigned "
            "int),\n"
            "\t\t     int flags)\n"
            "{\n"
            "\tif (!pgtable_alloc_fn)\n"
            "\t\treturn;\n"
            "\tvoid *p = pgtable_alloc_fn(0, 0);\n"
            "\tinit_pte(pgtable_alloc_fn, flags);\n"
            "}\n");
  // Reported, as such, without renaming.
  std::vector<Finding> Report = run(Arm64, {}, /*WithMm=*/true);
  ASSERT_EQ(Report.size(), 2u);
  EXPECT_EQ(Report[1].Line, 7u);
  EXPECT_EQ(Report[1].Kind, FindingKind::Refused);
  EXPECT_NE(Report[1].Message.find("is expanded by the new API's "
                                   "function-like macro"),
            std::string::npos);
}

TEST(NameConflictsRule, CallThroughAParameterWithoutAMacroIsAPlainUse) {
  const char *Code = "static void walk(unsigned long (*pgtable_alloc)(int))\n"
                     "{\n"
                     "\tpgtable_alloc(12);\n"
                     "\t(*pgtable_alloc)(12);\n"
                     "}\n";
  EXPECT_EQ(lines(run(Code, renaming())),
            (Lines{"2:34 converted: 'pgtable_alloc' clashes with the new "
                   "API: function-pointer parameter; renamed to "
                   "'pgtable_alloc_fn'",
                   "4:2 converted: 'pgtable_alloc' clashes with the new API: "
                   "call through the parameter; renamed to 'pgtable_alloc_fn'",
                   "5:4 converted: 'pgtable_alloc' clashes with the new API: "
                   "call through the parameter; renamed to "
                   "'pgtable_alloc_fn'"}));
}

TEST(NameConflictsRule, ArchMacrosAndTheirUses) {
  const char *Code = "void *arch_alloc(int);\n"
                     "#define pgtable_alloc(x) arch_alloc(x)\n"
                     "#define pgtable_free 0\n"
                     "#ifdef pgtable_alloc\n"
                     "void *get(void) { return pgtable_alloc(1); }\n"
                     "#endif\n"
                     "void *walk(void *(*pgtable_alloc)(int))\n"
                     "{\n"
                     "\treturn pgtable_alloc(2);\n"
                     "}\n";
  std::vector<Finding> Findings = run(Code, renaming());
  EXPECT_EQ(
      lines(Findings),
      (Lines{"3:9 converted: 'pgtable_alloc' clashes with the new API: "
             "function-like macro; renamed to '__pgtable_alloc'",
             "4:9 converted: 'pgtable_free' clashes with the new API: "
             "object-like macro; renamed to '__pgtable_free'",
             "5:8 converted: 'pgtable_alloc' clashes with the new API: macro "
             "reference; renamed to '__pgtable_alloc'",
             "6:26 converted: 'pgtable_alloc' clashes with the new API: call; "
             "renamed to '__pgtable_alloc'",
             "8:20 converted: 'pgtable_alloc' clashes with the new API: "
             "function-pointer parameter; renamed to 'pgtable_alloc_fn'",
             "10:9 converted: 'pgtable_alloc' clashes with the new API: call "
             "through the parameter is expanded by the arch-local "
             "function-like macro 'pgtable_alloc' (code.c:3) instead of "
             "calling the parameter, and keeps calling the macro; renamed to "
             "'__pgtable_alloc'"}));
}

TEST(NameConflictsRule, FieldsVariablesTypedefsEnumerators) {
  const char *Code = "struct ops { void (*pgtable_free)(void *); };\n"
                     "union u { long pgtable_alloc; };\n"
                     "typedef int pgtable_alloc_noprof;\n"
                     "enum { pgtable_free_noprof };\n"
                     "static struct ops o = { .pgtable_free = 0 };\n"
                     "void f(struct ops *p, union u *q)\n"
                     "{\n"
                     "\tpgtable_alloc_noprof pgtable_free = 1;\n"
                     "\tp->pgtable_free(&pgtable_free);\n"
                     "\tq->pgtable_alloc = pgtable_free_noprof;\n"
                     "}\n";
  std::vector<Finding> Findings = run(Code, renaming());
  EXPECT_EQ(applied(Code, Findings),
            "struct ops { void (*pgtable_free_fn)(void *); };\n"
            "union u { long pgtable_alloc_fn; };\n"
            "typedef int __pgtable_alloc_noprof;\n"
            "enum { __pgtable_free_noprof };\n"
            "static struct ops o = { .pgtable_free_fn = 0 };\n"
            "void f(struct ops *p, union u *q)\n"
            "{\n"
            "\t__pgtable_alloc_noprof pgtable_free_fn = 1;\n"
            "\tp->pgtable_free_fn(&pgtable_free_fn);\n"
            "\tq->pgtable_alloc_fn = __pgtable_free_noprof;\n"
            "}\n");
  std::vector<std::string> Report = lines(run(Code));
  ASSERT_EQ(Report.size(), 5u);
  EXPECT_NE(Report[0].find("struct field"), std::string::npos);
  EXPECT_NE(Report[1].find("union field"), std::string::npos);
  EXPECT_NE(Report[2].find("typedef"), std::string::npos);
  EXPECT_NE(Report[3].find("enumerator"), std::string::npos);
  EXPECT_NE(Report[4].find("local variable"), std::string::npos);
}

TEST(NameConflictsRule, AddrApiNamesAndCustomNewNames) {
  MigrationOptions Options = renaming();
  Options.AllocName = "pgtable_alloc_addr";
  Options.FreeName = "pgtable_free_addr";
  Options.ConflictPrefix = "arch_";
  const char *Code = "static void pgtable_free_addr(void *p, int shift) {}\n";
  EXPECT_EQ(lines(run(Code, Options)),
            (Lines{"2:13 converted: 'pgtable_free_addr' clashes with the new "
                   "API: function definition; renamed to "
                   "'arch_pgtable_free_addr'"}));
  // Not a name of this API's: still pgtable_free's.
  EXPECT_EQ(run("static void pgtable_free(int x) {}\n", Options).size(), 1u);
  EXPECT_TRUE(run("static void pgtable_frees(int x) {}\n", Options).empty());
}

TEST(NameConflictsRule, RefusesWhenTheNewNameIsTaken) {
  const char *Code = "void __pgtable_free(void *p);\n"
                     "void pgtable_free(void *p, int i);\n";
  std::vector<Finding> Findings = run(Code, renaming());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_EQ(Findings[0].Message,
            "'pgtable_free' clashes with the new API: function prototype; "
            "not renamed: the new name '__pgtable_free' is already declared "
            "in this translation unit; choose another conflict prefix");
}

TEST(NameConflictsRule, DeclarationsMadeByAMacroAreRefused) {
  const char *Code = "#define DECLARE_FREE(name) void name(void *p, int i)\n"
                     "DECLARE_FREE(pgtable_free);\n"
                     "#define MAKE_ALLOC void *pgtable_alloc(int i)\n"
                     "MAKE_ALLOC;\n";
  std::vector<std::string> Report = lines(run(Code, renaming()));
  ASSERT_EQ(Report.size(), 2u);
  // Spelled in a macro argument: editable there.
  EXPECT_EQ(Report[0], "3:14 converted: 'pgtable_free' clashes with the new "
                       "API: function prototype; renamed to '__pgtable_free'");
  EXPECT_EQ(Report[1],
            "4:26 refused: 'pgtable_alloc' clashes with the new API: function "
            "prototype; not renamed: it is written in the body of macro "
            "'MAKE_ALLOC'; rename it by hand");
}

} // namespace
