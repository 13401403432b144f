//===- IntegerHolderTest.cpp ----------------------------------------------===//

#include "rules/IntegerHolder.h"
#include "ParsedCode.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

std::string code(llvm::StringRef Body) {
  return "#include <linux/mm.h>\n"
         "void consume(unsigned long v);\n"
         "struct holder { unsigned long page; };\n" +
         Body.str();
}

IntegerHolder holderOf(ParsedCode &Code, llvm::StringRef Name) {
  const clang::VarDecl *Var = Code.variable(Name);
  EXPECT_TRUE(Var);
  return analyzeIntegerHolder(Var, Code.context());
}

TEST(IntegerHolder, PtiShapeTakesTheTypeOfItsCasts) {
  ParsedCode Code(code(R"c(
pmd_t *walk(pud_t *pud, unsigned long address)
{
	unsigned long new_pmd_page = __get_free_page(GFP_KERNEL);

	if (!new_pmd_page)
		return NULL;
	if (pud_none(*pud) && new_pmd_page != 0)
		set_pud(pud, __pud(_KERNPG_TABLE | __pa(new_pmd_page)));
	else
		free_page(new_pmd_page);
	return (pmd_t *)new_pmd_page + pmd_index(address);
}
)c"));
  IntegerHolder H = holderOf(Code, "new_pmd_page");
  EXPECT_TRUE(H.retypable()) << H.Refusal;
  EXPECT_EQ(H.NewType, "pmd_t *");
  EXPECT_EQ(H.Allocation, Code.call("get_free_pages_noprof"));
  ASSERT_EQ(H.Frees.size(), 1u);
  EXPECT_EQ(H.Frees[0], Code.call("free_pages"));
  EXPECT_EQ(H.DroppedCasts, 1u);
  // The declaration's type, the cast, and the 0 it is compared with.
  ASSERT_EQ(H.Edits.size(), 3u);
  EXPECT_EQ(H.Edits[0].getReplacementText(), "pmd_t *");
  EXPECT_EQ(H.Edits[0].getLength(), llvm::StringRef("unsigned long ").size());
  EXPECT_EQ(H.Edits[1].getReplacementText(), "");
  EXPECT_EQ(H.Edits[1].getLength(), llvm::StringRef("(pmd_t *)").size());
  EXPECT_EQ(H.Edits[2].getReplacementText(), "NULL");
  EXPECT_EQ(H.Edits[2].getLength(), 1u);
}

TEST(IntegerHolder, CastsThatDisagreeGiveVoidPointerAndStay) {
  ParsedCode Code(code(R"c(
void fill(void)
{
	unsigned long page;

	page = get_zeroed_page(GFP_KERNEL);
	if (page) {
		set_pte((pte_t *)page, __pte(0));
		set_pmd((pmd_t *)page, __pmd(0));
		free_page(page);
	}
}
)c"));
  IntegerHolder H = holderOf(Code, "page");
  EXPECT_TRUE(H.retypable()) << H.Refusal;
  EXPECT_EQ(H.NewType, "void *");
  EXPECT_EQ(H.TypeReason, "its casts name different types");
  EXPECT_EQ(H.DroppedCasts, 0u);
  ASSERT_EQ(H.Edits.size(), 1u);
  EXPECT_EQ(H.Edits[0].getReplacementText(), "void *");
}

TEST(IntegerHolder, EveryOtherUseRefusesWithItsLine) {
  struct Case {
    const char *Use;
    const char *Reason;
  } Cases[] = {
      {"consume(p);", "it is passed to consume() at line 10"},
      {"h->page = p;", "it is stored in 'h->page' at line 10"},
      {"p += PAGE_SIZE;", "it is changed in place at line 10"},
      {"if (p > PAGE_SIZE) return;",
       "it is compared in 'p > PAGE_SIZE' at line 10"},
      {"consume(p + 8);", "it is used in 'p + 8' at line 10"},
      {"consume((unsigned int)p);", "it is cast to 'unsigned int' at line 10"},
      {"h->page = __pa(p + 1);", "it is used in 'p + 1' at line 10"},
      {"unsigned long q = p;", "it is copied to 'q' at line 10"},
      {"p = h->page;", "it is given 'h->page' at line 10"},
      {"h->page = sizeof(p);", "it is used in 'sizeof(p)' at line 10"},
      {"p;", "it is used as a statement of its own at line 10"},
      {"p = __get_free_page(GFP_KERNEL);",
       "it is given a second allocation at line 10"},
  };
  for (const Case &C : Cases) {
    ParsedCode Code(code(std::string(R"c(void f(struct holder *h)
{
	unsigned long p = __get_free_page(GFP_KERNEL);

	if (!p)
		return;
)c") + "\t" + C.Use + "\n}\n"));
    IntegerHolder H = holderOf(Code, "p");
    EXPECT_EQ(H.Refusal, C.Reason) << C.Use;
    EXPECT_TRUE(H.Edits.empty()) << C.Use;
  }
}

TEST(IntegerHolder, ReturnedAddressTakenOrSharedDeclarationsRefuse) {
  ParsedCode Returned(code(R"c(
unsigned long f(void)
{
	unsigned long p = __get_free_page(GFP_KERNEL);
	return p;
}
)c"));
  EXPECT_EQ(holderOf(Returned, "p").Refusal, "it is returned at line 8");

  ParsedCode Address(code(R"c(
void f(void)
{
	unsigned long p = __get_free_page(GFP_KERNEL);
	unsigned long *q = &p;
	free_page(*q);
}
)c"));
  EXPECT_EQ(holderOf(Address, "p").Refusal, "its address is taken at line 8");

  ParsedCode Together(code(R"c(
void f(void)
{
	unsigned long a = 0, p = __get_free_page(GFP_KERNEL);
	free_page(p);
}
)c"));
  EXPECT_EQ(holderOf(Together, "p").Refusal,
            "it is declared together with other variables");
}

TEST(IntegerHolder, OnlyLocalsAreRetyped) {
  ParsedCode Code(code(R"c(
static unsigned long cached;
void f(unsigned long addr)
{
	free_page(addr);
	cached = __get_free_page(GFP_KERNEL);
}
)c"));
  EXPECT_EQ(holderOf(Code, "addr").Refusal,
            "it is a parameter (only local variables are retyped)");
  EXPECT_EQ(holderOf(Code, "cached").Refusal,
            "it is not a local variable (only those are retyped)");
}

TEST(IntegerHolder, ANullOnlyVariableHasNoAllocation) {
  ParsedCode Code(code(R"c(
void f(void)
{
	unsigned long p = 0;
	free_page(p);
}
)c"));
  EXPECT_EQ(holderOf(Code, "p").Refusal,
            "it is given no allocation in its function");
}

TEST(IntegerHolder, AnAssignmentTestedForNullIsAUse) {
  ParsedCode Code(code(R"c(
int f(pmd_t *pmd)
{
	unsigned long p;

	if (!(p = get_zeroed_page(GFP_KERNEL)))
		return -1;
	set_pmd(pmd, __pmd(__pa(p) | _PAGE_TABLE));
	return 0;
}
)c"));
  IntegerHolder H = holderOf(Code, "p");
  EXPECT_TRUE(H.retypable()) << H.Refusal;
  EXPECT_EQ(H.NewType, "void *");
  EXPECT_EQ(H.TypeReason, "it is never cast to a pointer");
}

} // namespace
