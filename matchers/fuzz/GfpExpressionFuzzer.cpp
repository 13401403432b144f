//===- GfpExpressionFuzzer.cpp - libFuzzer target: gfp-mask text ----------===//
//
// Arbitrary bytes through the text side of the gfp-mask helpers:
// dropGfpFlag() (GfpExpression.h) and the raw tokens and bracket matching it
// is built on (RawTokens.h). GfpFlags.h has no function that takes text (its
// gfpFlag() reads an AST), so nothing of it runs here. An input is
// EXPR '\0' FLAG, or EXPR alone for the flag __GFP_ZERO (see README.md).
// Besides crashes, ASan reports and leaks, it checks only what the headers
// promise of the results.
//
//===----------------------------------------------------------------------===//

#include "support/GfpExpression.h"
#include "support/RawTokens.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

using namespace pgmigrate;
using clang::tok::TokenKind;
namespace tok = clang::tok;

namespace {

[[noreturn]] void fail(const llvm::Twine &What, llvm::StringRef Expr,
                       llvm::StringRef Flag) {
  llvm::errs() << "GfpExpressionFuzzer: " << What << "\n  expr: '" << Expr
               << "'\n  flag: '" << Flag << "'\n";
  std::abort();
}

// The kernel's C, as GfpExpression.cpp lexes a mask.
clang::LangOptions gnuC() {
  clang::LangOptions LO;
  LO.C99 = LO.C11 = LO.GNUMode = LO.LineComment = true;
  return LO;
}

bool isClosingBracket(TokenKind Kind) {
  return Kind == tok::r_paren || Kind == tok::r_square || Kind == tok::r_brace;
}

TokenKind closingOf(TokenKind Open) {
  return Open == tok::l_paren    ? tok::r_paren
         : Open == tok::l_square ? tok::r_square
                                 : tok::r_brace;
}

// RawTokens.h: each token is characters [Begin, End) of the text, so tokens
// lie in it one after the other.
void checkTokens(llvm::StringRef Text, llvm::ArrayRef<RawToken> Tokens,
                 llvm::StringRef Flag) {
  size_t Previous = 0;
  for (const RawToken &T : Tokens) {
    if (T.Begin < Previous || T.Begin > T.End || T.End > Text.size())
      fail("lexRawTokens: a token outside the text or overlapping another",
           Text, Flag);
    Previous = T.End;
  }
}

// RawTokens.h: a bracket's index is its partner's, any other token's its
// own.
void checkMatch(llvm::ArrayRef<RawToken> Tokens, llvm::ArrayRef<size_t> Match,
                llvm::StringRef Text, llvm::StringRef Flag) {
  if (Match.size() != Tokens.size())
    fail("matchBrackets: not one index per token", Text, Flag);
  for (size_t I = 0; I < Tokens.size(); ++I) {
    TokenKind Kind = Tokens[I].Kind;
    size_t J = Match[I];
    bool Ok = J < Tokens.size() && Match[J] == I;
    if (isOpeningBracket(Kind))
      Ok = Ok && J > I && Tokens[J].Kind == closingOf(Kind);
    else if (isClosingBracket(Kind))
      Ok = Ok && J < I && isOpeningBracket(Tokens[J].Kind);
    else
      Ok = J == I;
    if (!Ok)
      fail("matchBrackets: token " + llvm::Twine(I) + " is matched wrongly",
           Text, Flag);
  }
}

struct Lexed {
  llvm::SmallVector<RawToken, 16> Tokens;
  std::optional<llvm::SmallVector<size_t, 16>> Match;
};

Lexed lex(llvm::StringRef Text) {
  Lexed L{lexRawTokens(Text, gnuC(), /*KeepComments=*/true), std::nullopt};
  L.Match = matchBrackets(L.Tokens);
  return L;
}

// Whether the top level of a text (outside brackets) has a token for which
// P holds. False when its brackets do not nest.
template <typename Pred> bool atTopLevel(const Lexed &L, Pred P) {
  if (!L.Match)
    return false;
  for (size_t I = 0; I < L.Tokens.size(); ++I) {
    if (isOpeningBracket(L.Tokens[I].Kind))
      I = (*L.Match)[I];
    else if (P(I))
      return true;
  }
  return false;
}

// Whether one of the top-level OR operands of Text is Flag, possibly in
// parentheses.
bool hasFlagOperand(llvm::StringRef Text, const Lexed &L,
                    llvm::StringRef Flag) {
  if (!L.Match)
    return false;
  auto IsFlag = [&](size_t First, size_t Last) {
    while (Last - First >= 3 && L.Tokens[First].Kind == tok::l_paren &&
           (*L.Match)[First] == Last - 1)
      ++First, --Last;
    const RawToken &T = L.Tokens[First];
    return Last - First == 1 && T.Kind == tok::raw_identifier &&
           Text.slice(T.Begin, T.End) == Flag;
  };
  size_t Start = 0;
  for (size_t I = 0; I <= L.Tokens.size(); ++I) {
    if (I < L.Tokens.size() && isOpeningBracket(L.Tokens[I].Kind)) {
      I = (*L.Match)[I];
      continue;
    }
    if (I < L.Tokens.size() && L.Tokens[I].Kind != tok::pipe)
      continue;
    if (I > Start && IsFlag(Start, I))
      return true;
    Start = I + 1;
  }
  return false;
}

// GfpExpression.h: the result, when there is one, is Expr without the OR
// operand Flag, not empty; there is none when Flag is no operand of Expr or
// Expr's top level holds an operator looser than '|'.
void checkDrop(llvm::StringRef Expr, llvm::StringRef Flag) {
  std::optional<std::string> Result = dropGfpFlag(Expr, Flag);
  if (!Result)
    return;
  if (Result->empty())
    fail("dropGfpFlag: an empty result", Expr, Flag);
  if (Result->size() + Flag.size() > Expr.size())
    fail("dropGfpFlag: the result '" + *Result + "' is not shorter by the flag",
         Expr, Flag);
  Lexed E = lex(Expr);
  if (llvm::none_of(E.Tokens, [&](const RawToken &T) {
        return T.Kind == tok::raw_identifier &&
               Expr.slice(T.Begin, T.End) == Flag;
      }))
    fail("dropGfpFlag: a result, but the flag is no token of the expression",
         Expr, Flag);
  if (atTopLevel(E, [&](size_t I) { return breaksOrChain(E.Tokens[I].Kind); }))
    fail("dropGfpFlag: a result, but the expression is no plain OR chain", Expr,
         Flag);
  if (hasFlagOperand(*Result, lex(*Result), Flag))
    fail("dropGfpFlag: the flag is still an operand of '" + *Result + "'", Expr,
         Flag);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  size_t Nul = Input.find('\0');
  llvm::StringRef Expr = Input.take_front(Nul);
  llvm::StringRef Flag =
      Nul == llvm::StringRef::npos ? "__GFP_ZERO" : Input.drop_front(Nul + 1);

  for (bool KeepComments : {false, true}) {
    llvm::SmallVector<RawToken, 16> Tokens =
        lexRawTokens(Expr, gnuC(), KeepComments);
    checkTokens(Expr, Tokens, Flag);
    if (std::optional<llvm::SmallVector<size_t, 16>> Match =
            matchBrackets(Tokens))
      checkMatch(Tokens, *Match, Expr, Flag);
  }
  checkDrop(Expr, Flag);
  return 0;
}
