//===- CHighlighterTest.cpp -----------------------------------------------===//

#include "CHighlighter.h"
#include "gtest/gtest.h"

namespace pgmigrate {
namespace {

CHighlighter highlighter() {
  llvm::StringSet<> Api;
  Api.insert("get_zeroed_page");
  Api.insert("pgtable_alloc");
  return CHighlighter(std::move(Api));
}

TEST(CHighlighterTest, ClassifiesTokens) {
  CHighlighter H = highlighter();
  EXPECT_EQ(H.line("\treturn (pte_t *)get_zeroed_page(GFP_KERNEL);"),
            "\t<span class=\"kw\">return</span> (<span "
            "class=\"id\">pte_t</span> *)<span "
            "class=\"fn\">get_zeroed_page</span>(<span "
            "class=\"id\">GFP_KERNEL</span>);");
  EXPECT_EQ(H.line("x = 0x1f; // a <comment>"),
            "<span class=\"id\">x</span> = <span class=\"num\">0x1f</span>; "
            "<span class=\"com\">// a &lt;comment&gt;</span>");
  EXPECT_EQ(H.line("s = \"a\\\"b\" / 2;"),
            "<span class=\"id\">s</span> = <span "
            "class=\"str\">&quot;a\\&quot;b&quot;</span> / <span "
            "class=\"num\">2</span>;");
  EXPECT_EQ(H.line("  #include <linux/mm.h>"),
            "<span class=\"pp\">  #include &lt;linux/mm.h&gt;</span>");
}

TEST(CHighlighterTest, BlockCommentsSpanLinesUntilReset) {
  CHighlighter H = highlighter();
  EXPECT_EQ(H.line("a /* one"),
            "<span class=\"id\">a</span> <span class=\"com\">/* one</span>");
  EXPECT_EQ(H.line("# not a directive */ b"),
            "<span class=\"com\"># not a directive */</span> <span "
            "class=\"id\">b</span>");
  H.line("/* open");
  H.reset();
  EXPECT_EQ(H.line("c"), "<span class=\"id\">c</span>");
}

TEST(CHighlighterTest, UnterminatedLiteralStopsAtTheLineEnd) {
  CHighlighter H = highlighter();
  EXPECT_EQ(H.line("'\\"), "<span class=\"str\">&#39;\\</span>");
  EXPECT_EQ(htmlEscape("<&>\"'"), "&lt;&amp;&gt;&quot;&#39;");
}

} // namespace
} // namespace pgmigrate
