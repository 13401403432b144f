//===- FindingBuilderTest.cpp ---------------------------------------------===//

#include "support/FindingBuilder.h"
#include "ParsedCode.h"

using namespace pgmigrate;
using pgmigrate::testing::ParsedCode;

namespace {

const char *Source = "#define TWICE(x) ((x) + (x))\n"
                     "int f(int value)\n"
                     "{\n"
                     "\treturn TWICE(value) + value;\n"
                     "}\n";

TEST(FindingBuilder, AFindingAtAFileLocation) {
  ParsedCode Code(Source, "/src/arch/x86/../x86/mm/t.c");
  const clang::DeclRefExpr *Plain = Code.reference("value", 2);
  ASSERT_TRUE(Plain);
  Finding F = makeFinding("zeroed-page", FindingKind::Refused,
                          Plain->getLocation(), Code.sourceManager(), "why");
  EXPECT_EQ(F.Rule, "zeroed-page");
  EXPECT_EQ(F.Kind, FindingKind::Refused);
  EXPECT_EQ(F.FilePath, "/src/arch/x86/mm/t.c");
  EXPECT_EQ(F.Line, 4u);
  EXPECT_EQ(F.Column, 24u);
  EXPECT_EQ(F.Offset, llvm::StringRef(Source).rfind("value"));
  EXPECT_EQ(F.Message, "why");
  EXPECT_EQ(F.SiteFile, F.FilePath);
  EXPECT_EQ(F.SiteOffset, F.Offset);
  EXPECT_EQ(F.SiteLength, 0u);
}

TEST(FindingBuilder, TheSiteOfCodeFromAMacroIsTheInvocation) {
  ParsedCode Code(Source);
  const clang::DeclRefExpr *InMacro = Code.reference("value", 0);
  ASSERT_TRUE(InMacro);
  const clang::SourceManager &SM = Code.sourceManager();
  Finding F = makeFinding("zeroed-page", FindingKind::Refused,
                          SM.getExpansionLoc(InMacro->getLocation()), SM, "");
  setSiteToExpansion(F, InMacro->getSourceRange(), SM, Code.langOpts());
  EXPECT_EQ(F.SiteOffset, llvm::StringRef(Source).find("TWICE(value)"));
  EXPECT_EQ(F.SiteLength, llvm::StringRef("TWICE(value)").size());
}

TEST(FindingBuilder, AReplacementOfFileCharacters) {
  ParsedCode Code(Source, "/src/mm/./t.c");
  const clang::DeclRefExpr *Plain = Code.reference("value", 2);
  ASSERT_TRUE(Plain);
  clang::SourceLocation Begin = Plain->getLocation();
  clang::tooling::Replacement R = makeReplacement(
      Begin, Begin.getLocWithOffset(5), "1", Code.sourceManager());
  EXPECT_EQ(R.getFilePath(), "/src/mm/t.c");
  EXPECT_EQ(R.getOffset(), llvm::StringRef(Source).rfind("value"));
  EXPECT_EQ(R.getLength(), 5u);
  EXPECT_EQ(R.getReplacementText(), "1");
}

} // namespace
