//===- ProvenanceCollectorTest.cpp ----------------------------------------===//
//
// The facts one unit yields (ProvenanceCollector.h), on kernel-style code
// against the reference model's headers, and a solve over them.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ProvenanceCollector.h"
#include "ParsedCode.h"
#include "pgmigrate/Provenance.h"
#include "llvm/ADT/STLExtras.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *File = "/src/arch/x86/mm/t.c";

// The unit's facts, without those of the reference model's headers (in
// the shapes of Linux before 6.10 with Plain).
ProvenanceFacts factsOf(llvm::StringRef Body, bool Plain = false) {
  ParsedCode Code(
      (llvm::Twine(Plain ? "#define REFIMPL_PLAIN_ALLOCATORS 1\n" : "") +
       "#include <linux/mm.h>\n" + Body)
          .str(),
      File);
  ProvenanceFacts Facts = collectProvenanceFacts(Code.context());
  auto Elsewhere = [](const auto &Fact) { return Fact.At.File != File; };
  llvm::erase_if(Facts.Sites, Elsewhere);
  llvm::erase_if(Facts.UnreachableSites, Elsewhere);
  llvm::erase_if(Facts.Flows, Elsewhere);
  llvm::erase_if(Facts.Installs, Elsewhere);
  llvm::erase_if(Facts.Escapes, Elsewhere);
  llvm::erase_if(Facts.UnknownOrigins, Elsewhere);
  llvm::erase_if(Facts.NullOrigins, Elsewhere);
  return Facts;
}

bool hasFlow(const ProvenanceFacts &Facts, llvm::StringRef FromPrefix,
             llvm::StringRef To) {
  return llvm::any_of(Facts.Flows, [&](const ProvenanceFacts::Flow &F) {
    return llvm::StringRef(F.From).startswith(FromPrefix) && F.To == To;
  });
}

const char *Kexec = R"c(
struct kimage_arch {
	pud_t *pud;
};

int init_transition(struct kimage_arch *arch, p4d_t *p4d)
{
	pud_t *pud = (pud_t *)get_zeroed_page(GFP_KERNEL);

	if (!pud)
		return -1;
	arch->pud = pud;
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
	return 0;
}

void free_transition(struct kimage_arch *arch)
{
	if (arch->pud)
		free_page((unsigned long)arch->pud);
}

void free_unguarded(struct kimage_arch *arch)
{
	free_page((unsigned long)arch->pud);
}
)c";

TEST(ProvenanceCollector, FollowsAPageIntoAFieldAndOutToItsFree) {
  ProvenanceFacts Facts = factsOf(Kexec);
  EXPECT_EQ(Facts.Config, "x86_64");
  ASSERT_EQ(Facts.Sites.size(), 3u);
  const ProvenanceFacts::Site &Alloc = Facts.Sites[0], &Free = Facts.Sites[1];
  EXPECT_TRUE(Free.Guarded);
  EXPECT_FALSE(Facts.Sites[2].Guarded);
  EXPECT_EQ(Alloc.Role, PairingRole::Allocation);
  EXPECT_EQ(Alloc.Call, "get_zeroed_page()");
  EXPECT_EQ(Alloc.Order, std::optional<uint64_t>(0));
  EXPECT_EQ(Free.Role, PairingRole::Free);
  EXPECT_EQ(Free.Freed, "field:x86_64:kimage_arch.pud");
  EXPECT_EQ(Facts.Names["field:x86_64:kimage_arch.pud"], "arch->pud");
  // The page reaches its local variable (through alloc_hooks()'s own
  // variable), then the field.
  EXPECT_TRUE(hasFlow(Facts, "var:x86_64:", "field:x86_64:kimage_arch.pud"));
  ASSERT_EQ(Facts.Installs.size(), 1u);
  EXPECT_EQ(Facts.Installs[0].Level, "pud");
  EXPECT_EQ(Facts.Installs[0].How, "installed by __p4d(__pa())");
  EXPECT_TRUE(llvm::is_contained(Facts.Defined, "free_transition"));
}

