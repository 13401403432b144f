//===- TableEvidenceTest.cpp ----------------------------------------------===//
//
// installedTable() and derivedTable() on small functions written against
// the reference model's kernel-shaped headers.
//
//===----------------------------------------------------------------------===//

#include "analysis/TableEvidence.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

// The evidence for the N-th reference to "pte" in Body, code after the
// kernel headers.
std::optional<TableEvidence> installed(llvm::StringRef Body, unsigned N = 0) {
  ParsedCode Code(("#include <linux/mm.h>\n" + Body).str());
  const clang::DeclRefExpr *Use = Code.reference("pte", N);
  EXPECT_TRUE(Use);
  if (!Use)
    return std::nullopt;
  return installedTable(Use, Code.context());
}

TEST(TableEvidence, LevelNames) {
  EXPECT_EQ(levelName(TableLevel::Pte), "pte");
  EXPECT_EQ(levelName(TableLevel::Pmd), "pmd");
  EXPECT_EQ(levelName(TableLevel::Pud), "pud");
  EXPECT_EQ(levelName(TableLevel::P4d), "p4d");
}

TEST(TableEvidence, InstalledThroughAnEntryFunction) {
  std::optional<TableEvidence> E = installed(R"c(
void f(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}
)c");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pte);
  EXPECT_EQ(E->How, "installed by __pmd(__pa()) at line 6");
}

// A physical address installed as it is, without __pa() at the install:
// arm64's __pXd_populate(), __pXd(phys | table flags), riscv's
// pfn_pXd(PFN_DOWN(phys), PAGE_TABLE). Leaf flags are no evidence.
TEST(TableEvidence, InstalledAsAPhysicalAddress) {
  const char *Code = R"c(
static inline void __pud_populate(pud_t *pudp, phys_addr_t pmdp,
				  unsigned long prot)
{
	set_pud(pudp, __pud(pmdp | prot));
}
#define PAGE_TABLE __pgprot(_KERNPG_TABLE)
void f(pud_t *pud, pmd_t *pmd, phys_addr_t pte)
{
	__pud_populate(pud, pte, _KERNPG_TABLE);
	set_pmd(pmd, __pmd(pte | _KERNPG_TABLE));
	set_pmd(pmd, pfn_pmd(PFN_DOWN(pte), PAGE_TABLE));
	set_pmd(pmd, __pmd(pte | _PAGE_PSE));
	set_pmd(pmd, pfn_pmd(PFN_DOWN(pte), __pgprot(_PAGE_PSE)));
}
)c";
  std::optional<TableEvidence> Populate = installed(Code, 0);
  ASSERT_TRUE(Populate);
  EXPECT_EQ(Populate->Level, TableLevel::Pmd);
  EXPECT_EQ(Populate->How, "installed by __pud_populate() at line 11");
  std::optional<TableEvidence> Entry = installed(Code, 1);
  ASSERT_TRUE(Entry);
  EXPECT_EQ(Entry->Level, TableLevel::Pte);
  std::optional<TableEvidence> Pfn = installed(Code, 2);
  ASSERT_TRUE(Pfn);
  EXPECT_EQ(Pfn->Level, TableLevel::Pte);
  EXPECT_EQ(Pfn->How, "installed by pfn_pmd() at line 13");
  EXPECT_FALSE(installed(Code, 3));
  EXPECT_FALSE(installed(Code, 4));
}

TEST(TableEvidence, InstalledThroughPopulate) {
  std::optional<TableEvidence> E = installed(R"c(
#include <asm/pgalloc.h>
void f(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	pmd_populate_kernel(mm, pmd, pte);
}
)c");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pte);
  EXPECT_EQ(E->How, "installed by pmd_populate_kernel() at line 8");
}

