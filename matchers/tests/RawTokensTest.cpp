//===- RawTokensTest.cpp --------------------------------------------------===//

#include "support/RawTokens.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
using namespace clang;

namespace {

LangOptions gnuC() {
  LangOptions LO;
  LO.C99 = LO.C11 = LO.GNUMode = LO.LineComment = true;
  return LO;
}

std::vector<std::string> spellings(llvm::StringRef Text,
                                   bool KeepComments = false) {
  std::vector<std::string> Result;
  for (const RawToken &T : lexRawTokens(Text, gnuC(), KeepComments))
    Result.push_back(Text.slice(T.Begin, T.End).str());
  return Result;
}

TEST(RawTokens, TokensAndTheirCharacters) {
  EXPECT_EQ(spellings("GFP_KERNEL |\n\t__GFP_ZERO"),
            (std::vector<std::string>{"GFP_KERNEL", "|", "__GFP_ZERO"}));
  EXPECT_EQ(spellings(" f(a, \"x,)\")"),
            (std::vector<std::string>{"f", "(", "a", ",", "\"x,)\"", ")"}));
  EXPECT_EQ(spellings("a |= b || c"),
            (std::vector<std::string>{"a", "|=", "b", "||", "c"}));
  EXPECT_TRUE(spellings("  \n").empty());
}

TEST(RawTokens, CommentsAreSkippedOrKept) {
  EXPECT_EQ(spellings("a /* (, */ b // c"),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(spellings("a /* (, */ b", /*KeepComments=*/true),
            (std::vector<std::string>{"a", "/* (, */", "b"}));
}

TEST(RawTokens, MatchBrackets) {
  llvm::SmallVector<RawToken, 16> Tokens = lexRawTokens("(a[1]) {}", gnuC());
  std::optional<llvm::SmallVector<size_t, 16>> Match = matchBrackets(Tokens);
  ASSERT_TRUE(Match);
  EXPECT_EQ(*Match, (llvm::SmallVector<size_t, 16>{5, 1, 4, 3, 2, 0, 7, 6}));
  EXPECT_FALSE(matchBrackets(lexRawTokens("(a]", gnuC())));
  EXPECT_FALSE(matchBrackets(lexRawTokens("(a", gnuC())));
  EXPECT_FALSE(matchBrackets(lexRawTokens("a)", gnuC())));
}

} // namespace
