//===- GfpFlagsTest.cpp ---------------------------------------------------===//
//
// gfpFlag() on the gfp argument of an allocation in small functions
// written against the reference model's headers.
//
//===----------------------------------------------------------------------===//

#include "support/GfpFlags.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

// Whether the gfp argument of the get_zeroed_page() in Body holds
// __GFP_ZERO.
FlagState zeroIn(llvm::StringRef Body) {
  ParsedCode Code(("#include <linux/mm.h>\n" + Body).str());
  const clang::CallExpr *Call = Code.call("get_zeroed_page_noprof");
  const clang::FunctionDecl *F = Code.function("f");
  EXPECT_TRUE(Call && F);
  if (!Call || !F)
    return FlagState::Unknown;
  return gfpFlag(Call->getArg(0), "__GFP_ZERO", F, Code.context());
}

TEST(GfpFlags, Constants) {
  EXPECT_EQ(zeroIn("unsigned long f(void) "
                   "{ return get_zeroed_page(GFP_KERNEL | __GFP_ZERO); }"),
            FlagState::Present);
  EXPECT_EQ(zeroIn("unsigned long f(void) "
                   "{ return get_zeroed_page(GFP_KERNEL); }"),
            FlagState::Absent);
  EXPECT_EQ(zeroIn("unsigned long f(void) { return "
                   "get_zeroed_page((GFP_KERNEL | __GFP_ZERO) & "
                   "~__GFP_ZERO); }"),
            FlagState::Absent);
}

TEST(GfpFlags, Parameters) {
  EXPECT_EQ(zeroIn("unsigned long f(gfp_t gfp) "
                   "{ return get_zeroed_page(gfp); }"),
            FlagState::Unknown);
  EXPECT_EQ(zeroIn("unsigned long f(gfp_t gfp) "
                   "{ return get_zeroed_page(gfp | __GFP_ZERO); }"),
            FlagState::Present);
  EXPECT_EQ(zeroIn("unsigned long f(gfp_t gfp) "
                   "{ return get_zeroed_page(gfp & ~__GFP_ZERO); }"),
            FlagState::Absent);
}

TEST(GfpFlags, ALocalDeclaredWithoutAValueStartsWithItsFirstAssignment) {
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(void)
{
	gfp_t gfp_mask;

	gfp_mask = GFP_KERNEL | __GFP_ZERO;
	return get_zeroed_page(gfp_mask);
}
)c"),
            FlagState::Present);
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(int atomic)
{
	gfp_t gfp_mask;

	gfp_mask = GFP_KERNEL | __GFP_ZERO;
	if (atomic)
		gfp_mask = GFP_ATOMIC;
	return get_zeroed_page(gfp_mask);
}
)c"),
            FlagState::Unknown);
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(void)
{
	gfp_t gfp_mask;

	gfp_mask |= __GFP_ZERO;
	return get_zeroed_page(gfp_mask);
}
)c"),
            FlagState::Unknown); // |= onto nothing
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(void)
{
	gfp_t gfp_mask;

	return get_zeroed_page(gfp_mask);
}
)c"),
            FlagState::Unknown); // never given a value
}

TEST(GfpFlags, LocalVariablesFollowedToTheirWrites) {
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(void)
{
	gfp_t gfp = GFP_KERNEL;

	gfp |= __GFP_ZERO;
	return get_zeroed_page(gfp);
}
)c"),
            FlagState::Unknown); // |= of the flag onto Absent
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(int account)
{
	gfp_t gfp = GFP_KERNEL | __GFP_ZERO;

	if (account)
		gfp |= __GFP_ACCOUNT;
	return get_zeroed_page(gfp);
}
)c"),
            FlagState::Present);
  EXPECT_EQ(zeroIn(R"c(
unsigned long f(int atomic)
{
	gfp_t gfp = GFP_KERNEL;

	if (atomic)
		gfp = GFP_ATOMIC;
	return get_zeroed_page(gfp);
}
)c"),
            FlagState::Absent);
  EXPECT_EQ(zeroIn(R"c(
void g(gfp_t *gfp);
unsigned long f(void)
{
	gfp_t gfp = GFP_KERNEL;

	g(&gfp);
	return get_zeroed_page(gfp);
}
)c"),
            FlagState::Unknown);
}

} // namespace
