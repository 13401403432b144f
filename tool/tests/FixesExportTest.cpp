//===- FixesExportTest.cpp ------------------------------------------------===//

#include "FixesExport.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

Finding converted(Replacement R, unsigned Group) {
  Finding F;
  F.Kind = FindingKind::Converted;
  F.Replacements.push_back(R);
  F.PairingKeys.push_back(PairingKey::object(Group, "group", false));
  return F;
}

TEST(FixesExport, AnEditThatIsNotUtf8LeavesWithItsObjectGroup) {
  Replacement Bad("/k/a.c", 10, 3, "caf\xe9");
  Replacement Partner("/k/b.c", 20, 3, "pgtable_free");
  Replacement Other("/k/b.c", 40, 3, "pgtable_alloc");
  std::map<std::string, Replacements> Edits;
  llvm::cantFail(Edits["/k/a.c"].add(Bad));
  llvm::cantFail(Edits["/k/b.c"].add(Partner));
  llvm::cantFail(Edits["/k/b.c"].add(Other));
  std::vector<Finding> Findings = {converted(Bad, 1), converted(Partner, 1),
                                   converted(Other, 2)};
  std::string YAML;
  llvm::raw_string_ostream OS(YAML);
  std::map<std::string, unsigned> LeftOut = writeFixesYaml(OS, Edits, Findings);
  EXPECT_EQ(LeftOut,
            (std::map<std::string, unsigned>{{"/k/a.c", 1}, {"/k/b.c", 1}}));
  EXPECT_EQ(OS.str().find("caf"), std::string::npos);
  EXPECT_EQ(OS.str().find("pgtable_free"), std::string::npos);
  EXPECT_NE(OS.str().find("pgtable_alloc"), std::string::npos);
}

TEST(FixesExport, Utf8TextIsRepresentable) {
  EXPECT_TRUE(isRepresentableText("caf\xc3\xa9"));
  EXPECT_FALSE(isRepresentableText("caf\xe9"));
}

} // namespace
