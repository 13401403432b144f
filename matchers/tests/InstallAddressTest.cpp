//===- InstallAddressTest.cpp ---------------------------------------------===//
//
// installAddress(): the address a new table maps, from the *_offset() its
// entry was looked up with, when that is in scope at the allocation.
//
//===----------------------------------------------------------------------===//

#include "analysis/InstallAddress.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

InstallAddress addressOf(llvm::StringRef Body, llvm::StringRef Table = "pmd") {
  ParsedCode Code(
      ("#include <linux/mm.h>\n#include <asm/pgalloc.h>\n" + Body).str());
  const clang::CallExpr *Alloc = Code.call("get_zeroed_page_noprof");
  EXPECT_TRUE(Alloc);
  if (!Alloc)
    return {};
  return installAddress(Code.variable(Table), Alloc, Code.context());
}

TEST(InstallAddress, FromTheEntrysInitializer) {
  InstallAddress A = addressOf(R"c(
int f(p4d_t *p4d, unsigned long addr)
{
	pud_t *pud = pud_offset(p4d, addr);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	pud_populate(&init_mm, pud, pmd);
	return 0;
}
)c");
  EXPECT_EQ(A.Text, "addr");
  EXPECT_EQ(A.Missing, "");
}

TEST(InstallAddress, FromTheLastAssignmentBeforeTheInstall) {
  InstallAddress A = addressOf(R"c(
int f(p4d_t *p4d, unsigned long start, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, end);
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	pud = pud_offset(p4d, start);
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	pud = pud_offset(p4d, end);
	return 0;
}
)c");
  EXPECT_EQ(A.Text, "start");
}

TEST(InstallAddress, FromAnOffsetWrittenInTheInstall) {
  InstallAddress A = addressOf(R"c(
int f(pud_t *pud, unsigned long addr)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	pmd_populate_kernel(&init_mm, pmd_offset(pud, addr + PMD_SIZE), pte);
	return 0;
}
)c",
                               "pte");
  EXPECT_EQ(A.Text, "addr + PMD_SIZE");
}

TEST(InstallAddress, AnEntryParameterHasNone) {
  InstallAddress A = addressOf(R"c(
int alloc_pmd_page(pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
)c");
  EXPECT_EQ(A.Text, "");
  EXPECT_EQ(A.Missing, "the entry 'pud' it is installed in is a parameter of "
                       "alloc_pmd_page(): the address is not in scope");
}

TEST(InstallAddress, ALocalDeclaredAfterTheAllocationIsNotInScope) {
  InstallAddress A = addressOf(R"c(
int f(p4d_t *p4d, unsigned long base)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
	unsigned long addr = base + PUD_SIZE;
	pud_t *pud = pud_offset(p4d, addr);

	pud_populate(&init_mm, pud, pmd);
	return 0;
}
)c");
  EXPECT_EQ(A.Text, "");
  EXPECT_EQ(
      A.Missing,
      "the address 'addr' of its entry is not in scope at the allocation");
}

TEST(InstallAddress, NoInstallInTheFunction) {
  InstallAddress A = addressOf(R"c(
pmd_t *f(void)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	return pmd;
}
)c");
  EXPECT_EQ(A.Missing, "no install of 'pmd' in f() shows its address");
}

} // namespace