TEST(ProvenanceCollector, SeesThePlainAllocatorsOfTreesBefore610) {
  // get_zeroed_page() a plain function: the same sites, flows and groups.
  ProvenanceFacts Plain = factsOf(Kexec, /*Plain=*/true);
  ASSERT_EQ(Plain.Sites.size(), 3u);
  const ProvenanceFacts::Site &Alloc = Plain.Sites[0];
  EXPECT_EQ(Alloc.Role, PairingRole::Allocation);
  EXPECT_EQ(Alloc.Call, "get_zeroed_page()");
  EXPECT_EQ(Alloc.Order, std::optional<uint64_t>(0));
  EXPECT_EQ(Plain.Sites[1].Freed, "field:x86_64:kimage_arch.pud");
  EXPECT_TRUE(hasFlow(Plain, "var:x86_64:", "field:x86_64:kimage_arch.pud"));
  ProvenanceResult R = solveProvenance({Plain}, KernelContracts::kernel());
  EXPECT_EQ(R.Sites.size(), 3u);
  EXPECT_EQ(R.Groups, 1u);
}

TEST(ProvenanceCollector, TheSolveJoinsTheFieldsAllocationAndFrees) {
  // One group, converted; the unguarded free may get NULL (a field is NULL
  // until set), which pgtable_free() does not accept: it needs the test.
  ProvenanceFacts Facts = factsOf(Kexec);
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 3u);
  EXPECT_EQ(R.Groups, 1u);
  unsigned NeedTests = 0;
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_TRUE(D.Convert) << D.Reason;
    if (!D.NullTest.empty()) {
      ++NeedTests;
      EXPECT_NE(D.NullTest.find("may be given NULL ('arch->pud' is NULL "
                                "until it is set)"),
                std::string::npos)
          << D.NullTest;
    }
    EXPECT_EQ(D.Group, 1u);
    EXPECT_FALSE(D.UnitLocal); // a field: other units may touch it
  }
  EXPECT_EQ(NeedTests, 1u); // free_unguarded(); free_transition() tests
}

TEST(ProvenanceCollector, RecordsWhereAPageEscapes) {
  ProvenanceFacts Facts = factsOf(R"c(
void keep(pte_t **slot, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);

	*slot = pte;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	asm volatile("" : : "r"(pte));
}
)c");
  std::vector<std::string> How;
  for (const ProvenanceFacts::Unknown &U : Facts.Escapes)
    How.push_back(U.How);
  EXPECT_TRUE(llvm::is_contained(How, "is stored through a pointer"));
  EXPECT_TRUE(llvm::is_contained(How, "is an operand of inline asm"));
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 1u);
  EXPECT_FALSE(R.Sites.begin()->second.Convert);
  EXPECT_NE(R.Sites.begin()->second.Reason.find("is stored through a pointer"),
            std::string::npos);
}

TEST(ProvenanceCollector, AReaderJoinsNoGroups) {
  // Both tables go through __pa() (a reader): they stay two objects, and
  // the one freed with an address computed from it is refused alone.
  ProvenanceFacts Facts = factsOf(R"c(
static pte_t *spare;

void two(pmd_t *a, pmd_t *b)
{
	pte_t *one = (pte_t *)get_zeroed_page(GFP_KERNEL);
	pte_t *other = (pte_t *)get_zeroed_page(GFP_KERNEL);

	set_pmd(a, __pmd(__pa(one) | _KERNPG_TABLE));
	set_pmd(b, __pmd(__pa(other) | _KERNPG_TABLE));
	free_page((unsigned long)other + 0);
}
)c");
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  EXPECT_EQ(R.Groups, 2u);
  unsigned Converted = 0;
  for (const auto &[Key, D] : R.Sites)
    Converted += D.Convert;
  EXPECT_EQ(Converted, 1u);
}

