//===- GfpExpression.cpp --------------------------------------------------===//

#include "support/GfpExpression.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/SmallVector.h"

namespace pgmigrate {

namespace {

struct Span {
  size_t Begin, End; // [Begin, End) of the operand, trimmed
};

size_t skipSpaceForward(llvm::StringRef S, size_t I, size_t End) {
  while (I < End && clang::isWhitespace(S[I]))
    ++I;
  return I;
}

size_t skipSpaceBackward(llvm::StringRef S, size_t Begin, size_t I) {
  while (I > Begin && clang::isWhitespace(S[I - 1]))
    --I;
  return I;
}

// The index of the parenthesis that closes the one at Open, or npos.
size_t matchingParen(llvm::StringRef S, size_t Open, size_t End) {
  int Depth = 0;
  for (size_t I = Open; I < End; ++I) {
    if (S[I] == '(' || S[I] == '[' || S[I] == '{')
      ++Depth;
    else if (S[I] == ')' || S[I] == ']' || S[I] == '}')
      if (--Depth == 0)
        return I;
  }
  return llvm::StringRef::npos;
}

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !clang::isAsciiIdentifierStart(S[0]))
    return false;
  for (char C : S)
    if (!clang::isAsciiIdentifierContinue(C))
      return false;
  return true;
}

// Splits [Begin, End) of S at its top-level '|'. False when the range is
// not a plain OR chain, has unbalanced brackets, or holds quotes or
// comments (left alone).
bool splitOr(llvm::StringRef S, size_t Begin, size_t End,
             llvm::SmallVectorImpl<Span> &Operands) {
  int Depth = 0;
  size_t Start = Begin;
  for (size_t I = Begin; I < End; ++I) {
    char C = S[I];
    char Next = I + 1 < End ? S[I + 1] : '\0';
    char Prev = I > Begin ? S[I - 1] : '\0';
    if (C == '"' || C == '\'' || (C == '/' && (Next == '/' || Next == '*')))
      return false;
    if (C == '(' || C == '[' || C == '{') {
      ++Depth;
      continue;
    }
    if (C == ')' || C == ']' || C == '}') {
      if (--Depth < 0)
        return false;
      continue;
    }
    if (Depth)
      continue;
    if (C == '|') {
      if (Next == '|' || Next == '=' || Prev == '|')
        return false; // || or |=
      Operands.push_back({Start, I});
      Start = I + 1;
      continue;
    }
    if (C == '?' || C == ':' || C == ',' || (C == '&' && Next == '&'))
      return false;
    if (C == '=' && Next != '=' && Prev != '=' && Prev != '!' && Prev != '<' &&
        Prev != '>')
      return false;
  }
  if (Depth)
    return false;
  Operands.push_back({Start, End});
  for (Span &Op : Operands) {
    Op.Begin = skipSpaceForward(S, Op.Begin, Op.End);
    Op.End = skipSpaceBackward(S, Op.Begin, Op.End);
    if (Op.Begin == Op.End)
      return false;
  }
  return true;
}

// Drops Flag from the OR chain in [Begin, End) of S. Returns the new text
// of that range, or nullopt when there is nothing (safe) to drop.
std::optional<std::string> dropIn(llvm::StringRef S, size_t Begin, size_t End,
                                  llvm::StringRef Flag) {
  Begin = skipSpaceForward(S, Begin, End);
  End = skipSpaceBackward(S, Begin, End);
  if (Begin == End)
    return std::nullopt;
  llvm::SmallVector<Span, 4> Operands;
  if (!splitOr(S, Begin, End, Operands))
    return std::nullopt;

  // One operand: look inside parentheses that wrap it all.
  if (Operands.size() == 1) {
    if (S[Begin] != '(' || matchingParen(S, Begin, End) != End - 1)
      return std::nullopt;
    std::optional<std::string> Inner = dropIn(S, Begin + 1, End - 1, Flag);
    if (!Inner)
      return std::nullopt;
    if (isIdentifier(llvm::StringRef(*Inner).trim()))
      return llvm::StringRef(*Inner).trim().str();
    return "(" + *Inner + ")";
  }

  // Several: drop the operands that are the flag (or the flag in parens),
  // and look into parenthesized operands.
  std::string Result;
  bool Dropped = false;
  size_t Kept = 0;
  size_t Copied = Begin; // S[Begin, Copied) is in Result already
  for (size_t K = 0; K < Operands.size(); ++K) {
    const Span &Op = Operands[K];
    llvm::StringRef Text = S.slice(Op.Begin, Op.End);
    llvm::StringRef Bare = Text;
    while (Bare.size() > 2 && Bare.front() == '(' &&
           matchingParen(Bare, 0, Bare.size()) == Bare.size() - 1)
      Bare = Bare.drop_front().drop_back().trim();
    if (Bare == Flag) {
      Dropped = true;
      // Remove the operand with the '|' before it (or, for the first, the
      // '|' after it), and the spaces between.
      size_t CutBegin, CutEnd;
      if (Kept > 0) {
        CutBegin = Operands[K - 1].End;
        CutEnd = Op.End;
      } else {
        CutBegin = Op.Begin;
        CutEnd = K + 1 < Operands.size() ? Operands[K + 1].Begin : Op.End;
      }
      if (CutBegin < Copied)
        CutBegin = Copied;
      Result += S.slice(Copied, CutBegin).str();
      Copied = CutEnd;
      continue;
    }
    ++Kept;
    if (Text.front() == '(' &&
        matchingParen(Text, 0, Text.size()) == Text.size() - 1) {
      if (std::optional<std::string> Inner =
              dropIn(S, Op.Begin, Op.End, Flag)) {
        Result += S.slice(Copied, Op.Begin).str() + *Inner;
        Copied = Op.End;
        Dropped = true;
      }
    }
  }
  if (!Dropped || Kept == 0)
    return std::nullopt;
  Result += S.slice(Copied, End).str();
  return Result;
}

} // namespace

std::optional<std::string> dropGfpFlag(llvm::StringRef Expr,
                                       llvm::StringRef Flag) {
  std::optional<std::string> Result = dropIn(Expr, 0, Expr.size(), Flag);
  if (!Result)
    return std::nullopt;
  return llvm::StringRef(*Result).trim().str();
}

} // namespace pgmigrate
