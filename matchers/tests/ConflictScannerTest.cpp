//===- ConflictScannerTest.cpp --------------------------------------------===//
//
// The raw-lexer classification of identifier tokens on the shapes the
// kernel writes (sparc's and powerpc's pgtable_free, arm64's function-
// pointer parameter pgtable_alloc, fields, macros), and on the shapes that
// look alike but are uses.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ConflictScanner.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

const std::vector<std::string> Names = {"pgtable_alloc", "pgtable_free"};

// "line:col role[binding]" per token, for compact expectations.
std::vector<std::string> roles(llvm::StringRef Code) {
  std::vector<std::string> Result;
  for (const ScannedToken &T : scanIdentifiers(Code, Names)) {
    std::string S = std::to_string(T.Line) + ":" + std::to_string(T.Column) +
                    " " + describe(T.Role).str();
    if (T.Binding == TokenBinding::Parameter)
      S += " [param]";
    if (T.Binding == TokenBinding::Local)
      S += " [local]";
    if (T.InMacroBody)
      S += " [macro body]";
    Result.push_back(S);
  }
  return Result;
}

using Roles = std::vector<std::string>;

TEST(ConflictScanner, SparcDefinitionPrototypeAndCalls) {
  const char *Header =
      "void pgtable_free(void *table, bool is_page);\n"
      "static inline void pgtable_free_tlb(struct mmu_gather *tlb,\n"
      "\t\t\t\t    void *table, bool is_page)\n"
      "{\n"
      "\tpgtable_free(table, is_page);\n"
      "}\n"
      "void pgtable_free(void *table, bool is_page)\n"
      "{\n"
      "}\n";
  EXPECT_EQ(roles(Header), (Roles{"1:6 function prototype", "5:2 call",
                                  "7:6 function definition"}));
  std::vector<ScannedToken> Tokens = scanIdentifiers(Header, Names);
  ASSERT_EQ(Tokens.size(), 3u);
  EXPECT_EQ(Tokens[0].Signature, "void(void *, bool)");
  EXPECT_EQ(Tokens[0].Offset, 5u);
  EXPECT_EQ(Tokens[2].Signature, "void(void *, bool)");
}

TEST(ConflictScanner, PowerpcStaticInlineAndItsCaller) {
  const char *Code = "static inline void pgtable_free(void *table, int index)\n"
                     "{\n"
                     "\tif (!index) {\n"
                     "\t\tpte_fragment_free((unsigned long *)table, 0);\n"
                     "\t} else {\n"
                     "\t\tkmem_cache_free(PGT_CACHE(index), table);\n"
                     "\t}\n"
                     "}\n"
                     "void pgtable_free_tlb(void *table, int index)\n"
                     "{\n"
                     "\treturn pgtable_free(table, index);\n"
                     "}\n";
  EXPECT_EQ(roles(Code), (Roles{"1:20 function definition", "11:9 call"}));
}

TEST(ConflictScanner, TheApiSignaturesAsWritten) {
  const char *Code =
      "extern void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order);\n"
      "extern void pgtable_free(const void *addr);\n"
      "void pgtable_free(const void *addr)\n{\n}\n";
  std::vector<ScannedToken> Tokens =
      scanIdentifiers(Code, {"pgtable_alloc_noprof", "pgtable_free"});
  ASSERT_EQ(Tokens.size(), 3u);
  EXPECT_EQ(Tokens[0].Role, TokenRole::FunctionPrototype);
  EXPECT_EQ(Tokens[0].Signature, "void *(gfp_t, unsigned int)");
  EXPECT_EQ(Tokens[1].Signature, "void(const void *)");
  EXPECT_EQ(Tokens[2].Role, TokenRole::FunctionDefinition);
  EXPECT_EQ(Tokens[2].Signature, "void(const void *)");
}