TEST(ProvenanceCollector, KeepsOnlyWhatCanMatter) {
  // Pointer arithmetic in a function that meets no page and no other unit
  // leaves nothing behind.
  ProvenanceFacts Facts = factsOf(R"c(
static unsigned long sum(void)
{
	unsigned long a = 1, b;

	b = a + 2;
	return b;
}

int user(void)
{
	return sum() != 0;
}
)c");
  EXPECT_TRUE(Facts.Sites.empty());
  EXPECT_TRUE(Facts.Flows.empty());
  EXPECT_TRUE(Facts.UnknownOrigins.empty());
}

TEST(ProvenanceCollector, SiteKeysAgreeAcrossUnits) {
  // The same code seen by two units names its sites the same way.
  ProvenanceFacts One = factsOf(Kexec), Two = factsOf(Kexec);
  ASSERT_EQ(One.Sites.size(), Two.Sites.size());
  for (size_t I = 0; I < One.Sites.size(); ++I)
    EXPECT_EQ(One.Sites[I].Key, Two.Sites[I].Key);
}

TEST(ProvenanceCollector, KeepsANullGivenToAnotherUnitsFunction) {
  // release() is defined elsewhere and may free its argument without a NULL
  // test: the NULL passed here must reach the solve.
  ProvenanceFacts Facts = factsOf(R"c(
void release(pte_t *pte);

void drop(void)
{
	release(NULL);
}
)c");
  ASSERT_EQ(Facts.NullOrigins.size(), 1u);
  EXPECT_EQ(Facts.NullOrigins[0].Node, "param:x86_64:release:0");
}

TEST(ProvenanceCollector, CodeTheConfigurationNeverRunsAddsNoFacts) {
  // The slab branches are never run here (a pmd table fills a page): the
  // object is the page allocator's alone. The page branch of the pte
  // allocator, and code after a return, are never run: their sites are
  // recorded as such and nothing else about them.
  ProvenanceFacts Facts = factsOf(R"c(
void *kmem_cache_alloc(void *cache, gfp_t gfp);
void kmem_cache_free(void *cache, void *object);

pmd_t *alloc_pmd(void)
{
	if (PTRS_PER_PMD * sizeof(pmd_t) == PAGE_SIZE)
		return (pmd_t *)get_zeroed_page(GFP_KERNEL);
	return kmem_cache_alloc(NULL, GFP_KERNEL);
}

void free_pmd(pmd_t *pmd)
{
	if (PTRS_PER_PMD * sizeof(pmd_t) == PAGE_SIZE)
		free_page((unsigned long)pmd);
	else
		kmem_cache_free(NULL, pmd);
}

pte_t *alloc_pte(int early)
{
	pte_t *pte = NULL, *spare = (pte_t *)get_zeroed_page(GFP_KERNEL);

	if (PTRS_PER_PTE * sizeof(pte_t) != PAGE_SIZE) {
		pte_t *a = (pte_t *)get_zeroed_page(GFP_KERNEL), *b = a;

		pte = b;
	}
	return pte;
	free_page((unsigned long)spare);
}
)c");
  std::vector<unsigned> Live, Never;
  for (const ProvenanceFacts::Site &S : Facts.Sites)
    Live.push_back(S.At.Line);
  for (const ProvenanceFacts::Site &S : Facts.UnreachableSites)
    Never.push_back(S.At.Line);
  EXPECT_EQ(Live, (std::vector<unsigned>{9, 16, 23}));
  EXPECT_EQ(Never, (std::vector<unsigned>{26, 31}));
  // Nothing flows from the slab into the result, nor from the slab-only
  // branch of alloc_pte() (a declaration of two variables included).
  EXPECT_FALSE(llvm::any_of(Facts.UnknownOrigins, [](const auto &U) {
    return U.Node == "ret:x86_64:alloc_pmd";
  }));
  EXPECT_TRUE(llvm::any_of(Facts.Flows, [](const ProvenanceFacts::Flow &F) {
    return F.To == "ret:x86_64:alloc_pmd";
  }));
  EXPECT_FALSE(llvm::any_of(Facts.Flows, [](const ProvenanceFacts::Flow &F) {
    return F.At.Line == 26 || F.At.Line == 28;
  }));
  EXPECT_FALSE(llvm::any_of(Facts.Escapes,
                            [](const auto &E) { return E.At.Line == 14; }));
}

