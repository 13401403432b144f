//===- DeclarationShapes.cpp ----------------------------------------------===//

#include "rules/DeclarationShapes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pgmigrate {

bool isStatementKeyword(llvm::StringRef S) {
  return llvm::StringSwitch<bool>(S)
      .Cases("return", "case", "goto", "sizeof", "else", "do", "if", "while",
             true)
      .Cases("for", "switch", "break", "continue", "default", "typeof",
             "__typeof__", "__typeof", true)
      .Cases("_Alignof", "alignof", "__alignof__", "asm", "__asm__", true)
      .Default(false);
}

bool isTypeKeyword(llvm::StringRef S) {
  return llvm::StringSwitch<bool>(S)
      .Cases("void", "char", "short", "int", "long", "float", "double", true)
      .Cases("signed", "unsigned", "_Bool", "bool", "const", "volatile", true)
      .Cases("struct", "union", "enum", "__signed__", "restrict", true)
      .Default(false);
}

namespace {

bool isTagKeyword(const FileToken &T) {
  return T.isIdent() &&
         (T.Text == "struct" || T.Text == "union" || T.Text == "enum");
}

} // namespace

int DeclarationShapes::skipAttributeBack(unsigned Close,
                                         bool InSpecifiers) const {
  int M = Match[Close];
  if (M < 1 || !Code[M - 1].isIdent())
    return -1;
  if (Code[M - 1].Text.startswith("__attribute") ||
      (InSpecifiers && Code[M - 1].Text.startswith("__")))
    return M - 2;
  if (M >= 2 && Code[M - 2].is(tok::r_paren) &&
      Code[M - 1].Text.startswith("__"))
    return M - 2;
  return -1;
}

DeclPrefix DeclarationShapes::declPrefix(int From) const {
  DeclPrefix P;
  unsigned Idents = 0;
  int J = From;
  while (J >= 0) {
    const FileToken &T = Code[J];
    if (T.isIdent()) {
      if (isStatementKeyword(T.Text))
        return P;
      ++Idents;
      --J;
      continue;
    }
    if (T.is(tok::star)) {
      --J;
      continue;
    }
    if (T.is(tok::r_paren)) {
      int Before = skipAttributeBack(J, /*InSpecifiers=*/true);
      if (Before == -1)
        return P;
      J = Before;
      continue;
    }
    if (T.is(tok::r_brace)) {
      // struct { ... } NAME: the braces are the type.
      auto It = Match[J] >= 0 ? BraceKinds.find(Match[J]) : BraceKinds.end();
      if (It != BraceKinds.end() &&
          (It->second == Open::Aggregate || It->second == Open::Union ||
           It->second == Open::Enum)) {
        ++Idents;
        J = Match[J] - 1;
        continue;
      }
      break;
    }
    if (T.is(tok::semi) || T.is(tok::l_brace) || T.is(tok::comma) ||
        T.is(tok::l_paren))
      break;
    return P;
  }
  P.Ok = Idents > 0;
  P.Start = J + 1;
  return P;
}

bool DeclarationShapes::isDeclaratorParams(int P) const {
  if (P < 1)
    return false;
  const FileToken &Before = Code[P - 1];
  if (Before.is(tok::r_paren)) {
    int M = Match[P - 1];
    return M >= 0 && M + 3 == P - 1 && Code[M + 1].is(tok::star) &&
           Code[M + 2].isIdent();
  }
  if (!Before.isIdent() || isStatementKeyword(Before.Text))
    return false;
  return declPrefix(P - 2).Ok;
}

unsigned DeclarationShapes::skipAttributesForward(unsigned K) const {
  while (K < Code.size() && Code[K].isIdent() && !isTypeKeyword(Code[K].Text)) {
    if (K + 1 < Code.size() && Code[K + 1].is(tok::l_paren) && Match[K + 1] > 0)
      K = Match[K + 1] + 1;
    else
      ++K;
  }
  return K;
}

int DeclarationShapes::functionParams(unsigned B) const {
  int K = int(B) - 1;
  while (K >= 0) {
    if (Code[K].is(tok::r_paren)) {
      int Before = skipAttributeBack(K);
      if (Before == -1)
        return Match[K];
      K = Before;
      continue;
    }
    // A bare attribute after the parameters: ") __init {".
    if (Code[K].isIdent() && K >= 1 && Code[K - 1].is(tok::r_paren)) {
      --K;
      continue;
    }
    return -1;
  }
  return -1;
}

std::string DeclarationShapes::signature(const DeclPrefix &P, unsigned Name,
                                         unsigned LParen) const {
  std::string Result = returnType(P, Name) + '(';
  int Close = Match[LParen];
  if (Close < 0)
    return Result + ")";
  return Result + parameterTypes(LParen, Close) + ")";
}

// The specifiers that make the type: type keywords, *_t names, tags' names
// and '*'.
std::string DeclarationShapes::returnType(const DeclPrefix &P,
                                          unsigned Name) const {
  std::string Result;
  for (unsigned K = P.Start; K < Name; ++K) {
    const FileToken &T = Code[K];
    bool Keep =
        T.is(tok::star) ||
        (T.isIdent() && (isTypeKeyword(T.Text) || T.Text.endswith("_t") ||
                         (K > 0 && isTagKeyword(Code[K - 1]))));
    if (!Keep)
      continue;
    if (!Result.empty())
      Result += ' ';
    Result += T.is(tok::star) ? "*" : T.Text.str();
  }
  return Result;
}

// The parameters between Code[LParen] and Code[Close] as written, each
// without its name, joined by ", ".
std::string DeclarationShapes::parameterTypes(unsigned LParen,
                                              int Close) const {
  std::vector<std::vector<const FileToken *>> Params(1);
  int Depth = 0;
  for (int K = LParen + 1; K < Close; ++K) {
    const FileToken &T = Code[K];
    if (T.is(tok::l_paren) || T.is(tok::l_square))
      ++Depth;
    if (T.is(tok::r_paren) || T.is(tok::r_square))
      --Depth;
    if (Depth == 0 && T.is(tok::comma)) {
      Params.emplace_back();
      continue;
    }
    Params.back().push_back(&T);
  }
  std::string Result;
  bool First = true;
  for (std::vector<const FileToken *> &Param : Params) {
    bool HasParens = llvm::any_of(
        Param, [](const FileToken *T) { return T->is(tok::l_paren); });
    if (!HasParens && Param.size() >= 2 && Param.back()->isIdent() &&
        !isTypeKeyword(Param.back()->Text) &&
        !isTagKeyword(*Param[Param.size() - 2]))
      Param.pop_back();
    if (!First)
      Result += ", ";
    First = false;
    for (size_t K = 0; K < Param.size(); ++K) {
      if (K)
        Result += ' ';
      Result += Buffer.substr(Param[K]->Offset, Param[K]->Length);
    }
  }
  return Result;
}

} // namespace pgmigrate
