//===- CHighlighter.cpp ---------------------------------------------------===//

#include "CHighlighter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace pgmigrate {

std::string htmlEscape(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

namespace {

bool isKeyword(llvm::StringRef Word) {
  return llvm::StringSwitch<bool>(Word)
      .Cases("auto", "break", "case", "char", "const", "continue", true)
      .Cases("default", "do", "double", "else", "enum", "extern", true)
      .Cases("float", "for", "goto", "if", "inline", "int", true)
      .Cases("long", "register", "restrict", "return", "short", true)
      .Cases("signed", "sizeof", "static", "struct", "switch", true)
      .Cases("typedef", "union", "unsigned", "void", "volatile", true)
      .Cases("while", "bool", "_Bool", "typeof", "__always_inline", true)
      .Cases("__init", "__ref", "__meminit", "__initdata", true)
      .Default(false);
}

void span(std::string &Out, llvm::StringRef Class, llvm::StringRef Text) {
  Out += "<span class=\"";
  Out += Class;
  Out += "\">";
  Out += htmlEscape(Text);
  Out += "</span>";
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

} // namespace

std::string CHighlighter::line(llvm::StringRef Line) {
  std::string Out;
  size_t I = 0, N = Line.size();
  // A preprocessor line is one span; a comment at its end is not worth
  // telling apart.
  if (!InBlockComment && Line.ltrim().startswith("#")) {
    span(Out, "pp", Line);
    return Out;
  }
  while (I < N) {
    if (InBlockComment) {
      size_t End = Line.find("*/", I);
      size_t Stop = End == llvm::StringRef::npos ? N : End + 2;
      span(Out, "com", Line.slice(I, Stop));
      InBlockComment = End == llvm::StringRef::npos;
      I = Stop;
      continue;
    }
    char C = Line[I];
    if (Line.substr(I).startswith("/*")) {
      InBlockComment = true;
      size_t End = Line.find("*/", I + 2);
      size_t Stop = End == llvm::StringRef::npos ? N : End + 2;
      span(Out, "com", Line.slice(I, Stop));
      InBlockComment = End == llvm::StringRef::npos;
      I = Stop;
    } else if (Line.substr(I).startswith("//")) {
      span(Out, "com", Line.substr(I));
      I = N;
    } else if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < N && Line[J] != C)
        J += Line[J] == '\\' ? 2 : 1;
      J = std::min(J + 1, N);
      span(Out, "str", Line.slice(I, J));
      I = J;
    } else if (llvm::isDigit(C)) {
      size_t J = I;
      while (J < N && (isIdentifierChar(Line[J]) || Line[J] == '.'))
        ++J;
      span(Out, "num", Line.slice(I, J));
      I = J;
    } else if (isIdentifierChar(C)) {
      size_t J = I;
      while (J < N && isIdentifierChar(Line[J]))
        ++J;
      llvm::StringRef Word = Line.slice(I, J);
      span(Out,
           ApiNames.count(Word) ? "fn"
           : isKeyword(Word)    ? "kw"
                                : "id",
           Word);
      I = J;
    } else {
      size_t J = I + 1;
      while (J < N && !isIdentifierChar(Line[J]) && Line[J] != '"' &&
             Line[J] != '\'' && Line[J] != '/')
        ++J;
      Out += htmlEscape(Line.slice(I, J));
      I = J;
    }
  }
  return Out;
}

} // namespace pgmigrate
