//===- DiffWriter.cpp - Line diff (Myers) and unified hunks ---------------===//

#include "DiffWriter.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
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

} // namespace

std::string unifiedDiff(llvm::StringRef RelativePath, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context) {
  if (Old == New)
    return "";
  std::vector<llvm::StringRef> A = splitLines(Old), B = splitLines(New);
  std::vector<Edit> Script = diffLines(A, B);

  std::string Result;
  llvm::raw_string_ostream OS(Result);
  OS << "diff --git a/" << RelativePath << " b/" << RelativePath << "\n";
  OS << "--- a/" << RelativePath << "\n";
  OS << "+++ b/" << RelativePath << "\n";

  size_t I = 0;
  while (I < Script.size()) {
    // Find the next change, then extend the hunk while the gap of kept
    // lines to the following change is at most 2 * Context.
    while (I < Script.size() && Script[I].Kind == Op::Keep)
      ++I;
    if (I == Script.size())
      break;
    size_t Begin = I >= Context ? I - Context : 0;
    size_t End = I;
    while (End < Script.size()) {
      while (End < Script.size() && Script[End].Kind != Op::Keep)
        ++End;
      size_t Gap = End;
      while (Gap < Script.size() && Script[Gap].Kind == Op::Keep)
        ++Gap;
      if (Gap == Script.size() || Gap - End > 2 * Context) {
        End = std::min(Script.size(), End + Context);
        break;
      }
      End = Gap;
    }
    // Hunk header: the old and new line ranges the hunk covers.
    size_t OldStart = 0, NewStart = 0, OldCount = 0, NewCount = 0;
    bool HaveOld = false, HaveNew = false;
    for (size_t J = Begin; J < End; ++J) {
      const Edit &E = Script[J];
      if (E.Kind != Op::Insert) {
        if (!HaveOld)
          OldStart = E.OldLine;
        HaveOld = true;
        ++OldCount;
      }
      if (E.Kind != Op::Delete) {
        if (!HaveNew)
          NewStart = E.NewLine;
        HaveNew = true;
        ++NewCount;
      }
    }
    if (!HaveOld) // pure insertion: positioned after the previous old line
      OldStart = Script[Begin].OldLine;
    if (!HaveNew)
      NewStart = Script[Begin].NewLine;
    OS << "@@ -";
    writeRange(OS, OldStart, OldCount);
    OS << " +";
    writeRange(OS, NewStart, NewCount);
    OS << " @@\n";
    for (size_t J = Begin; J < End; ++J) {
      const Edit &E = Script[J];
      switch (E.Kind) {
      case Op::Keep:
        writeLine(OS, ' ', A[E.OldLine]);
        break;
      case Op::Delete:
        writeLine(OS, '-', A[E.OldLine]);
        break;
      case Op::Insert:
        writeLine(OS, '+', B[E.NewLine]);
        break;
      }
    }
    I = End;
  }
  return Result;
}

} // namespace pgmigrate
