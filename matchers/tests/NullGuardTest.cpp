//===- NullGuardTest.cpp --------------------------------------------------===//

#include "analysis/NullGuard.h"
#include "ParsedCode.h"

using namespace clang;
using namespace clang::ast_matchers;
using pgmigrate::guardedAgainstNull;
using pgmigrate::testing::ParsedCode;

namespace {

// Whether the free_pages() call of Body runs only on a non-NULL argument.
bool guarded(llvm::StringRef Body) {
  ParsedCode Code(("#include <linux/mm.h>\nstruct t { pte_t *pte; };\n"
                   "void touch(struct t *t);\n" +
                   Body)
                      .str());
  const auto *Call = Code.first<CallExpr>(
      callExpr(callee(functionDecl(hasName("free_pages")))).bind("n"));
  if (!Call)
    return false;
  return guardedAgainstNull(Call, Call->getArg(0), Code.context());
}

TEST(NullGuard, AnIfAroundTheCall) {
  EXPECT_TRUE(
      guarded("void f(pte_t *p) { if (p) free_page((unsigned long)p); }"));
  EXPECT_TRUE(guarded(
      "void f(pte_t *p) { if (p != NULL) free_page((unsigned long)p); }"));
  EXPECT_TRUE(guarded("void f(pte_t *p) { if (!p) return; else "
                      "free_page((unsigned long)p); }"));
  EXPECT_FALSE(
      guarded("void f(pte_t *p) { if (!p) free_page((unsigned long)p); }"));
  EXPECT_FALSE(guarded("void f(pte_t *p) { free_page((unsigned long)p); }"));
}

TEST(NullGuard, AnEarlyExitBefore) {
  EXPECT_TRUE(guarded("int f(pte_t *p, int x) { if (!p) return -1; if (x) "
                      "free_page((unsigned long)p); return 0; }"));
  EXPECT_TRUE(guarded("void f(pte_t *p) { if (p == NULL) goto out; "
                      "free_page((unsigned long)p); out: ; }"));
  // Not an exit: the code goes on with p NULL.
  EXPECT_FALSE(guarded("void f(pte_t *p, int x) { if (!p) x = 1; "
                       "free_page((unsigned long)p); }"));
}

TEST(NullGuard, AChangeOnTheWayBreaksTheGuard) {
  EXPECT_FALSE(guarded("void f(pte_t *p) { if (!p) return; p = NULL; "
                       "free_page((unsigned long)p); }"));
  EXPECT_FALSE(guarded("void f(pte_t *p) { if (p) { p = NULL; "
                       "free_page((unsigned long)p); } }"));
  // A field may change in any call; a local variable only by assignment.
  EXPECT_FALSE(guarded("void f(struct t *t) { if (!t->pte) return; touch(t); "
                       "free_page((unsigned long)t->pte); }"));
  EXPECT_TRUE(guarded("void f(struct t *t, pte_t *p) { if (!p) return; "
                      "touch(t); free_page((unsigned long)p); }"));
  // A loop around the call that changes the value runs the call again.
  EXPECT_FALSE(guarded("void f(pte_t *p, int n) { if (!p) return; while (n--) "
                       "{ free_page((unsigned long)p); p = NULL; } }"));
}

} // namespace