TEST(ProvenanceCollector, AFieldOfAnAnonymousStructIsNamedByItsRecord) {
  // Linux 6.12's mm_struct keeps pgd in an anonymous struct: the root
  // field contract must still see mm->pgd.
  ProvenanceFacts Facts = factsOf(R"c(
struct mm_like {
	struct {
		int users;
		pgd_t *pgd;
	};
	union {
		pmd_t *pmd;
		long raw;
	};
};

void set_root(struct mm_like *mm, pgd_t *pgd, pmd_t *pmd)
{
	mm->pgd = pgd;
	mm->pmd = pmd;
}
)c");
  EXPECT_TRUE(llvm::any_of(Facts.Flows, [](const ProvenanceFacts::Flow &F) {
    return F.To == "field:x86_64:mm_like.pgd";
  }));
  EXPECT_TRUE(llvm::any_of(Facts.Flows, [](const ProvenanceFacts::Flow &F) {
    return F.To == "field:x86_64:mm_like.pmd";
  }));
}

TEST(ProvenanceCollector, AFreeNoConfigurationRunsKeepsItsPagesGroup) {
  // The free under the constant condition stays on the old API; where the
  // condition holds it frees the same field's pages, so the allocation and
  // the other free must not convert without it.
  ProvenanceFacts Facts = factsOf(R"c(
struct tables {
	pmd_t *pmd;
};

int map(struct tables *t, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pmd)
		return -1;
	t->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void unmap(struct tables *t)
{
	if (sizeof(long) == 4)
		free_page((unsigned long)t->pmd);
	else if (t->pmd)
		free_page((unsigned long)t->pmd);
}
)c");
  ASSERT_EQ(Facts.UnreachableSites.size(), 1u);
  EXPECT_EQ(Facts.UnreachableSites[0].Freed, "field:x86_64:tables.pmd");
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 3u);
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_FALSE(D.Convert) << Key;
    EXPECT_NE(D.Reason.find("never run"), std::string::npos) << D.Reason;
  }
}

// arm64's shape: an allocator's address passed as a parameter, called
// through it, its physical address installed by __pXd_populate().
const char *PointerAllocator = R"c(
static inline void __pmd_populate(pmd_t *pmdp, phys_addr_t ptep,
				  unsigned long prot)
{
	set_pmd(pmdp, __pmd(ptep | prot));
}

static phys_addr_t table_alloc(int shift)
{
	void *ptr = (void *)__get_free_page(GFP_PGTABLE_KERNEL);

	return __pa(ptr);
}

static void map_pmd(pmd_t *pmdp, phys_addr_t (*alloc)(int shift))
{
	phys_addr_t phys = alloc(PAGE_SHIFT);

	__pmd_populate(pmdp, phys, _KERNPG_TABLE);
}

void map(pmd_t *pmdp)
{
	map_pmd(pmdp, table_alloc);
}
)c";

