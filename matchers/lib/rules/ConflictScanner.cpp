//===- ConflictScanner.cpp ------------------------------------------------===//
//
// Two passes over the raw tokens of one file. The first lexes, sets the
// preprocessor directives apart and matches brackets. The second walks the
// code tokens with a stack of open brackets, each brace knowing what it
// opens (function body, block, struct, enum, initializer), and classifies
// every wanted identifier from the tokens around it and that stack.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ConflictScanner.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>

using namespace clang;

namespace pgmigrate {

llvm::StringRef describe(TokenRole Role) {
  switch (Role) {
  case TokenRole::FunctionDefinition:
    return "function definition";
  case TokenRole::FunctionPrototype:
    return "function prototype";
  case TokenRole::FunctionMacroDefinition:
    return "function-like macro definition";
  case TokenRole::ObjectMacroDefinition:
    return "object-like macro definition";
  case TokenRole::Parameter:
    return "parameter";
  case TokenRole::FunctionPointerParameter:
    return "function-pointer parameter";
  case TokenRole::Field:
    return "field";
  case TokenRole::Variable:
    return "variable";
  case TokenRole::LocalVariable:
    return "local variable";
  case TokenRole::Typedef:
    return "typedef";
  case TokenRole::Enumerator:
    return "enumerator";
  case TokenRole::Call:
    return "call";
  case TokenRole::MemberAccess:
    return "member access";
  case TokenRole::MacroReference:
    return "macro reference";
  case TokenRole::Reference:
    return "reference";
  }
  llvm_unreachable("unknown token role");
}

bool isDeclaration(TokenRole Role) {
  switch (Role) {
  case TokenRole::Call:
  case TokenRole::MemberAccess:
  case TokenRole::MacroReference:
  case TokenRole::Reference:
    return false;
  default:
    return true;
  }
}

namespace {

struct Tk {
  tok::TokenKind Kind;
  unsigned Offset;
  unsigned Length;
  /// The spelling of an identifier or keyword (raw mode lexes both as
  /// raw_identifier).
  llvm::StringRef Text;
  bool StartOfLine;

  bool is(tok::TokenKind K) const { return Kind == K; }
  bool isIdent() const { return Kind == tok::raw_identifier; }
  bool isIdent(llvm::StringRef S) const { return isIdent() && Text == S; }
  unsigned end() const { return Offset + Length; }
};

// Keywords that cannot be part of a declaration's specifiers: a name after
// them is used, not declared.
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

enum class Open {
  Paren,
  Bracket,
  FunctionBody,
  Block,
  Aggregate,
  Union,
  Enum,
  Initializer,
};

bool isBrace(Open O) { return O != Open::Paren && O != Open::Bracket; }

struct Frame {
  Open Kind;
  unsigned Index;
  /// FunctionBody: the clashing names among its parameters.
  llvm::SmallVector<llvm::StringRef, 2> Params;
  /// FunctionBody/Block: the clashing names declared in it so far.
  llvm::SmallVector<llvm::StringRef, 2> Locals;
};

struct Prefix {
  bool Ok = false;
  /// The first token of the declaration.
  unsigned Start = 0;
};

class Scanner {
public:
  Scanner(llvm::StringRef Buffer, llvm::ArrayRef<std::string> Names)
      : Buffer(Buffer) {
    for (const std::string &Name : Names)
      Wanted.insert(Name);
  }

  std::vector<ScannedToken> run() {
    lex();
    matchBrackets();
    walk();
    llvm::sort(Out, [](const ScannedToken &A, const ScannedToken &B) {
      return A.Offset < B.Offset;
    });
    return std::move(Out);
  }

private:
  llvm::StringRef Buffer;
  llvm::StringSet<> Wanted;
  std::vector<unsigned> LineStarts;
  /// Tokens outside preprocessor directives.
  std::vector<Tk> Code;
  /// For each bracket of Code, the index of its partner (or -1).
  std::vector<int> Match;
  /// What each opening brace of Code opens, once walked.
  llvm::DenseMap<unsigned, Open> BraceKind;
  /// Clashing parameter names by the index of their list's '('.
  llvm::DenseMap<unsigned, llvm::SmallVector<llvm::StringRef, 2>> ParamsOf;
  std::vector<Frame> Stack;
  std::vector<ScannedToken> Out;

  bool wanted(const Tk &T) const { return T.isIdent() && Wanted.count(T.Text); }

  ScannedToken &emit(const Tk &T, TokenRole Role) {
    ScannedToken S;
    S.Name = T.Text.str();
    S.Offset = T.Offset;
    auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), T.Offset);
    S.Line = It - LineStarts.begin();
    S.Column = T.Offset - *(It - 1) + 1;
    S.Role = Role;
    Out.push_back(std::move(S));
    return Out.back();
  }

