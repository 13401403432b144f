//===- MinimalEdits.cpp ---------------------------------------------------===//

#include "pgmigrate/MinimalEdits.h"
#include "llvm/ADT/StringExtras.h"
#include <vector>

namespace pgmigrate {

namespace {

bool isWordByte(char C) { return llvm::isAlnum(C) || C == '_'; }
bool isSpaceByte(char C) { return C == ' ' || C == '\t' || C == '\n'; }

// Text cut into runs of word bytes, runs of blanks, and single other bytes.
std::vector<llvm::StringRef> tokens(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Tokens;
  size_t I = 0;
  while (I < Text.size()) {
    size_t J = I + 1;
    if (isWordByte(Text[I]))
      while (J < Text.size() && isWordByte(Text[J]))
        ++J;
    else if (isSpaceByte(Text[I]))
      while (J < Text.size() && isSpaceByte(Text[J]))
        ++J;
    Tokens.push_back(Text.slice(I, J));
    I = J;
  }
  return Tokens;
}

// For each token of A, whether it is kept (matched in B), and the same for
// B: a longest common subsequence, and among those the one that leaves the
// fewest separate edits ("pagetable_free(virt_to_ptdesc(p))" becomes two,
// not three), and among those the one that keeps tokens earliest in A (so
// "free_page((unsigned long)p)" keeps the call's '(' and loses the cast). The
// texts are one call or one statement: tables of |A| x |B| are small.
void commonTokens(const std::vector<llvm::StringRef> &A,
                  const std::vector<llvm::StringRef> &B,
                  std::vector<bool> &KeptA, std::vector<bool> &KeptB) {
  size_t N = A.size(), M = B.size();
  struct Score {
    unsigned Kept = 0, Edits = 0;
    size_t KeptAt = 0; // The sum of the kept tokens' indices in A.
    bool operator>(const Score &O) const {
      if (Kept != O.Kept)
        return Kept > O.Kept;
      if (Edits != O.Edits)
        return Edits < O.Edits;
      return KeptAt < O.KeptAt;
    }
  };
  // Best[InEdit][I][J]: the best alignment of A[I..] with B[J..], given
  // whether the token before was changed (so a change here opens no edit).
  std::vector<Score> Best[2] = {std::vector<Score>((N + 1) * (M + 1)),
                                std::vector<Score>((N + 1) * (M + 1))};
  auto At = [&](bool InEdit, size_t I, size_t J) -> Score & {
    return Best[InEdit][I * (M + 1) + J];
  };
  enum Step { Keep, Drop, Insert };
  auto Options = [&](bool InEdit, size_t I, size_t J, Step &Chosen) {
    Score Result;
    bool Have = false;
    auto Consider = [&](Step S, Score Candidate) {
      if (!Have || Candidate > Result) {
        Result = Candidate;
        Chosen = S;
        Have = true;
      }
    };
    if (I < N && J < M && A[I] == B[J]) {
      Score S = At(false, I + 1, J + 1);
      ++S.Kept;
      S.KeptAt += I;
      Consider(Keep, S);
    }
    if (I < N) {
      Score S = At(true, I + 1, J);
      S.Edits += !InEdit;
      Consider(Drop, S);
    }
    if (J < M) {
      Score S = At(true, I, J + 1);
      S.Edits += !InEdit;
      Consider(Insert, S);
    }
    return Result;
  };
  Step Ignored;
  for (size_t I = N + 1; I-- > 0;)
    for (size_t J = M + 1; J-- > 0;)
      for (bool InEdit : {false, true})
        At(InEdit, I, J) = Options(InEdit, I, J, Ignored);
  KeptA.assign(N, false);
  KeptB.assign(M, false);
  size_t I = 0, J = 0;
  bool InEdit = false;
  while (I < N || J < M) {
    Step S;
    Options(InEdit, I, J, S);
    InEdit = S != Keep;
    if (S == Keep)
      KeptA[I++] = KeptB[J++] = true;
    else if (S == Drop)
      ++I;
    else
      ++J;
  }
}

// The edits that turn Old (at file offset Base) into New.
void splitEdit(llvm::StringRef File, unsigned Base, llvm::StringRef Old,
               llvm::StringRef New,
               std::vector<clang::tooling::Replacement> &Out) {
  std::vector<llvm::StringRef> A = tokens(Old), B = tokens(New);
  // A long text is left whole: the table is quadratic.
  if (A.size() * B.size() > 1u << 20) {
    Out.emplace_back(File, Base, Old.size(), New);
    return;
  }
  std::vector<bool> KeptA, KeptB;
  commonTokens(A, B, KeptA, KeptB);
  size_t I = 0, J = 0, OldOffset = 0;
  while (I < A.size() || J < B.size()) {
    if (I < A.size() && J < B.size() && KeptA[I] && KeptB[J]) {
      OldOffset += A[I].size();
      ++I, ++J;
      continue;
    }
    size_t Start = OldOffset;
    std::string Inserted;
    while (I < A.size() && !KeptA[I])
      OldOffset += A[I++].size();
    while (J < B.size() && !KeptB[J])
      Inserted += B[J++].str();
    Out.emplace_back(File, Base + Start, OldOffset - Start, Inserted);
  }
}

} // namespace

clang::tooling::Replacements
minimalEdits(llvm::StringRef Old, const clang::tooling::Replacements &Edits) {
  std::vector<clang::tooling::Replacement> Pieces;
  for (const clang::tooling::Replacement &R : Edits) {
    if (R.getOffset() + R.getLength() > Old.size())
      return Edits;
    splitEdit(R.getFilePath(), R.getOffset(),
              Old.substr(R.getOffset(), R.getLength()), R.getReplacementText(),
              Pieces);
  }
  clang::tooling::Replacements Minimal;
  for (const clang::tooling::Replacement &R : Pieces)
    if (llvm::Error E = Minimal.add(R)) {
      llvm::consumeError(std::move(E));
      return Edits;
    }
  // Whatever happened above, the text must come out the same.
  llvm::Expected<std::string> Before =
      clang::tooling::applyAllReplacements(Old, Edits);
  llvm::Expected<std::string> After =
      clang::tooling::applyAllReplacements(Old, Minimal);
  bool Same = Before && After && *Before == *After;
  if (!Before)
    llvm::consumeError(Before.takeError());
  if (!After)
    llvm::consumeError(After.takeError());
  return Same ? Minimal : Edits;
}

} // namespace pgmigrate
