//===- DiffWriter.cpp - Unified hunks around known edits ------------------===//

#include "DiffWriter.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

namespace pgmigrate {

namespace {

// Lines keep their terminating '\n'; only the last may lack it.
std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    End = End == llvm::StringRef::npos ? Text.size() : End + 1;
    Lines.push_back(Text.take_front(End));
    Text = Text.drop_front(End);
  }
  return Lines;
}

enum class Op { Keep, Delete, Insert };

struct Edit {
  Op Kind;
  size_t OldLine; // index into the old lines (Keep, Delete)
  size_t NewLine; // index into the new lines (Keep, Insert)
};

// Myers' O((N+M)D) shortest edit script between A and B.
std::vector<Edit> diffLines(const std::vector<llvm::StringRef> &A,
                            const std::vector<llvm::StringRef> &B) {
  const long N = A.size(), M = B.size(), Max = N + M;
  // Trace[D] holds V (furthest x on each diagonal k) after step D, for
  // k in [-D, D], stored at index k + D.
  std::vector<std::vector<long>> Trace;
  std::vector<long> V(2 * Max + 3, 0);
  const long Offset = Max + 1;
  long FinalD = 0;
  for (long D = 0; D <= Max; ++D) {
    bool Done = false;
    for (long K = -D; K <= D; K += 2) {
      long X;
      if (K == -D || (K != D && V[Offset + K - 1] < V[Offset + K + 1]))
        X = V[Offset + K + 1];
      else
        X = V[Offset + K - 1] + 1;
      long Y = X - K;
      while (X < N && Y < M && A[X] == B[Y]) {
        ++X;
        ++Y;
      }
      V[Offset + K] = X;
      if (X >= N && Y >= M) {
        Done = true;
        break;
      }
    }
    Trace.emplace_back(V.begin() + Offset - D, V.begin() + Offset + D + 1);
    if (Done) {
      FinalD = D;
      break;
    }
  }

  // Walk back from (N, M) through the trace.
  std::vector<Edit> Script;
  long X = N, Y = M;
  for (long D = FinalD; D > 0; --D) {
    const std::vector<long> &Prev = Trace[D - 1]; // k in [-(D-1), D-1]
    auto PrevX = [&](long K) { return Prev[K + (D - 1)]; };
    long K = X - Y;
    long PrevK;
    if (K == -D || (K != D && PrevX(K - 1) < PrevX(K + 1)))
      PrevK = K + 1; // came down: insertion
    else
      PrevK = K - 1; // came right: deletion
    long StartX = PrevX(PrevK), StartY = StartX - PrevK;
    while (X > StartX && Y > StartY) {
      --X;
      --Y;
      Script.push_back({Op::Keep, size_t(X), size_t(Y)});
    }
    if (PrevK == K + 1) {
      --Y;
      Script.push_back({Op::Insert, size_t(X), size_t(Y)});
    } else {
      --X;
      Script.push_back({Op::Delete, size_t(X), size_t(Y)});
    }
  }
  while (X > 0 && Y > 0) {
    --X;
    --Y;
    Script.push_back({Op::Keep, size_t(X), size_t(Y)});
  }
  std::reverse(Script.begin(), Script.end());
  return Script;
}

void writeLine(llvm::raw_ostream &OS, char Prefix, llvm::StringRef Line) {
  OS << Prefix << Line;
  if (!Line.endswith("\n"))
    OS << "\n\\ No newline at end of file\n";
}

// "start,count" of a hunk side; an empty side names the line before it.
void writeRange(llvm::raw_ostream &OS, size_t Start, size_t Count) {
  OS << (Count == 0 ? Start : Start + 1);
  if (Count != 1)
    OS << ',' << Count;
}

// One removed or added line at its place in the whole file: OldLine and
// NewLine are the positions in the old and new lines before the change
// (a Delete removes old line OldLine, an Insert adds new line NewLine).
struct Change {
  Op Kind;
  size_t OldLine;
  size_t NewLine;
  llvm::StringRef Text;

  size_t oldEnd() const { return Kind == Op::Delete ? OldLine + 1 : OldLine; }
  size_t newEnd() const { return Kind == Op::Insert ? NewLine + 1 : NewLine; }
};

// The changes of an edit script between lines A and B, which start at old
// line OldBase and new line NewBase of the whole files.
void appendChanges(const std::vector<Edit> &Script,
                   const std::vector<llvm::StringRef> &A,
                   const std::vector<llvm::StringRef> &B, size_t OldBase,
                   size_t NewBase, std::vector<Change> &Changes) {
  for (const Edit &E : Script) {
    if (E.Kind == Op::Keep)
      continue;
    llvm::StringRef Text = E.Kind == Op::Delete ? A[E.OldLine] : B[E.NewLine];
    Changes.push_back({E.Kind, OldBase + E.OldLine, NewBase + E.NewLine, Text});
  }
}

void writeFileHeader(llvm::raw_ostream &OS, llvm::StringRef RelativePath) {
  OS << "diff --git a/" << RelativePath << " b/" << RelativePath << "\n";
  OS << "--- a/" << RelativePath << "\n";
  OS << "+++ b/" << RelativePath << "\n";
}

