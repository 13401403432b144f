//===- ProvenanceNodeTest.cpp ---------------------------------------------===//

#include "pgmigrate/ProvenanceFacts.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using node::Kind;

namespace {

TEST(ProvenanceNode, KindsByPrefix) {
  EXPECT_EQ(node::kindOf("site:/k/arch/x86/mm/a.c:120"), Kind::Site);
  EXPECT_EQ(node::kindOf("var:x86_64:/k/a.c:40"), Kind::Var);
  EXPECT_EQ(node::kindOf("param:x86_64:f:0"), Kind::Param);
  EXPECT_EQ(node::kindOf("ret:x86_64:f"), Kind::Ret);
  EXPECT_EQ(node::kindOf("field:x86_64:kimage_arch.p4d"), Kind::Field);
  EXPECT_EQ(node::kindOf("global:x86_64:/k/a.c#cache"), Kind::Global);
  EXPECT_EQ(node::kindOf("read:x86_64:/k/a.c:90"), Kind::Read);
  EXPECT_EQ(node::kindOf("expr:x86_64:/k/a.c:91"), Kind::Expr);
  EXPECT_EQ(node::kindOf("fn:aarch64:/k/mmu.c#pgd_pgtable_alloc"), Kind::Fn);
  EXPECT_EQ(node::restOf("fn:aarch64:/k/mmu.c#pgd_pgtable_alloc"),
            "/k/mmu.c#pgd_pgtable_alloc");
  EXPECT_EQ(node::functionOf("fn:aarch64:early_alloc"), "");
}

TEST(ProvenanceNode, MalformedNodesAreInvalid) {
  for (llvm::StringRef Bad : {"",
                              "site:",
                              "var:x86_64",
                              "var::/k/a.c:1",
                              "var:x86_64:/k/a.c",
                              "var:x86_64:/k/a.c:x1",
                              "var:x86_64::12",
                              "param:x86_64:f",
                              "param:x86_64:f:",
                              "param:x86_64::0",
                              "ret:x86_64:",
                              "ret:x86_64",
                              "field:x86_64:kimage_arch",
                              "field:x86_64:.p4d",
                              "field:x86_64:kimage_arch.",
                              "global:x86_64:",
                              "entry:x86_64:pte",
                              "Site:/k/a.c:1",
                              "read:x86_64:/k/a.c:",
                              "fn:x86_64:",
                              "fn::f"})
    EXPECT_EQ(node::kindOf(Bad), Kind::Invalid) << Bad.str();
}

TEST(ProvenanceNode, FunctionOfParamAndRet) {
  EXPECT_EQ(node::functionOf("param:x86_64:pmd_free:1"), "pmd_free");
  EXPECT_EQ(node::functionOf("ret:x86_64:pmd_alloc_one"), "pmd_alloc_one");
  // A static function: FILE#name, and FILE may hold ':' as well as '/'.
  EXPECT_EQ(node::functionOf("param:x86_64:/k/a:b/c.c#free_pt:12"),
            "/k/a:b/c.c#free_pt");
  EXPECT_EQ(node::functionOf("ret:x86_64:/k/a:b/c.c#alloc_pt"),
            "/k/a:b/c.c#alloc_pt");
  EXPECT_EQ(node::functionOf("var:x86_64:/k/a.c:40"), "");
  EXPECT_EQ(node::functionOf("site:/k/a.c:40"), "");
  EXPECT_EQ(node::functionOf("param:x86_64:f"), "");
}

TEST(ProvenanceNode, ParameterIndex) {
  EXPECT_EQ(node::parameterIndexOf("param:x86_64:/k/a:1.c#f:12"), 12u);
  EXPECT_EQ(node::parameterIndexOf("param:x86_64:f:0"), 0u);
  EXPECT_EQ(node::parameterIndexOf("ret:x86_64:f"), std::nullopt);
  EXPECT_EQ(node::parameterIndexOf("param:x86_64:f:99999999999"), std::nullopt);
}

TEST(ProvenanceNode, ConfigIsTheFieldAfterThePrefix) {
  EXPECT_EQ(node::configOf("param:aarch64:/k/a:b.c#f:3"), "aarch64");
  EXPECT_EQ(node::configOf("ret:x86_64:f"), "x86_64");
  EXPECT_EQ(node::configOf("field:i386:/k/a.c:120.p"), "i386");
  EXPECT_EQ(node::configOf("global:riscv:init_pg_dir"), "riscv");
  EXPECT_EQ(node::configOf("site:/k/a.c:12"), "");
  EXPECT_EQ(node::configOf("bogus:x86_64:f"), "");
}

TEST(ProvenanceNode, RestFollowsTheConfig) {
  EXPECT_EQ(node::restOf("field:x86_64:mm_struct.pgd"), "mm_struct.pgd");
  EXPECT_EQ(node::restOf("global:x86_64:/k/a.c#cache"), "/k/a.c#cache");
  EXPECT_EQ(node::restOf("site:/k/a.c:12"), "/k/a.c:12");
  EXPECT_EQ(node::restOf("var:x86_64:/k/a.c"), "");
}

} // namespace