  void lex() {
    LineStarts.push_back(0);
    for (unsigned I = 0; I < Buffer.size(); ++I)
      if (Buffer[I] == '\n')
        LineStarts.push_back(I + 1);

    LangOptions LangOpts;
    LangOpts.C11 = true;
    LangOpts.GNUMode = true;
    LangOpts.LineComment = true;
    LangOpts.DollarIdents = true;
    // The buffer is null-terminated (a copy made by scanIdentifiers).
    Lexer L(SourceLocation(), LangOpts, Buffer.begin(), Buffer.begin(),
            Buffer.end());
    std::vector<Tk> All;
    Token T;
    while (true) {
      L.LexFromRawLexer(T);
      if (T.is(tok::eof))
        break;
      Tk K{T.getKind(), T.getLocation().getRawEncoding(), T.getLength(),
           llvm::StringRef(), T.isAtStartOfLine()};
      if (T.is(tok::raw_identifier))
        K.Text = T.getRawIdentifier();
      All.push_back(K);
    }

    for (size_t I = 0; I < All.size();) {
      if (All[I].is(tok::hash) && All[I].StartOfLine) {
        size_t End = I + 1;
        while (End < All.size() && !All[End].StartOfLine)
          ++End;
        directive(llvm::ArrayRef<Tk>(All).slice(I + 1, End - I - 1));
        I = End;
        continue;
      }
      Code.push_back(All[I++]);
    }
  }

  // #define, #undef, #ifdef, #ifndef, #if, #elif: the names they mention.
  void directive(llvm::ArrayRef<Tk> D) {
    if (D.empty() || !D[0].isIdent())
      return;
    llvm::StringRef Kind = D[0].Text;
    if (Kind == "define") {
      if (D.size() < 2)
        return;
      size_t Body = 2;
      bool FunctionLike =
          D.size() > 2 && D[2].is(tok::l_paren) && D[2].Offset == D[1].end();
      llvm::SmallVector<llvm::StringRef, 2> MacroParams;
      if (FunctionLike) {
        while (Body < D.size() && !D[Body].is(tok::r_paren)) {
          if (wanted(D[Body])) {
            emit(D[Body], TokenRole::Parameter).InMacroBody = true;
            MacroParams.push_back(D[Body].Text);
          }
          ++Body;
        }
        ++Body;
      }
      if (wanted(D[1])) {
        ScannedToken &S =
            emit(D[1], FunctionLike ? TokenRole::FunctionMacroDefinition
                                    : TokenRole::ObjectMacroDefinition);
        if (Body < D.size())
          S.MacroBody = Buffer.slice(D[Body].Offset, D.back().end()).str();
      }
      for (size_t I = Body; I < D.size(); ++I) {
        if (!wanted(D[I]))
          continue;
        TokenRole Role = TokenRole::Reference;
        if (D[I - 1].is(tok::period) || D[I - 1].is(tok::arrow))
          Role = TokenRole::MemberAccess;
        else if (I + 1 < D.size() && D[I + 1].is(tok::l_paren))
          Role = TokenRole::Call;
        ScannedToken &S = emit(D[I], Role);
        S.InMacroBody = true;
        if (Role != TokenRole::MemberAccess &&
            llvm::is_contained(MacroParams, D[I].Text))
          S.Binding = TokenBinding::Parameter;
      }
      return;
    }
    if (Kind == "undef" || Kind == "ifdef" || Kind == "ifndef" ||
        Kind == "elifdef" || Kind == "elifndef") {
      if (D.size() > 1 && wanted(D[1]))
        emit(D[1], TokenRole::MacroReference);
      return;
    }
    if (Kind == "if" || Kind == "elif")
      for (const Tk &T : D.drop_front())
        if (wanted(T))
          emit(T, TokenRole::MacroReference);
  }

  void matchBrackets() {
    Match.assign(Code.size(), -1);
    std::vector<unsigned> Opens;
    for (unsigned I = 0; I < Code.size(); ++I) {
      tok::TokenKind K = Code[I].Kind;
      if (K == tok::l_paren || K == tok::l_square || K == tok::l_brace) {
        Opens.push_back(I);
        continue;
      }
      tok::TokenKind Want = K == tok::r_paren    ? tok::l_paren
                            : K == tok::r_square ? tok::l_square
                            : K == tok::r_brace  ? tok::l_brace
                                                 : tok::unknown;
      if (Want == tok::unknown)
        continue;
      // Tolerate brackets unbalanced by #if branches: close the nearest
      // opener of the right kind, dropping what is in between.
      auto It = std::find_if(Opens.rbegin(), Opens.rend(),
                             [&](unsigned O) { return Code[O].is(Want); });
      if (It == Opens.rend())
        continue;
      Match[I] = *It;
      Match[*It] = I;
      Opens.erase(std::next(It).base(), Opens.end());
    }
  }