TEST(ConflictScanner, Arm64FunctionPointerParameterAndItsUses) {
  const char *Code =
      "static void alloc_init_cont_pte(pmd_t *pmdp, unsigned long addr,\n"
      "\t\t\t\tphys_addr_t (*pgtable_alloc)(int),\n"
      "\t\t\t\tint flags)\n"
      "{\n"
      "\tif (pmd_none(pmd)) {\n"
      "\t\tBUG_ON(!pgtable_alloc);\n"
      "\t\tpte_phys = pgtable_alloc(PAGE_SHIFT);\n"
      "\t}\n"
      "\tinit_pte(pmdp, addr, pgtable_alloc, flags);\n"
      "\tphys = (*pgtable_alloc)(PMD_SHIFT);\n"
      "}\n"
      "void pgtable_alloc_user(void)\n"
      "{\n"
      "\tpgtable_alloc(GFP_KERNEL, 0);\n"
      "}\n";
  EXPECT_EQ(roles(Code),
            (Roles{"2:19 function-pointer parameter", "6:11 reference [param]",
                   "7:14 call [param]", "9:23 reference [param]",
                   "10:11 call [param]", "14:2 call"}));
}

TEST(ConflictScanner, PrototypesWithAttributesAndFunctionPointerParameters) {
  const char *Code =
      "extern __alias(__create_pgd_mapping_locked)\n"
      "void create_kpti_ng_temp_pgd(pgd_t *pgdir, phys_addr_t phys,\n"
      "\t\t\t     phys_addr_t (*pgtable_alloc)(int), int flags);\n"
      "static void __init map_mem(void (*pgtable_free)(void *), int x)\n"
      "{\n"
      "\tpgtable_free(NULL);\n"
      "}\n"
      "int __create(void *pgtable_free, int pgtable_alloc[]) __acquires(x)\n"
      "{\n"
      "\treturn pgtable_alloc[0];\n"
      "}\n";
  EXPECT_EQ(roles(Code), (Roles{"3:23 function-pointer parameter",
                                "4:35 function-pointer parameter",
                                "6:2 call [param]", "8:20 parameter",
                                "8:38 parameter", "10:9 reference [param]"}));
}

TEST(ConflictScanner, MacrosAndTheirReferences) {
  const char *Code = "#define pgtable_alloc(...) "
                     "alloc_hooks(pgtable_alloc_noprof(__VA_ARGS__))\n"
                     "#define pgtable_free pgtable_free_impl\n"
                     "#define FREE_IT(p) pgtable_free(p)\n"
                     "#define GET(t) ((t)->pgtable_free)\n"
                     "#define WRAP(pgtable_alloc) pgtable_alloc(0)\n"
                     "#ifdef pgtable_alloc\n"
                     "#undef pgtable_alloc\n"
                     "#endif\n"
                     "#if defined(pgtable_free) && !defined pgtable_alloc\n"
                     "#endif\n";
  EXPECT_EQ(
      roles(Code),
      (Roles{"1:9 function-like macro definition",
             "2:9 object-like macro definition", "3:20 call [macro body]",
             "4:22 member access [macro body]", "5:14 parameter [macro body]",
             "5:29 call [param] [macro body]", "6:8 macro reference",
             "7:8 macro reference", "9:13 macro reference",
             "9:39 macro reference"}));
  std::vector<ScannedToken> Tokens = scanIdentifiers(Code, Names);
  EXPECT_EQ(Tokens[0].MacroBody,
            "alloc_hooks(pgtable_alloc_noprof(__VA_ARGS__))");
  EXPECT_EQ(Tokens[1].MacroBody, "pgtable_free_impl");
}

