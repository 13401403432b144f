//===- MacroCallTest.cpp --------------------------------------------------===//
//
// locateCall() and writtenArguments() through the reference model's
// allocator macros: function-like macros over alloc_hooks() statement
// expressions around a *_noprof() call.
//
//===----------------------------------------------------------------------===//

#include "support/MacroCall.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const llvm::StringRef Allocators[] = {"get_zeroed_page", "__get_free_pages",
                                      "__get_free_page"};

std::string withHeaders(llvm::StringRef Code) {
  return ("#include <linux/mm.h>\n" + Code).str();
}

struct Located {
  ParsedCode Code;
  MacroCall Call;
  llvm::SmallVector<std::string, 2> Arguments;

  Located(llvm::StringRef Source, llvm::StringRef Callee)
      : Code(withHeaders(Source)) {
    const clang::CallExpr *E = Code.call(Callee);
    EXPECT_TRUE(E);
    if (!E)
      return;
    Call = locateCall(E, Allocators, Code.context());
    Arguments = writtenArguments(Call, Code.sourceManager(), Code.langOpts());
  }
};

using Args = llvm::SmallVector<std::string, 2>;

TEST(MacroCall, FindsTheAllocatorMacroAroundTheCall) {
  Located L("unsigned long f(void) "
            "{ return get_zeroed_page(GFP_KERNEL | __GFP_NOWARN); }",
            "get_zeroed_page_noprof");
  EXPECT_EQ(L.Call.Name, "get_zeroed_page");
  EXPECT_TRUE(L.Call.ThroughMacro);
  EXPECT_TRUE(L.Call.BodyMacro.empty());
  EXPECT_TRUE(L.Call.editable(L.Code.sourceManager()));
  // The whole alloc_hooks() statement expression.
  ASSERT_TRUE(L.Call.Outer);
  EXPECT_TRUE(llvm::isa<clang::StmtExpr>(L.Call.Outer->IgnoreParens()));
  EXPECT_EQ(L.Arguments, Args({"GFP_KERNEL | __GFP_NOWARN"}));
}

TEST(MacroCall, TakesTheOutermostAllocatorMacro) {
  // __get_free_page(gfp) is __get_free_pages((gfp), 0).
  Located L("unsigned long f(void) { return __get_free_page(GFP_KERNEL); }",
            "get_free_pages_noprof");
  EXPECT_EQ(L.Call.Name, "__get_free_page");
  EXPECT_EQ(L.Arguments, Args({"GFP_KERNEL"}));
}

TEST(MacroCall, SplitsArgumentsAtTopLevelCommasOnly) {
  Located L("unsigned long f(gfp_t gfp, int (*g)(int, int)) {\n"
            "  return __get_free_pages( (gfp & ~__GFP_HIGHMEM) ,\n"
            "                          g(1, 2));\n"
            "}",
            "get_free_pages_noprof");
  EXPECT_EQ(L.Arguments, Args({"(gfp & ~__GFP_HIGHMEM)", "g(1, 2)"}));
}

TEST(MacroCall, CommasInCommentsDoNotSplitArguments) {
  Located L("unsigned long f(void) {\n"
            "  return __get_free_pages(GFP_KERNEL /* not (, here */, 1);\n"
            "}",
            "get_free_pages_noprof");
  EXPECT_EQ(L.Arguments, Args({"GFP_KERNEL /* not (, here */", "1"}));
}

TEST(MacroCall, InvocationArgumentsFromText) {
  clang::LangOptions LO;
  LO.C99 = LO.C11 = LO.GNUMode = LO.LineComment = true;
  EXPECT_EQ(invocationArguments("f(a, (b, c), d[1, 2])", LO),
            Args({"a", "(b, c)", "d[1, 2]"}));
  EXPECT_EQ(invocationArguments("f()", LO), Args());
  EXPECT_EQ(invocationArguments("f( , )", LO), Args({"", ""}));
  // Not one invocation, or holding literals: nothing.
  EXPECT_EQ(invocationArguments("(f)(a)", LO), Args());
  EXPECT_EQ(invocationArguments("f(a, \"b\")", LO), Args());
  EXPECT_EQ(invocationArguments("f(a, 'b')", LO), Args());
  EXPECT_EQ(invocationArguments("f(a]", LO), Args());
  EXPECT_EQ(invocationArguments("f", LO), Args());
}