TEST(ProvenanceCollector, FollowsAnAllocatorThroughAFunctionPointer) {
  ProvenanceFacts Facts = factsOf(PointerAllocator);
  std::string Alloc = std::string("fn:x86_64:") + File + "#table_alloc";
  std::string Param = std::string("param:x86_64:") + File + "#map_pmd:1";
  // The address flows into the parameter, not into "address taken".
  EXPECT_TRUE(hasFlow(Facts, Alloc, Param));
  EXPECT_TRUE(llvm::none_of(Facts.AddressTakenFunctions, [](const auto &A) {
    return A.Name == "table_alloc";
  }));
  ASSERT_EQ(Facts.IndirectCalls.size(), 1u);
  EXPECT_EQ(Facts.IndirectCalls[0].Pointer, Param);
  EXPECT_TRUE(
      llvm::StringRef(Facts.IndirectCalls[0].Result).startswith("expr:"));
  // __pa() of the page is the page; its install is evidence.
  EXPECT_TRUE(hasFlow(
      Facts, "var:", std::string("ret:x86_64:") + File + "#table_alloc"));
  EXPECT_TRUE(llvm::any_of(Facts.Installs, [](const auto &I) {
    return I.Level == "pte" && I.How == "installed by __pmd_populate()";
  }));
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 1u);
  EXPECT_TRUE(R.Sites.begin()->second.Convert)
      << R.Sites.begin()->second.Reason;
}

TEST(ProvenanceCollector, AnAllocatorWhoseAddressEscapesIsRefused) {
  ProvenanceFacts Facts = factsOf(std::string(PointerAllocator) + R"c(
phys_addr_t (**slot)(int shift);

void leak(void)
{
	*slot = table_alloc;
}
)c");
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 1u);
  EXPECT_FALSE(R.Sites.begin()->second.Convert);
  EXPECT_NE(R.Sites.begin()->second.Reason.find(
                "which is called through a function pointer"),
            std::string::npos)
      << R.Sites.begin()->second.Reason;
}

TEST(ProvenanceCollector,
     APointerParameterOfAnAddressTakenFunctionMayHoldAnyFunction) {
  // walk() is also called through a pointer the facts do not follow: its
  // alloc may be any allocator there, so the free of its result is refused.
  ProvenanceFacts Facts = factsOf(R"c(
#include <asm/pgalloc.h>
static void *table_alloc(void)
{
	return (void *)get_zeroed_page(GFP_KERNEL);
}

static void walk(pmd_t *pmd, void *(*alloc)(void))
{
	pte_t *pte = alloc();

	pmd_populate_kernel(&init_mm, pmd, pte);
	free_page((unsigned long)pte);
}

void (*walker)(pmd_t *pmd, void *(*alloc)(void)) = walk;

void map(pmd_t *pmd)
{
	walk(pmd, table_alloc);
}
)c");
  ProvenanceResult R = solveProvenance({Facts}, KernelContracts::kernel());
  ASSERT_EQ(R.Sites.size(), 2u);
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_FALSE(D.Convert) << Key;
    EXPECT_NE(D.Reason.find("may hold a function the facts do not know"),
              std::string::npos)
        << D.Reason;
  }
}

TEST(ProvenanceCollector, PhysicalAddressMacrosKeepThePage) {
  // As arm64 and riscv spell __pa(): arithmetic, not a call.
  ProvenanceFacts Facts = factsOf(R"c(
#undef __pa
#define __pa(x) ({ unsigned long _x = (unsigned long)(x); _x - 0x1000UL; })

phys_addr_t table_phys(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	return __pa(page);
}
)c");
  EXPECT_TRUE(
      hasFlow(Facts, "var:x86_64:", std::string("ret:x86_64:") + "table_phys"));
}

TEST(ProvenanceCollector, ACallOfAnAliasIsACallOfItsTarget) {
  ProvenanceFacts Facts = factsOf(R"c(
static void walk(pmd_t *pmd, phys_addr_t (*alloc)(int shift))
{
	set_pmd(pmd, __pmd(alloc(0) | _KERNPG_TABLE));
}

void walk_alias(pmd_t *pmd, phys_addr_t (*alloc)(int shift))
	__attribute__((alias("walk")));
)c");
  std::string Target = std::string("param:x86_64:") + File + "#walk:1";
  EXPECT_TRUE(hasFlow(Facts, "param:x86_64:walk_alias:1", Target));
  EXPECT_TRUE(llvm::is_contained(Facts.Defined, "walk_alias"));
}

} // namespace
