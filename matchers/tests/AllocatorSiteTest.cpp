//===- AllocatorSiteTest.cpp ----------------------------------------------===//
//
// The pieces the allocation rules share, on in-memory code against the
// reference model's kernel-shaped headers: each test parses a function
// and looks at its pagetable_alloc() call.
//
//===----------------------------------------------------------------------===//

#include "rules/AllocatorSite.h"
#include "analysis/AstNavigation.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;
using namespace clang::ast_matchers;

#ifndef PGMIGRATE_REFIMPL_INCLUDE
#error "PGMIGRATE_REFIMPL_INCLUDE must name reference-impl/include"
#endif

namespace {

const llvm::StringRef Macros[] = {"pagetable_alloc"};

/// One parsed unit and its (first) evaluated pagetable_alloc_noprof() call
/// outside the headers.
struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  const CallExpr *Call = nullptr;

  ASTContext &context() { return AST->getASTContext(); }
  const SourceManager &sm() { return AST->getSourceManager(); }
  AllocatorSite site(llvm::ArrayRef<std::string> Api = {}) {
    return locateAllocatorSite(Call, Macros, Api, context());
  }
  AllocationTarget target() {
    AllocatorSite S = site();
    const Expr *Top = S.Where.Outer;
    // Through the parentheses and casts, as the rules climb.
    while (true) {
      DynTypedNodeList Parents = context().getParents(*Top);
      if (Parents.empty())
        break;
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent || !(isa<ParenExpr>(Parent) || isa<CastExpr>(Parent)))
        break;
      Top = Parent;
    }
    return allocationTarget(Top, context());
  }
};

/// Code against the headers in the 6.12 shape, or with Plain in the shape
/// of Linux before 6.10 (pagetable_alloc() a function).
Parsed parse(llvm::StringRef Code, bool Plain = false) {
  Parsed P;
  P.AST = tooling::buildASTFromCodeWithArgs(
      (Plain ? "#define REFIMPL_PLAIN_ALLOCATORS 1\n" : "") +
          ("#include <linux/mm.h>\n" + Code).str(),
      {"-xc", "-std=gnu11", "-isystem", PGMIGRATE_REFIMPL_INCLUDE},
      "/src/arch/x86/mm/t.c");
  EXPECT_TRUE(P.AST);
  auto Matches =
      match(callExpr(isExpansionInMainFile(),
                     callee(functionDecl(hasAnyName("pagetable_alloc_noprof",
                                                    "pagetable_alloc"))))
                .bind("call"),
            P.context());
  // alloc_hooks() also names the call inside typeof(), where it is not
  // evaluated: the site is the evaluated one.
  for (const BoundNodes &Match : Matches) {
    const auto *Call = Match.getNodeAs<CallExpr>("call");
    if (locateCall(Call, Macros, P.context()).Outer) {
      P.Call = Call;
      break;
    }
  }
  EXPECT_TRUE(P.Call);
  return P;
}

TEST(AllocatorSite, LocatesTheMacroInvocationAndReportsAtItsName) {
  Parsed P = parse("void *f(void)\n"
                   "{\n"
                   "\treturn pagetable_alloc(GFP_KERNEL, 0);\n"
                   "}\n");
  AllocatorSite S = P.site();
  ASSERT_TRUE(S.Candidate);
  EXPECT_EQ(S.Where.Name, "pagetable_alloc");
  EXPECT_TRUE(S.Where.ThroughMacro);
  ASSERT_TRUE(S.Function);
  EXPECT_EQ(S.Function->getName(), "f");
  EXPECT_EQ(P.sm().getSpellingLineNumber(S.ReportAt), 4u);
  EXPECT_EQ(P.sm().getSpellingColumnNumber(S.ReportAt), 9u);
  EXPECT_EQ(refusalWhat(S.Where, S.Where.editable(P.sm()), P.sm(),
                        P.context().getLangOpts()),
            "'pagetable_alloc(GFP_KERNEL, 0)'");
  EXPECT_EQ(macroPlacementProblem(S.Where), "");
}