  // The nearest enclosing brace's kind, or nullptr at file scope.
  const Frame *braceFrame() const {
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
      if (isBrace(It->Kind))
        return &*It;
    return nullptr;
  }
  bool inFunction() const {
    return llvm::any_of(Stack, [](const Frame &F) {
      return F.Kind == Open::FunctionBody || F.Kind == Open::Block;
    });
  }
  // The innermost '(' opened since the nearest brace, or -1.
  int parenTop() const {
    if (Stack.empty() || Stack.back().Kind != Open::Paren)
      return -1;
    return Stack.back().Index;
  }
  // The '(' around the one at stack position Pos (the innermost is
  // Stack.size() - 1), or -1.
  int parenAround(size_t Pos) const {
    if (Pos == 0 || Stack[Pos - 1].Kind != Open::Paren)
      return -1;
    return Stack[Pos - 1].Index;
  }

  // An attribute-like group ending at Code[Close] (a ')'): __attribute__((
  // ...)), __IDENT(...) among declaration specifiers (__alias(f),
  // __aligned(8)), or __IDENT(...) right after a declarator's ')'
  // (__acquires(x)). Returns the index before it, or -1 when it is not one.
  int skipAttributeBack(unsigned Close, bool InSpecifiers = false) const {
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

  // Walks back from Code[From] over declaration specifiers (identifiers that
  // are not statement keywords, '*', attribute groups). Ok when it reaches
  // the start of a declaration (';', '{', '}', ',', '(' or the file start)
  // after at least one identifier.
  Prefix declPrefix(int From) const {
    Prefix P;
    unsigned Idents = 0;
    int J = From;
    while (J >= 0) {
      const Tk &T = Code[J];
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
        auto It = Match[J] >= 0 ? BraceKind.find(Match[J]) : BraceKind.end();
        if (It != BraceKind.end() &&
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

  // Whether the '(' at Code[P] opens the parameter list of a declarator:
  // NAME( after declaration specifiers, or (*NAME)(.
  bool isDeclaratorParams(int P) const {
    if (P < 1)
      return false;
    const Tk &Before = Code[P - 1];
    if (Before.is(tok::r_paren)) {
      int M = Match[P - 1];
      return M >= 0 && M + 3 == P - 1 && Code[M + 1].is(tok::star) &&
             Code[M + 2].isIdent();
    }
    if (!Before.isIdent() || isStatementKeyword(Before.Text))
      return false;
    return declPrefix(P - 2).Ok;
  }

  // Past attribute groups and bare attributes after a declarator's ')'.
  unsigned skipAttributesForward(unsigned K) const {
    while (K < Code.size() && Code[K].isIdent() &&
           !isTypeKeyword(Code[K].Text)) {
      if (K + 1 < Code.size() && Code[K + 1].is(tok::l_paren) &&
          Match[K + 1] > 0)
        K = Match[K + 1] + 1;
      else
        ++K;
    }
    return K;
  }

  // What an opening brace at Code[B] opens.
  Open braceKind(unsigned B) const {
    const Frame *Outer = braceFrame();
    const Tk *Prev = B > 0 ? &Code[B - 1] : nullptr;
    if (Prev && Prev->is(tok::equal))
      return Open::Initializer;
    if (Outer && Outer->Kind == Open::Initializer && Prev &&
        (Prev->is(tok::comma) || Prev->is(tok::l_brace) ||
         Prev->is(tok::equal)))
      return Open::Initializer;
    // struct [attrs] [tag] {
    for (int K = int(B) - 1, Steps = 0; K >= 0 && Steps < 4; --K, ++Steps) {
      if (!Code[K].isIdent())
        break;
      if (Code[K].Text == "struct")
        return Open::Aggregate;
      if (Code[K].Text == "union")
        return Open::Union;
      if (Code[K].Text == "enum")
        return Open::Enum;
    }
    if (inFunction())
      return Open::Block;
    if (!Outer && functionParams(B) >= 0)
      return Open::FunctionBody;
    return Open::Initializer;
  }

  // For a '{' at file scope: the '(' of the parameter list it follows, or -1.
  int functionParams(unsigned B) const {
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

  std::string signature(const Prefix &P, unsigned Name, unsigned LParen) const {
    std::string Result;
    for (unsigned K = P.Start; K < Name; ++K) {
      const Tk &T = Code[K];
      bool Keep =
          T.is(tok::star) ||
          (T.isIdent() &&
           (isTypeKeyword(T.Text) || T.Text.endswith("_t") ||
            (K > 0 && Code[K - 1].isIdent() &&
             (Code[K - 1].Text == "struct" || Code[K - 1].Text == "union" ||
              Code[K - 1].Text == "enum"))));
      if (!Keep)
        continue;
      if (!Result.empty())
        Result += ' ';
      Result += T.is(tok::star) ? "*" : T.Text.str();
    }
    Result += '(';
    int Close = Match[LParen];
    if (Close < 0)
      return Result + ")";
    std::vector<std::vector<const Tk *>> Params(1);
    int Depth = 0;
    for (int K = LParen + 1; K < Close; ++K) {
      const Tk &T = Code[K];
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
    bool First = true;
    for (std::vector<const Tk *> &Param : Params) {
      bool HasParens =
          llvm::any_of(Param, [](const Tk *T) { return T->is(tok::l_paren); });
      if (!HasParens && Param.size() >= 2 && Param.back()->isIdent() &&
          !isTypeKeyword(Param.back()->Text) &&
          !(Param[Param.size() - 2]->isIdent() &&
            (Param[Param.size() - 2]->Text == "struct" ||
             Param[Param.size() - 2]->Text == "union" ||
             Param[Param.size() - 2]->Text == "enum")))
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
    return Result + ")";
  }

  TokenBinding bindingOf(llvm::StringRef Name) const {
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
      if (llvm::is_contained(It->Locals, Name))
        return TokenBinding::Local;
      if (It->Kind == Open::FunctionBody &&
          llvm::is_contained(It->Params, Name))
        return TokenBinding::Parameter;
    }
    return TokenBinding::None;
  }

  void declareLocal(llvm::StringRef Name) {
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
      if (It->Kind == Open::FunctionBody || It->Kind == Open::Block) {
        It->Locals.push_back(Name);
        return;
      }
  }

  void declareParam(int ListParen, llvm::StringRef Name) {
    if (ListParen >= 0)
      ParamsOf[ListParen].push_back(Name);
  }

  void classify(unsigned I) {
    const Tk &T = Code[I];
    const Tk *Prev = I > 0 ? &Code[I - 1] : nullptr;
    const Tk *Next = I + 1 < Code.size() ? &Code[I + 1] : nullptr;
    const Frame *Brace = braceFrame();
    Open Ctx = Brace ? Brace->Kind : Open::Initializer;
    bool FileScope = !Brace;
    bool InAggregate = Ctx == Open::Aggregate || Ctx == Open::Union;
    int PTop = parenTop();
    bool InFunc = inFunction();

    auto Use = [&](TokenRole Role) {
      ScannedToken &S = emit(T, Role);
      if (InFunc && Role != TokenRole::MemberAccess)
        S.Binding = bindingOf(T.Text);
    };

    if (Prev && (Prev->is(tok::period) || Prev->is(tok::arrow)))
      return Use(TokenRole::MemberAccess);
    if (!FileScope && Ctx == Open::Enum && PTop < 0 && Prev &&
        (Prev->is(tok::l_brace) || Prev->is(tok::comma))) {
      emit(T, TokenRole::Enumerator);
      return;
    }

    // (*NAME): a function-pointer declarator, or a call through a pointer.
    if (Prev && Prev->is(tok::star) && I >= 2 && Code[I - 2].is(tok::l_paren) &&
        Next && Next->is(tok::r_paren)) {
      Prefix P = declPrefix(int(I) - 3);
      if (!P.Ok)
        return Use(I + 2 < Code.size() && Code[I + 2].is(tok::l_paren)
                       ? TokenRole::Call
                       : TokenRole::Reference);
      int Outer = parenAround(Stack.size() - 1);
      if (Outer >= 0) {
        if (!isDeclaratorParams(Outer))
          return Use(TokenRole::Reference);
        emit(T, TokenRole::FunctionPointerParameter);
        declareParam(Outer, T.Text);
        return;
      }
      if (InAggregate) {
        emit(T, TokenRole::Field).InUnion = Ctx == Open::Union;
        return;
      }
      if (InFunc) {
        emit(T, TokenRole::LocalVariable);
        declareLocal(T.Text);
        return;
      }
      if (FileScope) {
        emit(T, Code[P.Start].isIdent("typedef") ? TokenRole::Typedef
                                                 : TokenRole::Variable);
        return;
      }
      return Use(TokenRole::Reference);
    }

    if (Next && Next->is(tok::l_paren)) {
      Prefix P = declPrefix(int(I) - 1);
      if (FileScope && PTop < 0 && P.Ok) {
        if (Code[P.Start].isIdent("typedef")) {
          emit(T, TokenRole::Typedef);
          return;
        }
        int Close = Match[I + 1];
        unsigned After =
            Close < 0 ? Code.size() : skipAttributesForward(Close + 1);
        bool Body = After < Code.size() && Code[After].is(tok::l_brace);
        ScannedToken &S = emit(T, Body ? TokenRole::FunctionDefinition
                                       : TokenRole::FunctionPrototype);
        S.Signature = signature(P, I, I + 1);
        return;
      }
      if ((FileScope || InAggregate) && PTop >= 0 && P.Ok &&
          isDeclaratorParams(PTop)) {
        emit(T, TokenRole::Parameter);
        declareParam(PTop, T.Text);
        return;
      }
      return Use(TokenRole::Call);
    }

    bool DeclaratorEnd = !Next || Next->is(tok::semi) || Next->is(tok::comma) ||
                         Next->is(tok::r_paren) || Next->is(tok::l_square) ||
                         Next->is(tok::equal) || Next->is(tok::colon) ||
                         (Next->isIdent() && Next->Text.startswith("__"));
    Prefix P = declPrefix(int(I) - 1);
    if (!P.Ok || !DeclaratorEnd)
      return Use(TokenRole::Reference);
    if (PTop >= 0) {
      if (isDeclaratorParams(PTop)) {
        emit(T, TokenRole::Parameter);
        declareParam(PTop, T.Text);
        return;
      }
      if (InFunc && PTop >= 1 && Code[PTop - 1].isIdent("for")) {
        emit(T, TokenRole::LocalVariable);
        declareLocal(T.Text);
        return;
      }
      return Use(TokenRole::Reference);
    }
    if (InAggregate) {
      emit(T, TokenRole::Field).InUnion = Ctx == Open::Union;
      return;
    }
    if (InFunc) {
      emit(T, TokenRole::LocalVariable);
      declareLocal(T.Text);
      return;
    }
    if (FileScope) {
      emit(T, Code[P.Start].isIdent("typedef") ? TokenRole::Typedef
                                               : TokenRole::Variable);
      return;
    }
    Use(TokenRole::Reference);
  }

  void close(tok::TokenKind Want) {
    Open Kind = Want == tok::l_paren    ? Open::Paren
                : Want == tok::l_square ? Open::Bracket
                                        : Open::Block;
    for (size_t K = Stack.size(); K-- > 0;) {
      bool Same =
          Kind == Open::Block ? isBrace(Stack[K].Kind) : Stack[K].Kind == Kind;
      if (Same) {
        Stack.resize(K);
        return;
      }
    }
  }

  void walk() {
    for (unsigned I = 0; I < Code.size(); ++I) {
      const Tk &T = Code[I];
      switch (T.Kind) {
      case tok::l_paren:
        Stack.push_back({Open::Paren, I, {}, {}});
        break;
      case tok::l_square:
        Stack.push_back({Open::Bracket, I, {}, {}});
        break;
      case tok::l_brace: {
        Open Kind = braceKind(I);
        BraceKind[I] = Kind;
        Frame F{Kind, I, {}, {}};
        if (Kind == Open::FunctionBody) {
          auto It = ParamsOf.find(functionParams(I));
          if (It != ParamsOf.end())
            F.Params = It->second;
        }
        Stack.push_back(std::move(F));
        break;
      }
      case tok::r_paren:
        close(tok::l_paren);
        break;
      case tok::r_square:
        close(tok::l_square);
        break;
      case tok::r_brace:
        close(tok::l_brace);
        // A '}' in column 1 ends a top-level definition in kernel style:
        // recover there from braces that #if branches left unbalanced.
        if (T.Offset == 0 || Buffer[T.Offset - 1] == '\n')
          Stack.clear();
        break;
      case tok::raw_identifier:
        if (wanted(T))
          classify(I);
        break;
      default:
        break;
      }
    }
  }
};

} // namespace

std::vector<ScannedToken> scanIdentifiers(llvm::StringRef Buffer,
                                          llvm::ArrayRef<std::string> Names) {
  // The lexer wants a null-terminated buffer.
  std::string Copy = Buffer.str();
  std::vector<ScannedToken> Tokens =
      Scanner(llvm::StringRef(Copy.c_str(), Copy.size()), Names).run();
  return Tokens;
}

} // namespace pgmigrate
