//===- PageAllocatorsTest.cpp ---------------------------------------------===//
//
// Which calls are calls of the old allocators, in the headers' two shapes
// (Linux 6.10+: alloc_hooks() macros over _noprof functions; before: plain
// functions), and that look-alikes are not.
//
//===----------------------------------------------------------------------===//

#include "support/PageAllocators.h"
#include "ParsedCode.h"
#include "llvm/ADT/STLExtras.h"

using namespace pgmigrate;
using namespace pgmigrate::testing;
using namespace clang;
using namespace clang::ast_matchers;

namespace {

const char *const Calls = R"(
#include <linux/mm.h>
void use(unsigned long a, unsigned long b, unsigned long c, void *d);
void f(void)
{
	use(get_zeroed_page(GFP_KERNEL), __get_free_pages(GFP_KERNEL, 1),
	    __get_free_page(GFP_KERNEL), pagetable_alloc(GFP_KERNEL, 0));
}
)";

/// The allocators the calls in f() call, in source order (alloc_hooks()
/// names its call twice, once inside typeof()).
std::vector<OldAllocator> allocatorsCalled(ParsedCode &Code) {
  std::vector<OldAllocator> Kinds;
  auto Matches = match(
      traverse(TK_AsIs,
               callExpr(hasAncestor(functionDecl(hasName("f")))).bind("c")),
      Code.context());
  for (const BoundNodes &Match : Matches) {
    OldAllocator Kind = oldAllocatorCalled(Match.getNodeAs<CallExpr>("c"));
    if (Kind != OldAllocator::None)
      Kinds.push_back(Kind);
  }
  return Kinds;
}

TEST(PageAllocators, TheMacroShapeCallsTheNoprofFunctions) {
  ParsedCode Code(Calls);
  std::vector<OldAllocator> Kinds = allocatorsCalled(Code);
  EXPECT_GE(llvm::count(Kinds, OldAllocator::ZeroedPage), 1);
  EXPECT_GE(llvm::count(Kinds, OldAllocator::FreePages), 2);
  EXPECT_GE(llvm::count(Kinds, OldAllocator::PagetableAlloc), 1);
  EXPECT_EQ(Kinds.size(), 8u);
}

TEST(PageAllocators, ThePlainShapeCallsThePlainFunctions) {
  ParsedCode Code(std::string("#define REFIMPL_PLAIN_ALLOCATORS 1\n") + Calls);
  EXPECT_EQ(allocatorsCalled(Code),
            (std::vector<OldAllocator>{
                OldAllocator::ZeroedPage, OldAllocator::FreePages,
                OldAllocator::FreePages, OldAllocator::PagetableAlloc}));
}

TEST(PageAllocators, AFunctionThatOnlySharesTheNameIsNotTheAllocator) {
  // Another arity, or another first parameter than gfp_t.
  ParsedCode Code(R"(
typedef unsigned int gfp_t;
unsigned long get_zeroed_page(int node, int flags);
void *pagetable_alloc(int level, unsigned int order);
unsigned long __get_free_pages(int order);
unsigned long get_free_pages_noprof(gfp_t gfp);
void use(unsigned long a, void *b, unsigned long c, unsigned long d);
void f(void)
{
	use(get_zeroed_page(0, 0), pagetable_alloc(1, 0), __get_free_pages(2),
	    get_free_pages_noprof(0));
}
)");
  EXPECT_TRUE(allocatorsCalled(Code).empty());
}

TEST(PageAllocators, TheMatcherNamesCoverBothShapes) {
  for (llvm::StringRef Name : {"get_zeroed_page_noprof", "get_zeroed_page",
                               "get_free_pages_noprof", "__get_free_pages"})
    EXPECT_TRUE(llvm::is_contained(pageAllocatorFunctions(), Name))
        << Name.str();
  EXPECT_TRUE(
      llvm::is_contained(pagetableAllocFunctions(), "pagetable_alloc_noprof"));
  EXPECT_TRUE(llvm::is_contained(pagetableAllocFunctions(), "pagetable_alloc"));
  EXPECT_FALSE(llvm::is_contained(pageAllocatorFunctions(), "free_pages"));
}

} // namespace