// FIXME: not found today: enclosingMacroArguments() lists __pud before __pa
// here (see entryFromMacro() in TableEvidence.cpp). Enable with the fix.
TEST(TableEvidence, DISABLED_InstalledThroughAnEntryMacro) {
  // An entry built by a macro, not a function: found by the macros the
  // token of the pointer is an argument of.
  std::optional<TableEvidence> E = installed(R"c(
#undef __pud
#define __pud(x) ((pud_t) { (x) })
void f(pud_t *pud)
{
	pmd_t *pte = (pmd_t *)get_zeroed_page(GFP_KERNEL);
	*pud = __pud(__pa(pte) | _KERNPG_TABLE);
}
)c");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pmd);
  EXPECT_EQ(E->How, "installed by __pud(__pa()) at line 8");
}

TEST(TableEvidence, NotInstalledWhenOnlyAnAddressIsTaken) {
  EXPECT_FALSE(installed(R"c(
unsigned long f(void)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	return __pa(pte);
}
)c"));
  // Something else than | or + between __pa() and the entry.
  EXPECT_FALSE(installed(R"c(
void f(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	set_pmd(pmd, __pmd(__pa(pte) - _KERNPG_TABLE));
}
)c"));
  // The table is the third argument of pXd_populate(), not the second.
  EXPECT_FALSE(installed(R"c(
#include <asm/pgalloc.h>
void f(struct mm_struct *mm, pte_t *other)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	pmd_populate_kernel(mm, (pmd_t *)pte, other);
}
)c"));
}

// The evidence for the initialiser of "p" in Body.
std::optional<TableEvidence> derived(llvm::StringRef Body) {
  ParsedCode Code(("#include <linux/mm.h>\n" + Body).str());
  const clang::VarDecl *P = Code.variable("p");
  EXPECT_TRUE(P && P->getInit());
  if (!P || !P->getInit())
    return std::nullopt;
  return derivedTable(P->getInit(), Code.context());
}

TEST(TableEvidence, DerivedFromAnEntry) {
  std::optional<TableEvidence> E = derived(R"c(
void f(pmd_t *pmd) { pte_t *p = (pte_t *)pmd_page_vaddr(*pmd); }
)c");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pte);
  EXPECT_EQ(E->How, "from pmd_page_vaddr()");

  E = derived("void f(pud_t *pud) { pmd_t *p = pud_pgtable(*pud); }");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pmd);
  EXPECT_EQ(E->How, "from pud_pgtable()");
}

TEST(TableEvidence, DerivedFromTheFirstEntryOnly) {
  std::optional<TableEvidence> E =
      derived("void f(pud_t *pud) { pmd_t *p = pmd_offset(pud, 0); }");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Level, TableLevel::Pmd);
  EXPECT_EQ(E->How, "from pmd_offset(..., 0)");
  EXPECT_FALSE(derived("void f(pud_t *pud, unsigned long a) "
                       "{ pmd_t *p = pmd_offset(pud, a); }"));
  EXPECT_FALSE(derived("void f(pmd_t *q) { pmd_t *p = q; }"));
}

} // namespace

namespace {

// Whose tables an install writes into: &init_mm, an mm in scope, none.
TEST(TableEvidence, InstallMm) {
  auto MmOf = [](llvm::StringRef Body) {
    std::optional<TableEvidence> E = installed(Body);
    return E ? E->Mm : std::string("(no evidence)");
  };
  EXPECT_EQ(MmOf(R"c(
#include <asm/pgalloc.h>
void f(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	pmd_populate_kernel(&init_mm, pmd, pte);
}
)c"),
            "init_mm");
  EXPECT_EQ(MmOf(R"c(
#include <asm/pgalloc.h>
void f(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	pmd_populate_kernel(mm, pmd, pte);
}
)c"),
            "other");
  // No mm named: kernel code, unless one is in scope.
  EXPECT_EQ(MmOf(R"c(
void f(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}
)c"),
            "");
  EXPECT_EQ(MmOf(R"c(
void f(pmd_t *pmd)
{
	struct mm_struct *mm = &init_mm;
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}
)c"),
            "other");
}

} // namespace