TEST(AllocatorSite, TheApiImplementationIsNoCandidate) {
  Parsed P = parse("void *pgtable_alloc_noprof(gfp_t gfp, unsigned int order)\n"
                   "{ return pagetable_alloc_noprof(gfp, order); }\n");
  EXPECT_FALSE(P.site({"pgtable_alloc_noprof"}).Candidate);
  EXPECT_TRUE(P.site().Candidate);
}

TEST(AllocatorSite, AnInvocationInAMacroBodyIsReportedThere) {
  Parsed P = parse("#define ALLOC_TABLE() pagetable_alloc(GFP_KERNEL, 0)\n"
                   "struct ptdesc *f(void) { return ALLOC_TABLE(); }\n");
  AllocatorSite S = P.site();
  ASSERT_TRUE(S.Candidate);
  EXPECT_EQ(P.sm().getSpellingLineNumber(S.ReportAt), 2u);
  EXPECT_EQ(macroPlacementProblem(S.Where),
            "is written inside the definition of macro 'ALLOC_TABLE'; "
            "convert the macro by hand");
  EXPECT_EQ(refusalWhat(S.Where, S.Where.editable(P.sm()), P.sm(),
                        P.context().getLangOpts()),
            "pagetable_alloc()");
}

TEST(AllocatorSite, TheTargetIsTheInitialisedOrAssignedVariable) {
  Parsed Init = parse("void f(void)\n"
                      "{ struct ptdesc *pt = pagetable_alloc(GFP_KERNEL, 0); "
                      "(void)pt; }\n");
  AllocationTarget T = Init.target();
  ASSERT_TRUE(T.Var);
  EXPECT_EQ(T.Var->getName(), "pt");
  EXPECT_FALSE(T.Assignment);
  EXPECT_EQ(T.Escape, "");

  Parsed Assigned =
      parse("void f(void)\n"
            "{ struct ptdesc *pt; pt = pagetable_alloc(GFP_KERNEL, "
            "0); (void)pt; }\n");
  T = Assigned.target();
  ASSERT_TRUE(T.Var);
  EXPECT_EQ(T.Var->getName(), "pt");
  EXPECT_TRUE(T.Assignment);
}

TEST(AllocatorSite, AnEscapeSaysWhereTheValueGoes) {
  EXPECT_EQ(parse("struct ptdesc *f(void)\n"
                  "{ return pagetable_alloc(GFP_KERNEL, 0); }\n")
                .target()
                .Escape,
            "is returned");
  EXPECT_EQ(parse("void keep(struct ptdesc *pt);\n"
                  "void f(void) { keep(pagetable_alloc(GFP_KERNEL, 0)); }\n")
                .target()
                .Escape,
            "is passed to keep()");
  // A call through a function pointer has no callee name to print.
  EXPECT_EQ(parse("void f(void (*keep)(struct ptdesc *))\n"
                  "{ keep(pagetable_alloc(GFP_KERNEL, 0)); }\n")
                .target()
                .Escape,
            "is passed to a function pointer");
  AllocationTarget Member =
      parse("struct cache { struct ptdesc *last; };\n"
            "void f(struct cache *c)\n"
            "{ c->last = pagetable_alloc(GFP_KERNEL, 0); }\n")
          .target();
  EXPECT_FALSE(Member.Var);
  EXPECT_TRUE(Member.Assignment);
  EXPECT_EQ(Member.Escape, "is stored in 'c->last'");
}

TEST(AllocatorSite, OrdersAreConstantsOrNothing) {
  Parsed Constant = parse("void *f(void)\n"
                          "{ return pagetable_alloc(GFP_KERNEL, 1 + 1); }\n");
  EXPECT_EQ(constantValue(Constant.Call->getArg(1), Constant.context()), 2u);
  Parsed Variable = parse("void *f(unsigned int order)\n"
                          "{ return pagetable_alloc(GFP_KERNEL, order); }\n");
  EXPECT_EQ(constantValue(Variable.Call->getArg(1), Variable.context()),
            std::nullopt);
}