// The hunks of Changes, in file order: Context lines of context around each
// run of changes, runs at most 2 * Context unchanged lines apart sharing a
// hunk. OldLine(I) is the text of old line I; the old file has OldLines.
void writeHunks(llvm::raw_ostream &OS, llvm::ArrayRef<Change> Changes,
                llvm::function_ref<llvm::StringRef(size_t)> OldLine,
                size_t OldLines, unsigned Context) {
  auto WriteKept = [&](size_t Begin, size_t End) {
    for (size_t Line = Begin; Line < End; ++Line)
      writeLine(OS, ' ', OldLine(Line));
  };
  size_t First = 0;
  while (First < Changes.size()) {
    size_t Last = First;
    while (Last + 1 < Changes.size() &&
           Changes[Last + 1].OldLine - Changes[Last].oldEnd() <= 2 * Context)
      ++Last;
    size_t Before = First == 0
                        ? Changes[First].OldLine
                        : Changes[First].OldLine - Changes[First - 1].oldEnd();
    size_t After = Last + 1 == Changes.size()
                       ? OldLines - Changes[Last].oldEnd()
                       : Changes[Last + 1].OldLine - Changes[Last].oldEnd();
    size_t Lead = std::min<size_t>(Context, Before);
    size_t Tail = std::min<size_t>(Context, After);

    size_t OldStart = Changes[First].OldLine - Lead;
    size_t NewStart = Changes[First].NewLine - Lead;
    OS << "@@ -";
    writeRange(OS, OldStart, Changes[Last].oldEnd() + Tail - OldStart);
    OS << " +";
    writeRange(OS, NewStart, Changes[Last].newEnd() + Tail - NewStart);
    OS << " @@\n";

    WriteKept(OldStart, Changes[First].OldLine);
    for (size_t I = First; I <= Last; ++I) {
      if (I > First)
        WriteKept(Changes[I - 1].oldEnd(), Changes[I].OldLine);
      writeLine(OS, Changes[I].Kind == Op::Delete ? '-' : '+', Changes[I].Text);
    }
    WriteKept(Changes[Last].oldEnd(), Changes[Last].oldEnd() + Tail);
    First = Last + 1;
  }
}

// Where each line of a text starts; line I is [start(I), start(I + 1)).
class LineTable {
public:
  explicit LineTable(llvm::StringRef Text) : Text(Text) {
    for (size_t Begin = 0; Begin < Text.size();) {
      Starts.push_back(Begin);
      size_t NewLine = Text.find('\n', Begin);
      Begin = NewLine == llvm::StringRef::npos ? Text.size() : NewLine + 1;
    }
  }
  size_t lines() const { return Starts.size(); }
  size_t start(size_t Line) const {
    return Line < Starts.size() ? Starts[Line] : Text.size();
  }
  llvm::StringRef line(size_t Line) const {
    return Text.slice(start(Line), start(Line + 1));
  }
  /// The line Offset is on; lines() for the end of a text whose last line
  /// is complete (an insertion there starts a new line).
  size_t lineOf(size_t Offset) const {
    if (Offset >= Text.size() && (Text.empty() || Text.back() == '\n'))
      return Starts.size();
    return llvm::upper_bound(Starts, Offset) - Starts.begin() - 1;
  }

private:
  llvm::StringRef Text;
  std::vector<size_t> Starts;
};

// A run of whole old lines [Begin, End) holding edits, with some unchanged
// lines around them.
struct Window {
  size_t Begin;
  size_t End;
};

// Windows merge while they stay at most this many lines long, unless their
// edits' own lines meet: Myers' trace takes memory quadratic in the changes
// of a window, and a generated file with thousands of edits a few lines
// apart would otherwise be one window. Past it, a change may settle in a
// different place than the whole-file diff would put it (the diff is still
// exact).
constexpr size_t MaxWindowLines = 512;

// The windows of Edits: the lines each edit touches (including the line
// where it ends, in case it removes a line break), widened by Slack lines
// and merged where they touch (see MaxWindowLines). Windows that touch but
// may not merge are cut apart between their edits: they never overlap.
std::vector<Window> editWindows(const LineTable &Lines,
                                const clang::tooling::Replacements &Edits,
                                size_t Slack) {
  std::vector<Window> Windows;
  size_t LastEditEnd = 0; // one past the last line of the previous edits
  for (const clang::tooling::Replacement &R : Edits) {
    size_t First = Lines.lineOf(R.getOffset());
    size_t Last = Lines.lineOf(R.getOffset() + R.getLength());
    Window W{First > Slack ? First - Slack : 0,
             std::min(Lines.lines(), Last + 1 + Slack)};
    bool Meets = !Windows.empty() && First < LastEditEnd;
    if (!Windows.empty() &&
        (Meets || (W.Begin <= Windows.back().End &&
                   std::max(Windows.back().End, W.End) - Windows.back().Begin <=
                       MaxWindowLines))) {
      Windows.back().End = std::max(Windows.back().End, W.End);
    } else {
      if (!Windows.empty() && W.Begin < Windows.back().End) {
        size_t Cut = std::max(LastEditEnd, W.Begin); // <= First
        Windows.back().End = Cut;
        W.Begin = Cut;
      }
      Windows.push_back(W);
    }
    LastEditEnd = std::max(LastEditEnd, Last + 1);
  }
  return Windows;
}