TEST(ConflictScanner, FieldsMemberAccessesAndDesignators) {
  const char *Code = "struct pgtable_ops {\n"
                     "\tvoid (*pgtable_free)(void *);\n"
                     "\tint pgtable_alloc;\n"
                     "\tunion { long pgtable_alloc : 3; } u;\n"
                     "};\n"
                     "static struct pgtable_ops ops = {\n"
                     "\t.pgtable_free = my_free,\n"
                     "};\n"
                     "void f(struct pgtable_ops *o)\n"
                     "{\n"
                     "\to->pgtable_free(o);\n"
                     "\tops.pgtable_alloc = 1;\n"
                     "}\n";
  EXPECT_EQ(roles(Code),
            (Roles{"2:9 field", "3:6 field", "4:15 field", "7:3 member access",
                   "11:5 member access", "12:6 member access"}));
  EXPECT_TRUE(scanIdentifiers(Code, Names)[2].InUnion);
  EXPECT_FALSE(scanIdentifiers(Code, Names)[1].InUnion);
}

TEST(ConflictScanner, VariablesTypedefsEnumeratorsAndLocals) {
  const char *Code = "typedef void (*pgtable_free)(void *);\n"
                     "typedef unsigned long pgtable_alloc;\n"
                     "enum { pgtable_free = 1, pgtable_alloc };\n"
                     "static int pgtable_free;\n"
                     "void *(*pgtable_alloc)(gfp_t) = NULL;\n"
                     "void f(void)\n"
                     "{\n"
                     "\tint pgtable_free = 0;\n"
                     "\tfor (int pgtable_alloc = 0; pgtable_alloc < 3;)\n"
                     "\t\tpgtable_free += pgtable_alloc;\n"
                     "}\n"
                     "void g(void)\n"
                     "{\n"
                     "\tpgtable_free = 1;\n"
                     "}\n";
  EXPECT_EQ(roles(Code),
            (Roles{"1:16 typedef", "2:23 typedef", "3:8 enumerator",
                   "3:26 enumerator", "4:12 variable", "5:9 variable",
                   "8:6 local variable", "9:11 local variable",
                   "9:30 reference [local]", "10:3 reference [local]",
                   "10:19 reference [local]", "14:2 reference"}));
}

TEST(ConflictScanner, ExpressionsThatLookLikeDeclarations) {
  const char *Code = "void f(int a)\n"
                     "{\n"
                     "\tx = a * pgtable_alloc;\n"
                     "\treturn pgtable_free;\n"
                     "\tfoo(a * pgtable_free);\n"
                     "\telse pgtable_free;\n"
                     "}\n"
                     "static void (*hooks[])(void *) = { pgtable_free, };\n"
                     "EXPORT_SYMBOL(pgtable_free);\n";
  EXPECT_EQ(roles(Code),
            (Roles{"3:10 reference", "4:9 reference", "5:10 reference",
                   "6:7 reference", "8:36 reference", "9:15 reference"}));
}

TEST(ConflictScanner, CommentsStringsAndLongerNamesAreNotTokens) {
  const char *Code = "/* pgtable_free() */\n"
                     "// pgtable_alloc\n"
                     "const char *s = \"pgtable_free\";\n"
                     "char c = 'p';\n"
                     "void pgtable_free_tlb(void);\n"
                     "void __pgtable_free(void);\n"
                     "#if 0\n"
                     "pgtable_free(x); don't\n"
                     "#endif\n";
  // #if 0 is lexed like any code; an unpaired apostrophe hides the rest of
  // its line (the raw lexer's unterminated character constant).
  EXPECT_EQ(roles(Code), (Roles{"8:1 call"}));
}

TEST(ConflictScanner, RecoversAtColumnOneBraceAfterUnbalancedIfBranches) {
  const char *Code = "#ifdef CONFIG_A\n"
                     "void f(int a) {\n"
                     "#else\n"
                     "void f(void) {\n"
                     "#endif\n"
                     "}\n"
                     "void pgtable_free(void *table, int index)\n"
                     "{\n"
                     "}\n";
  EXPECT_EQ(roles(Code), (Roles{"7:6 function definition"}));
}

TEST(ConflictScanner, EmptyAndTokenlessInput) {
  EXPECT_TRUE(scanIdentifiers("", Names).empty());
  EXPECT_TRUE(scanIdentifiers("/* unterminated", Names).empty());
  EXPECT_EQ(roles("pgtable_free"), (Roles{"1:1 reference"}));
}

} // namespace
