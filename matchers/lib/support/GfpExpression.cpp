//===- GfpExpression.cpp --------------------------------------------------===//

#include "support/GfpExpression.h"
#include "support/RawTokens.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace pgmigrate {

bool breaksOrChain(tok::TokenKind Kind) {
  switch (Kind) {
  case tok::equal:
  case tok::plusequal:
  case tok::minusequal:
  case tok::starequal:
  case tok::slashequal:
  case tok::percentequal:
  case tok::ampequal:
  case tok::caretequal:
  case tok::pipeequal:
  case tok::lesslessequal:
  case tok::greatergreaterequal:
  case tok::pipepipe:
  case tok::ampamp:
  case tok::question:
  case tok::colon:
  case tok::comma:
    return true;
  default:
    return false;
  }
}

namespace {

// The kernel's C: // comments are comments.
LangOptions gnuC() {
  LangOptions LO;
  LO.C99 = LO.C11 = LO.GNUMode = LO.LineComment = true;
  return LO;
}

// Removes a flag from the OR chains of one gfp expression. Ranges are
// token indices [First, Last); the text kept is cut from the expression
// at token boundaries, so what stays keeps its layout.
class FlagRemover {
public:
  FlagRemover(llvm::StringRef Text, llvm::ArrayRef<RawToken> Tokens,
              llvm::ArrayRef<size_t> Match, llvm::StringRef Flag)
      : Text(Text), Tokens(Tokens), Match(Match), Flag(Flag) {}

  // The new text of [First, Last), or nullopt when there is nothing (safe)
  // to drop there.
  std::optional<std::string> dropIn(size_t First, size_t Last) {
    if (First == Last)
      return std::nullopt;
    llvm::SmallVector<Operand, 4> Operands;
    if (!splitOr(First, Last, Operands))
      return std::nullopt;
    if (Operands.size() == 1)
      return dropInsideParens(First, Last);
    return dropOperands(Operands, First, Last);
  }

private:
  struct Operand {
    size_t First, Last;
  };

  size_t begin(size_t First) const { return Tokens[First].Begin; }
  size_t end(size_t Last) const { return Tokens[Last - 1].End; }
  llvm::StringRef text(size_t Begin, size_t End) const {
    return Text.slice(Begin, End);
  }

  // True when [First, Last) is one pair of parentheses and what they hold.
  bool inParens(size_t First, size_t Last) const {
    return Last - First >= 2 && Tokens[First].Kind == tok::l_paren &&
           Match[First] == Last - 1;
  }

  // Splits [First, Last) at its top-level '|'. False when it is not a
  // plain OR chain or an operand is empty.
  bool splitOr(size_t First, size_t Last,
               llvm::SmallVectorImpl<Operand> &Operands) const {
    size_t Start = First;
    for (size_t I = First; I < Last; ++I) {
      tok::TokenKind Kind = Tokens[I].Kind;
      if (isOpeningBracket(Kind)) {
        I = Match[I];
      } else if (Kind == tok::pipe) {
        Operands.push_back({Start, I});
        Start = I + 1;
      } else if (breaksOrChain(Kind)) {
        return false;
      }
    }
    Operands.push_back({Start, Last});
    return llvm::none_of(Operands,
                         [](const Operand &Op) { return Op.First == Op.Last; });
  }

  // True when the operand is the flag, possibly in parentheses.
  bool isFlag(Operand Op) const {
    while (Op.Last - Op.First >= 3 && inParens(Op.First, Op.Last))
      Op = {Op.First + 1, Op.Last - 1};
    return Op.Last - Op.First == 1 &&
           Tokens[Op.First].Kind == tok::raw_identifier &&
           text(begin(Op.First), end(Op.Last)) == Flag;
  }

  // One operand: look inside parentheses that wrap it all; drop them when
  // only an identifier is left.
  std::optional<std::string> dropInsideParens(size_t First, size_t Last) {
    if (!inParens(First, Last))
      return std::nullopt;
    std::optional<std::string> Inner = dropIn(First + 1, Last - 1);
    if (!Inner)
      return std::nullopt;
    llvm::StringRef Kept = llvm::StringRef(*Inner).trim();
    if (isValidAsciiIdentifier(Kept))
      return Kept.str();
    return "(" + *Inner + ")";
  }

  // Several operands: drop those that are the flag (with the '|' before
  // them, or after the first) and look into parenthesized ones.
  std::optional<std::string> dropOperands(llvm::ArrayRef<Operand> Operands,
                                          size_t First, size_t Last) {
    std::string Result;
    bool Dropped = false;
    size_t Kept = 0;
    size_t Copied = begin(First); // Text up to Copied is in Result already
    for (size_t K = 0; K < Operands.size(); ++K) {
      const Operand &Op = Operands[K];
      if (isFlag(Op)) {
        Dropped = true;
        size_t CutBegin, CutEnd;
        if (Kept > 0) {
          CutBegin = end(Operands[K - 1].Last);
          CutEnd = end(Op.Last);
        } else {
          CutBegin = begin(Op.First);
          CutEnd = K + 1 < Operands.size() ? begin(Operands[K + 1].First)
                                           : end(Op.Last);
        }
        CutBegin = std::max(CutBegin, Copied);
        Result += text(Copied, CutBegin).str();
        Copied = CutEnd;
        continue;
      }
      ++Kept;
      if (!inParens(Op.First, Op.Last))
        continue;
      if (std::optional<std::string> Inner = dropIn(Op.First, Op.Last)) {
        Result += text(Copied, begin(Op.First)).str() + *Inner;
        Copied = end(Op.Last);
        Dropped = true;
      }
    }
    if (!Dropped || Kept == 0)
      return std::nullopt;
    Result += text(Copied, end(Last)).str();
    return Result;
  }

  llvm::StringRef Text;
  llvm::ArrayRef<RawToken> Tokens;
  llvm::ArrayRef<size_t> Match;
  llvm::StringRef Flag;
};

} // namespace

std::optional<std::string> dropGfpFlag(llvm::StringRef Expr,
                                       llvm::StringRef Flag) {
  llvm::SmallVector<RawToken, 16> Tokens =
      lexRawTokens(Expr, gnuC(), /*KeepComments=*/true);
  // Comments, literals and stray characters are left alone.
  if (llvm::any_of(Tokens, [](const RawToken &T) {
        return T.Kind == tok::comment || T.Kind == tok::unknown ||
               (tok::isLiteral(T.Kind) && T.Kind != tok::numeric_constant);
      }))
    return std::nullopt;
  std::optional<llvm::SmallVector<size_t, 16>> Match = matchBrackets(Tokens);
  if (!Match)
    return std::nullopt;
  std::optional<std::string> Result =
      FlagRemover(Expr, Tokens, *Match, Flag).dropIn(0, Tokens.size());
  if (!Result)
    return std::nullopt;
  return llvm::StringRef(*Result).trim().str();
}

} // namespace pgmigrate