TEST(AllocatorSite, TheNewNameIsNoprofForADirectCallOrInANoprofFunction) {
  Parsed Macro = parse("void *f(void) { return pagetable_alloc(GFP_KERNEL, 0); "
                       "}\n");
  AllocatorSite S = Macro.site();
  EXPECT_EQ(newAllocatorName("pgtable_alloc", S.Where, S.Function),
            "pgtable_alloc");

  Parsed Direct = parse("void *f(void)\n"
                        "{ return pagetable_alloc_noprof(GFP_KERNEL, 0); }\n");
  S = Direct.site();
  EXPECT_EQ(newAllocatorName("pgtable_alloc", S.Where, S.Function),
            "pgtable_alloc_noprof");

  Parsed InNoprof = parse("void *table_alloc_noprof(void)\n"
                          "{ return pagetable_alloc(GFP_KERNEL, 0); }\n");
  S = InNoprof.site();
  EXPECT_EQ(newAllocatorName("pgtable_alloc", S.Where, S.Function),
            "pgtable_alloc_noprof");
}

TEST(AllocatorSite, APlainAllocatorCallGetsThePlainName) {
  // Before Linux 6.10 the allocator is a function: a direct call of it is
  // what the macro invocation is later, and there is no _noprof form.
  Parsed Plain = parse("void *f(void) { return pagetable_alloc(GFP_KERNEL, 0); "
                       "}\n",
                       /*Plain=*/true);
  AllocatorSite S = Plain.site();
  EXPECT_FALSE(S.Where.ThroughMacro);
  EXPECT_EQ(S.Where.Name, "pagetable_alloc");
  EXPECT_EQ(newAllocatorName("pgtable_alloc", S.Where, S.Function),
            "pgtable_alloc");
}

TEST(AllocatorSite, TheNewCallDropsAWrittenGfpZero) {
  EXPECT_EQ(newAllocatorCall("pgtable_alloc", "GFP_KERNEL | __GFP_ZERO", "1"),
            "pgtable_alloc(GFP_KERNEL, 1)");
  EXPECT_EQ(newAllocatorCall("pgtable_alloc", "GFP_PGTABLE_KERNEL", "0"),
            "pgtable_alloc(GFP_PGTABLE_KERNEL, 0)");
}

TEST(AllocatorSite, TheZeroingNoteFollowsTheMask) {
  Parsed Zero = parse("void *f(void)\n"
                      "{ return pagetable_alloc(GFP_KERNEL | __GFP_ZERO, 0); "
                      "}\n");
  EXPECT_EQ(zeroingNote(Zero.Call->getArg(0), Zero.site().Function,
                        Zero.context(), "why"),
            "");
  Parsed NoZero = parse("void *f(void)\n"
                        "{ return pagetable_alloc(GFP_KERNEL, 0); }\n");
  EXPECT_EQ(zeroingNote(NoZero.Call->getArg(0), NoZero.site().Function,
                        NoZero.context(), "why"),
            "; gains zeroing: why");
  Parsed Unknown = parse("void *f(gfp_t gfp)\n"
                         "{ return pagetable_alloc(gfp, 0); }\n");
  EXPECT_EQ(zeroingNote(Unknown.Call->getArg(0), Unknown.site().Function,
                        Unknown.context(), "why"),
            "; may gain zeroing: cannot tell whether the gfp mask includes "
            "__GFP_ZERO");
}

TEST(AllocatorSite, RefusalsReadAsOneSentence) {
  EXPECT_EQ(refusalMessage("'f(x)'", "is returned"),
            "not converted: 'f(x)' is returned");
  EXPECT_EQ(refusalMessage("f()", "the order 'n' is not a constant"),
            "not converted: f(): the order 'n' is not a constant");
}

TEST(AllocatorSite, TheEditCoversTheTokensAndShowsTheOldCode) {
  Parsed P = parse("void *f(void)\n"
                   "{ return pagetable_alloc( GFP_KERNEL,\n"
                   "                          0 ); }\n");
  AllocatorSite S = P.site();
  TokenRangeEdit Edit =
      replaceTokens(S.Where.NameSpelling.FileLoc, S.Where.EndSpelling.FileLoc,
                    "new()", P.sm(), P.context().getLangOpts());
  EXPECT_EQ(Edit.Old, "pagetable_alloc(GFP_KERNEL, 0)");
  EXPECT_EQ(Edit.Edit.getReplacementText(), "new()");
  EXPECT_EQ(Edit.Edit.getLength(), std::string("pagetable_alloc( GFP_KERNEL,\n"
                                               "                          0 )")
                                       .size());
}

} // namespace
