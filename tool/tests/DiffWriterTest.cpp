//===- DiffWriterTest.cpp -------------------------------------------------===//

#include "DiffWriter.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"
#include <random>

using namespace pgmigrate;

namespace {

// Applies a unified diff produced by unifiedDiff() to Old, checking every
// context and removed line and the hunk headers' counts, as patch(1) would.
std::string applyDiff(llvm::StringRef Old, llvm::StringRef Diff) {
  llvm::SmallVector<llvm::StringRef, 64> OldLines, DiffLines;
  llvm::StringRef Rest = Old;
  while (!Rest.empty()) {
    size_t End = Rest.find('\n');
    End = End == llvm::StringRef::npos ? Rest.size() : End + 1;
    OldLines.push_back(Rest.take_front(End));
    Rest = Rest.drop_front(End);
  }
  Diff.split(DiffLines, '\n');
  std::string New;
  size_t Next = 0; // next old line to copy
  size_t I = 3;    // after the three header lines
  while (I < DiffLines.size() && !DiffLines[I].empty()) {
    llvm::StringRef Header = DiffLines[I++];
    EXPECT_TRUE(Header.startswith("@@ -")) << Header.str();
    unsigned OldStart = 0, OldCount = 1, NewCount = 1, NewStart = 0;
    llvm::StringRef Ranges = Header.drop_front(4).split(" @@").first;
    auto [OldRange, NewRange] = Ranges.split(" +");
    auto [OS, OC] = OldRange.split(',');
    auto [NS, NC] = NewRange.split(',');
    OS.getAsInteger(10, OldStart);
    NS.getAsInteger(10, NewStart);
    if (!OC.empty())
      OC.getAsInteger(10, OldCount);
    if (!NC.empty())
      NC.getAsInteger(10, NewCount);
    size_t First = OldCount == 0 ? OldStart : OldStart - 1;
    EXPECT_GE(First, Next);
    for (; Next < First; ++Next)
      New += OldLines[Next].str();
    unsigned SeenOld = 0, SeenNew = 0;
    while (I < DiffLines.size() && !DiffLines[I].empty() &&
           !DiffLines[I].startswith("@@")) {
      llvm::StringRef Line = DiffLines[I++];
      bool NoNewline = I < DiffLines.size() &&
                       DiffLines[I] == "\\ No newline at end of file";
      if (NoNewline)
        ++I;
      std::string Text = Line.drop_front().str() + (NoNewline ? "" : "\n");
      if (Line[0] == ' ' || Line[0] == '-') {
        EXPECT_LT(Next, OldLines.size());
        if (Next < OldLines.size())
          EXPECT_EQ(OldLines[Next].str(), Text);
        ++Next;
        ++SeenOld;
      }
      if (Line[0] == ' ' || Line[0] == '+') {
        New += Text;
        ++SeenNew;
      }
    }
    EXPECT_EQ(SeenOld, OldCount) << Header.str();
    EXPECT_EQ(SeenNew, NewCount) << Header.str();
  }
  for (; Next < OldLines.size(); ++Next)
    New += OldLines[Next].str();
  return New;
}

std::string numberedLines(unsigned Count) {
  std::string Text;
  for (unsigned I = 1; I <= Count; ++I)
    Text += "line " + std::to_string(I) + "\n";
  return Text;
}

TEST(DiffWriter, EqualTextsGiveNoDiff) {
  EXPECT_EQ(unifiedDiff("a.c", "x\n", "x\n"), "");
  EXPECT_EQ(unifiedDiff("a.c", "", ""), "");
}

TEST(DiffWriter, OneChangedLineWithThreeLinesOfContext) {
  std::string Old = numberedLines(10);
  std::string New = Old;
  New.replace(New.find("line 5\n"), 7, "LINE 5\n");
  EXPECT_EQ(unifiedDiff("arch/x86/mm/a.c", Old, New),
            "diff --git a/arch/x86/mm/a.c b/arch/x86/mm/a.c\n"
            "--- a/arch/x86/mm/a.c\n"
            "+++ b/arch/x86/mm/a.c\n"
            "@@ -2,7 +2,7 @@\n"
            " line 2\n"
            " line 3\n"
            " line 4\n"
            "-line 5\n"
            "+LINE 5\n"
            " line 6\n"
            " line 7\n"
            " line 8\n");
}

TEST(DiffWriter, NearbyChangesShareAHunkDistantOnesDoNot) {
  std::string Old = numberedLines(30);
  std::string Near = Old, Far = Old;
  Near.replace(Near.find("line 5\n"), 7, "five\n");
  Near.replace(Near.find("line 11\n"), 8, "eleven\n"); // 5 lines apart
  Far.replace(Far.find("line 5\n"), 7, "five\n");
  Far.replace(Far.find("line 12\n"), 8, "twelve\n"); // 6 lines apart
  Far.replace(Far.find("line 20\n"), 8, "twenty\n"); // 7 lines apart
  std::string NearDiff = unifiedDiff("a.c", Old, Near);
  std::string FarDiff = unifiedDiff("a.c", Old, Far);
  EXPECT_EQ(llvm::StringRef(NearDiff).count("\n@@"), 1u);
  EXPECT_NE(NearDiff.find("@@ -2,13 +2,13 @@"), std::string::npos);
  EXPECT_EQ(llvm::StringRef(FarDiff).count("\n@@"), 2u);
  EXPECT_NE(FarDiff.find("@@ -2,14 +2,14 @@"), std::string::npos);
  EXPECT_NE(FarDiff.find("@@ -17,7 +17,7 @@"), std::string::npos);
  EXPECT_EQ(applyDiff(Old, NearDiff), Near);
  EXPECT_EQ(applyDiff(Old, FarDiff), Far);
}

TEST(DiffWriter, ChangesAtTheEdgesAndMissingFinalNewline) {
  std::string Old = "first\nmiddle\nlast";
  std::string New = "FIRST\nmiddle\nlast\n";
  std::string Diff = unifiedDiff("a.c", Old, New);
  EXPECT_EQ(Diff, "diff --git a/a.c b/a.c\n"
                  "--- a/a.c\n"
                  "+++ b/a.c\n"
                  "@@ -1,3 +1,3 @@\n"
                  "-first\n"
                  "+FIRST\n"
                  " middle\n"
                  "-last\n"
                  "\\ No newline at end of file\n"
                  "+last\n");
  EXPECT_EQ(applyDiff(Old, Diff), New);
}

TEST(DiffWriter, PureInsertionsAndDeletions) {
  std::string Old = numberedLines(8);
  std::string Inserted = Old;
  Inserted.insert(Inserted.find("line 4\n"), "new a\nnew b\n");
  std::string Deleted = Old;
  Deleted.erase(Deleted.find("line 1\n"), 7);
  EXPECT_NE(unifiedDiff("a.c", Old, Inserted).find("@@ -1,6 +1,8 @@"),
            std::string::npos);
  EXPECT_NE(unifiedDiff("a.c", Old, Deleted).find("@@ -1,4 +1,3 @@"),
            std::string::npos);
  EXPECT_EQ(applyDiff(Old, unifiedDiff("a.c", Old, Inserted)), Inserted);
  EXPECT_EQ(applyDiff(Old, unifiedDiff("a.c", Old, Deleted)), Deleted);
  EXPECT_EQ(
      unifiedDiff("a.c", "", "x\n"),
      "diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -0,0 +1 @@\n+x\n");
}

// Random edit scripts: applying the diff must give the new text back.
TEST(DiffWriter, RandomEditsRoundTrip) {
  std::mt19937 Random(12345);
  for (int Round = 0; Round < 300; ++Round) {
    std::vector<std::string> Lines;
    unsigned Count = Random() % 40;
    for (unsigned I = 0; I < Count; ++I)
      Lines.push_back("l" + std::to_string(Random() % 6) + "\n");
    std::string Old = llvm::join(Lines, "");
    for (unsigned Edits = Random() % 6; Edits; --Edits) {
      unsigned At = Lines.empty() ? 0 : Random() % (Lines.size() + 1);
      switch (Random() % 3) {
      case 0:
        Lines.insert(Lines.begin() + At, "new\n");
        break;
      case 1:
        if (At < Lines.size())
          Lines.erase(Lines.begin() + At);
        break;
      default:
        if (At < Lines.size())
          Lines[At] = "changed\n";
      }
    }
    std::string New = llvm::join(Lines, "");
    if (Random() % 4 == 0 && !New.empty())
      New.pop_back(); // no final newline
    std::string Diff = unifiedDiff("f.c", Old, New);
    EXPECT_EQ(Diff.empty(), Old == New);
    if (!Diff.empty())
      EXPECT_EQ(applyDiff(Old, Diff), New) << "Round " << Round << "\n" << Diff;
  }
}

// The edits as Replacements, asserting they do not conflict.
clang::tooling::Replacements edits(
    std::initializer_list<std::tuple<unsigned, unsigned, const char *>> List) {
  clang::tooling::Replacements Edits;
  for (const auto &[Offset, Length, Text] : List) {
    llvm::Error E =
        Edits.add(clang::tooling::Replacement("a.c", Offset, Length, Text));
    EXPECT_FALSE(bool(E)) << llvm::toString(std::move(E));
  }
  return Edits;
}

std::string applied(llvm::StringRef Old,
                    const clang::tooling::Replacements &Edits) {
  llvm::Expected<std::string> New =
      clang::tooling::applyAllReplacements(Old, Edits);
  EXPECT_TRUE(bool(New));
  return New ? *New : "";
}

TEST(DiffWriterFromEdits, OneEditGivesTheWholeFileHunk) {
  std::string Old = numberedLines(10);
  size_t At = Old.find("line 5\n");
  clang::tooling::Replacements Edits = edits({{At, 4, "LINE"}});
  EXPECT_EQ(unifiedDiff("arch/x86/mm/a.c", Old, Edits),
            "diff --git a/arch/x86/mm/a.c b/arch/x86/mm/a.c\n"
            "--- a/arch/x86/mm/a.c\n"
            "+++ b/arch/x86/mm/a.c\n"
            "@@ -2,7 +2,7 @@\n"
            " line 2\n"
            " line 3\n"
            " line 4\n"
            "-line 5\n"
            "+LINE 5\n"
            " line 6\n"
            " line 7\n"
            " line 8\n");
}

TEST(DiffWriterFromEdits, EditsThatChangeNothingGiveNoDiff) {
  std::string Old = numberedLines(4);
  EXPECT_EQ(unifiedDiff("a.c", Old, clang::tooling::Replacements()), "");
  EXPECT_EQ(unifiedDiff("a.c", Old, edits({{0, 4, "line"}})), "");
}

TEST(DiffWriterFromEdits, NearbyEditsShareAHunkDistantOnesDoNot) {
  std::string Old = numberedLines(30);
  auto At = [&](const char *Line) { return unsigned(Old.find(Line)); };
  clang::tooling::Replacements Far = edits({{At("line 5\n"), 6, "five"},
                                            {At("line 12\n"), 7, "twelve"},
                                            {At("line 20\n"), 7, "twenty"}});
  std::string Diff = unifiedDiff("a.c", Old, Far);
  EXPECT_EQ(llvm::StringRef(Diff).count("\n@@"), 2u);
  EXPECT_NE(Diff.find("@@ -2,14 +2,14 @@"), std::string::npos);
  EXPECT_NE(Diff.find("@@ -17,7 +17,7 @@"), std::string::npos);
  EXPECT_EQ(Diff, unifiedDiff("a.c", Old, applied(Old, Far)));
}

TEST(DiffWriterFromEdits, EditsJoiningSplittingAndEndingLines) {
  std::string Old = "first\nmiddle\nlast";
  // Joins the first two lines, splits the last and ends it with a newline.
  clang::tooling::Replacements Edits =
      edits({{5, 1, " "}, {15, 0, "\n"}, {17, 0, "\n"}});
  std::string New = applied(Old, Edits);
  EXPECT_EQ(New, "first middle\nla\nst\n");
  std::string Diff = unifiedDiff("a.c", Old, Edits);
  EXPECT_EQ(Diff, unifiedDiff("a.c", Old, New));
  EXPECT_EQ(applyDiff(Old, Diff), New);
  // Insertions into an empty file and at the end of a complete last line.
  EXPECT_EQ(unifiedDiff("a.c", "", edits({{0, 0, "x\n"}})),
            unifiedDiff("a.c", "", "x\n"));
  EXPECT_EQ(unifiedDiff("a.c", "a\n", edits({{2, 0, "b\n"}})),
            unifiedDiff("a.c", "a\n", "a\nb\n"));
}

// A change next to equal lines: the diff from edits places it where the
// whole-file diff does, whichever of the equal lines the edit touched.
TEST(DiffWriterFromEdits, ChangesNextToEqualLinesMatchTheWholeFileDiff) {
  std::string Old = "a\n\n\n\nb\nx\na\na\nc\n";
  for (auto Edits : {edits({{2, 1, ""}}), edits({{4, 1, ""}}),
                     edits({{9, 4, ""}}), edits({{3, 0, "\n"}})}) {
    std::string New = applied(Old, Edits);
    EXPECT_EQ(unifiedDiff("a.c", Old, Edits), unifiedDiff("a.c", Old, New));
  }
  // Far along a long run of equal lines: the whole-file diff moves the
  // change to the end of the run.
  std::string Run = "a\n" + std::string(40, '\n') + "b\n";
  for (auto Edits : {edits({{3, 1, ""}}), edits({{3, 0, "\n"}})}) {
    std::string Diff = unifiedDiff("a.c", Run, Edits);
    EXPECT_EQ(Diff, unifiedDiff("a.c", Run, applied(Run, Edits)));
    EXPECT_NE(Diff.find("\n b\n"), std::string::npos) << Diff;
  }
}

// Random edits over lines that often repeat: the diff from the edits is the
// whole-file diff, and applying it gives the edited text.
TEST(DiffWriterFromEdits, RandomEditsMatchTheWholeFileDiff) {
  std::mt19937 Random(4321);
  unsigned Differ = 0;
  for (int Round = 0; Round < 2000; ++Round) {
    std::string Old;
    for (unsigned I = 0, Count = Random() % 100; I < Count; ++I)
      Old += "l" + std::to_string(Random() % (1 + Round % 4)) + "\n";
    if (Random() % 4 == 0 && !Old.empty())
      Old.pop_back();
    clang::tooling::Replacements Edits;
    for (unsigned N = Random() % 5; N; --N) {
      unsigned Offset = Old.empty() ? 0 : Random() % (Old.size() + 1);
      unsigned Length = std::min<unsigned>(Random() % 8, Old.size() - Offset);
      static const char *Texts[] = {"", "\n", "l1\n", "new", "l0\nl2\n"};
      llvm::consumeError(Edits.add(clang::tooling::Replacement(
          "f.c", Offset, Length, Texts[Random() % 5])));
    }
    std::string New = applied(Old, Edits);
    std::string Diff = unifiedDiff("f.c", Old, Edits);
    if (Diff != unifiedDiff("f.c", Old, New))
      ++Differ;
    EXPECT_EQ(Diff.empty(), Old == New);
    if (!Diff.empty())
      EXPECT_EQ(applyDiff(Old, Diff), New) << "Round " << Round << "\n" << Diff;
  }
  EXPECT_EQ(Differ, 0u);
}

} // namespace