TEST(MacroCall, ADirectCallIsItsOwnInvocation) {
  Located L("unsigned long f(void) "
            "{ return get_zeroed_page_noprof(GFP_KERNEL); }",
            "get_zeroed_page_noprof");
  EXPECT_EQ(L.Call.Name, "get_zeroed_page_noprof");
  EXPECT_FALSE(L.Call.ThroughMacro);
  EXPECT_EQ(L.Call.Outer, L.Code.call("get_zeroed_page_noprof"));
  EXPECT_EQ(L.Arguments, Args({"GFP_KERNEL"}));
}

TEST(MacroCall, AnInvocationInAnotherMacroIsNotEditable) {
  Located L("#define ZALLOC() get_zeroed_page(GFP_KERNEL)\n"
            "unsigned long f(void) { return ZALLOC(); }",
            "get_zeroed_page_noprof");
  EXPECT_EQ(L.Call.BodyMacro, "ZALLOC");
  EXPECT_FALSE(L.Call.NameFromMacro);
  EXPECT_TRUE(L.Call.BodyLoc.isValid());
  EXPECT_FALSE(L.Call.editable(L.Code.sourceManager()));
  EXPECT_TRUE(L.Arguments.empty());
}

TEST(MacroCall, ANameFromAMacroSplitsTheInvocation) {
  Located L("#define ZALLOC get_zeroed_page\n"
            "unsigned long f(void) { return ZALLOC(GFP_KERNEL); }",
            "get_zeroed_page_noprof");
  EXPECT_EQ(L.Call.BodyMacro, "ZALLOC");
  EXPECT_TRUE(L.Call.NameFromMacro);
  EXPECT_FALSE(L.Call.editable(L.Code.sourceManager()));
}

TEST(MacroCall, TheCopyInTypeofIsNotASite) {
  // alloc_hooks_tag() names the call twice: in __typeof__() and as code.
  ParsedCode Code(withHeaders(
      "unsigned long f(void) { return get_zeroed_page(GFP_KERNEL); }"));
  std::vector<const clang::CallExpr *> Calls =
      Code.calls("get_zeroed_page_noprof");
  ASSERT_EQ(Calls.size(), 2u);
  unsigned Sites = 0;
  for (const clang::CallExpr *E : Calls)
    if (locateCall(E, Allocators, Code.context()).Outer)
      ++Sites;
  EXPECT_EQ(Sites, 1u);
}

TEST(MacroCall, EnclosingMacroArgumentsInExpansionOrder) {
  ParsedCode Code(withHeaders(
      "#define OUTER(x) (x)\n#define INNER(x) (x)\n"
      "#define BOTH(x) OUTER(INNER(x))\n"
      "int f(int v) { return OUTER(INNER(v) + 1) + BOTH(v) + INNER(v); }"));
  auto Names = [&](unsigned Reference) {
    const clang::DeclRefExpr *V = Code.reference("v", Reference);
    EXPECT_TRUE(V);
    return enclosingMacroArguments(V->getLocation(), Code.sourceManager(),
                                   Code.langOpts());
  };
  using List = llvm::SmallVector<std::string, 4>;
  // INNER(v) in OUTER's argument is expanded first.
  EXPECT_EQ(Names(0), (List{"OUTER", "INNER"}));
  EXPECT_EQ(Names(1), (List{"OUTER", "INNER", "BOTH"}));
  EXPECT_EQ(Names(2), (List{"INNER"}));
}

} // namespace