// Old's text [Begin, End) with the edits [First, Last) applied; their
// offsets are Old's. None if they do not apply.
std::optional<std::string>
applyInWindow(llvm::StringRef Old, size_t Begin, size_t End,
              clang::tooling::Replacements::const_iterator First,
              clang::tooling::Replacements::const_iterator Last) {
  clang::tooling::Replacements Local;
  for (auto R = First; R != Last; ++R) {
    llvm::Error Added = Local.add(
        clang::tooling::Replacement(R->getFilePath(), R->getOffset() - Begin,
                                    R->getLength(), R->getReplacementText()));
    if (Added) {
      llvm::consumeError(std::move(Added));
      return std::nullopt;
    }
  }
  llvm::Expected<std::string> NewText =
      clang::tooling::applyAllReplacements(Old.slice(Begin, End), Local);
  if (!NewText) {
    llvm::consumeError(NewText.takeError());
    return std::nullopt;
  }
  return std::move(*NewText);
}

// How many lines an edit script keeps after its last change.
size_t unchangedAtEnd(const std::vector<Edit> &Script) {
  size_t Kept = 0;
  for (auto It = Script.rbegin(); It != Script.rend() && It->Kind == Op::Keep;
       ++It)
    ++Kept;
  return Kept;
}

} // namespace

std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context) {
  if (Old == New)
    return "";
  std::vector<llvm::StringRef> A = splitLines(Old), B = splitLines(New);
  std::vector<Change> Changes;
  appendChanges(diffLines(A, B), A, B, 0, 0, Changes);

  std::string Result;
  llvm::raw_string_ostream OS(Result);
  writeFileHeader(OS, RelativePath);
  writeHunks(
      OS, Changes, [&](size_t Line) { return A[Line]; }, A.size(), Context);
  return Result;
}

std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        const clang::tooling::Replacements &Edits,
                        unsigned Context) {
  // Myers' diff may move a change along a run of equal lines next to it
  // (the whole-file diff moves it as far down as it goes). A window grows
  // until its diff ends in Slack unchanged lines, so that the change has
  // settled where the whole-file diff puts it.
  const size_t Slack = Context + 8;
  LineTable Lines(Old);
  std::vector<Window> Windows = editWindows(Lines, Edits, Slack);
  std::vector<Change> Changes;
  std::deque<std::string> NewTexts; // the changes' text points into them
  std::ptrdiff_t LineDelta = 0;     // new line minus old line after a window
  auto Unused = Edits.begin();      // the first edit no window has taken yet
  for (size_t Next = 0; Next < Windows.size();) {
    Window W = Windows[Next++];
    auto First = Unused;
    for (size_t Growth = Slack;; Growth *= 2) {
      while (Next < Windows.size() && Windows[Next].Begin <= W.End &&
             std::max(W.End, Windows[Next].End) - W.Begin <= MaxWindowLines)
        W.End = std::max(W.End, Windows[Next++].End);
      // A window that meets the next one it may not merge with stops
      // there, settled or not.
      if (Next < Windows.size() && W.End > Windows[Next].Begin)
        W.End = Windows[Next].Begin;
      size_t Begin = Lines.start(W.Begin), End = Lines.start(W.End);
      for (Unused = First; Unused != Edits.end() && Unused->getOffset() <= End;)
        ++Unused;
      std::optional<std::string> NewText =
          applyInWindow(Old, Begin, End, First, Unused);
      if (!NewText)
        return ""; // the edits do not apply to Old
      std::vector<llvm::StringRef> A = splitLines(Old.slice(Begin, End));
      std::vector<llvm::StringRef> B = splitLines(*NewText);
      std::vector<Edit> Script = diffLines(A, B);
      bool CanGrow = W.End < Lines.lines() &&
                     (Next == Windows.size() || W.End < Windows[Next].Begin) &&
                     W.End - W.Begin < MaxWindowLines;
      if (CanGrow && unchangedAtEnd(Script) < Slack) {
        W.End = std::min(Lines.lines(), W.End + Growth);
        continue;
      }
      NewTexts.push_back(std::move(*NewText));
      B = splitLines(NewTexts.back());
      appendChanges(Script, A, B, W.Begin, W.Begin + LineDelta, Changes);
      LineDelta += std::ptrdiff_t(B.size()) - std::ptrdiff_t(A.size());
      break;
    }
  }
  if (Changes.empty())
    return "";

  std::string Result;
  llvm::raw_string_ostream OS(Result);
  writeFileHeader(OS, RelativePath);
  writeHunks(
      OS, Changes, [&](size_t Line) { return Lines.line(Line); }, Lines.lines(),
      Context);
  return Result;
}

} // namespace pgmigrate
