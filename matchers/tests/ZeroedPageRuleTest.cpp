//===- ZeroedPageRuleTest.cpp ---------------------------------------------===//
//
// The rule on in-memory code against the reference model's kernel-shaped
// headers, through the same RuleMatchCallback the CLI uses. The lit tests in
// testdata/zeroed-page cover messages and edits; these pin down what front
// ends cannot see in a diagnostic: object sites, roles and orders.
//
//===----------------------------------------------------------------------===//

#include "RuleOnCode.h"
#include "pgmigrate/Pairing.h"
#include "pgmigrate/Rules.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

#ifndef PGMIGRATE_REFIMPL_INCLUDE
#error "PGMIGRATE_REFIMPL_INCLUDE must name reference-impl/include"
#endif

namespace {

std::vector<Finding> run(llvm::StringRef Rule, llvm::StringRef Code,
                         llvm::StringRef File = "/src/arch/x86/mm/t.c") {
  return pgmigrate::testing::runRuleOnCode(
      Rule, "#include <linux/mm.h>\n" + Code.str(), MigrationOptions(),
      pgmigrate::testing::referenceModelArgs(), File);
}

const char *ErrorPathPair = R"c(
int install(pmd_t *pmd, int fail)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (!pte)
		return -1;
	if (fail) {
		free_page((unsigned long)pte);
		return -1;
	}
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
)c";

TEST(ZeroedPageRule, AnAllocationAndItsFreeCarryTheirObjectSites) {
  // The rule edits both; whether they are tables, and convert together, is
  // the provenance solve's decision, by their object sites.
  std::vector<Finding> Findings = run("zeroed-page", ErrorPathPair);
  ASSERT_EQ(Findings.size(), 2u);
  const Finding &Alloc = Findings[0], &Free = Findings[1];
  EXPECT_EQ(Alloc.Kind, FindingKind::Converted);
  EXPECT_EQ(Free.Kind, FindingKind::Converted);
  EXPECT_EQ(Alloc.Role, PairingRole::Allocation);
  EXPECT_EQ(Free.Role, PairingRole::Free);
  EXPECT_EQ(Alloc.Order, std::optional<uint64_t>(0));
  EXPECT_EQ(Free.Order, std::optional<uint64_t>(0));
  EXPECT_TRUE(
      llvm::StringRef(Alloc.ObjectSite).startswith("/src/arch/x86/mm/t.c:"))
      << Alloc.ObjectSite;
  EXPECT_NE(Alloc.ObjectSite, Free.ObjectSite);
  EXPECT_TRUE(Alloc.PairingKeys.empty());
  EXPECT_EQ(Alloc.Message,
            "replace '(pte_t *)get_zeroed_page(GFP_KERNEL)' with "
            "'pgtable_alloc(GFP_KERNEL, 0)'");
}

TEST(ZeroedPageRule, ARefusalStillCarriesItsObjectSite) {
  // A member the rule cannot edit must still block its group.
  std::vector<Finding> Findings = run("zeroed-page", R"c(
int install(pud_t *pud, unsigned int order)
{
	pmd_t *pmd = (pmd_t *)__get_free_pages(GFP_KERNEL, order);

	if (!pmd)
		return -1;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}
)c");
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Refused);
  EXPECT_FALSE(Findings[0].Order);
  EXPECT_FALSE(Findings[0].ObjectSite.empty());
}

TEST(ZeroedPageRule, FreesCarryTheirOrder) {
  std::vector<Finding> Findings = run("zeroed-page", R"c(
void release(pud_t *pud)
{
	free_pages((unsigned long)pud_pgtable(*pud), 2);
}
)c");
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[0].Order, std::optional<uint64_t>(2));
  EXPECT_FALSE(Findings[0].ObjectSite.empty());
}

TEST(ZeroedPageRule, ARetypedHolderIsOneFindingWithAllItsEdits) {
  // The declaration, the allocation and the dropped cast go in one finding
  // (applied together or not at all); the free is its own, in the group.
  std::vector<Finding> Findings = run("zeroed-page", R"c(
pmd_t *walk(pud_t *pud, unsigned long address)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	if (!page)
		return NULL;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(page)));
	if (address)
		free_page(page);
	return (pmd_t *)page + pmd_index(address);
}
)c");
  ASSERT_EQ(Findings.size(), 2u);
  const Finding &Alloc = Findings[0], &Free = Findings[1];
  EXPECT_EQ(Alloc.Kind, FindingKind::Converted) << Alloc.Message;
  EXPECT_EQ(Free.Kind, FindingKind::Converted) << Free.Message;
  ASSERT_EQ(Alloc.Replacements.size(), 3u);
  EXPECT_EQ(Alloc.Replacements[0].getReplacementText(),
            "pgtable_alloc(GFP_KERNEL, 0)");
  EXPECT_EQ(Alloc.Replacements[1].getReplacementText(), "pmd_t *");
  EXPECT_EQ(Alloc.Replacements[2].getReplacementText(), "");
  // The edited range is the call's: what units compare.
  EXPECT_EQ(Alloc.SiteOffset, Alloc.Replacements[0].getOffset());
  EXPECT_EQ(Alloc.MessageNote,
            "; retypes 'page' from unsigned long to 'pmd_t *' (the type its "
            "casts name; 1 cast dropped); gains zeroing: __get_free_page() "
            "did not zero the page");
  ASSERT_EQ(Free.Replacements.size(), 1u);
  EXPECT_EQ(Free.Replacements[0].getReplacementText(), "pgtable_free(page)");
}

TEST(ZeroedPageRule, AHolderThatCannotBeRetypedRefusesItsFreesToo) {
  std::vector<Finding> Findings = run("zeroed-page", R"c(
int walk(pud_t *pud)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	if (!page)
		return -1;
	set_pud(pud, __pud(_KERNPG_TABLE | __pa(page)));
	free_page(page);
	return page & 1;
}
)c");
  ASSERT_EQ(Findings.size(), 2u);
  for (const Finding &F : Findings) {
    EXPECT_EQ(F.Kind, FindingKind::Refused);
    EXPECT_TRUE(F.Replacements.empty());
    EXPECT_NE(F.Message.find("converting needs a type change, and 'page' "
                             "cannot become a pointer: it is used in "
                             "'page & 1' at line 11"),
              std::string::npos)
        << F.Message;
  }
}

TEST(ZeroedPageRule, OneFindingPerCallDespiteTypeofInAllocHooks) {
  // alloc_hooks_tag() names its argument in typeof() and in the
  // initializer: only the evaluated call is a site.
  std::vector<Finding> Findings = run("zeroed-page", R"c(
void *leak(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
}
)c");
  ASSERT_EQ(Findings.size(), 1u);
}

TEST(ZeroedPageRule, SystemHeadersAreNotCandidates) {
  // <asm/pgalloc.h> allocates p4d tables and pgds with the page allocator.
  std::vector<Finding> Findings =
      run("zeroed-page", "#include <asm/pgalloc.h>\n");
  EXPECT_TRUE(Findings.empty());
}

TEST(PtdescAddressRule, FindingsDoNotPair) {
  std::vector<Finding> Findings = run("ptdesc-address", R"c(
pte_t *alloc_table(void)
{
	struct ptdesc *ptdesc = pagetable_alloc(GFP_PGTABLE_KERNEL, 0);

	if (!ptdesc)
		return NULL;
	return ptdesc_address(ptdesc);
}
)c");
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[0].Role, PairingRole::None);
  EXPECT_TRUE(Findings[0].PairingKeys.empty());
}

} // namespace
