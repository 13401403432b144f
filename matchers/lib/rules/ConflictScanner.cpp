//===- ConflictScanner.cpp ------------------------------------------------===//
//
// Two passes over the raw tokens of one file. The first (FileTokens) lexes,
// sets the preprocessor directives apart and matches brackets. The second,
// here, classifies the wanted identifiers of each directive, then walks the
// code tokens with a stack of open brackets, each brace knowing what it
// opens (function body, block, struct, enum, initializer), and classifies
// every wanted identifier from the tokens around it (DeclarationShapes) and
// that stack.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ConflictScanner.h"
#include "rules/DeclarationShapes.h"
#include "rules/FileTokens.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

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

bool isBrace(Open O) { return O != Open::Paren && O != Open::Bracket; }

struct Frame {
  Open Kind;
  unsigned Index;
  /// FunctionBody: the clashing names among its parameters.
  llvm::SmallVector<llvm::StringRef, 2> Params;
  /// FunctionBody/Block: the clashing names declared in it so far.
  llvm::SmallVector<llvm::StringRef, 2> Locals;
};

/// Where a code token is: what the stack of open brackets says about it.
struct Context {
  /// The nearest enclosing brace's kind (Initializer at file scope).
  Open Brace = Open::Initializer;
  bool FileScope = true;
  /// In a struct or union body.
  bool InAggregate = false;
  /// In a function body or a block in one.
  bool InFunction = false;
  /// The innermost '(' opened since the nearest brace, or -1.
  int ParenTop = -1;
};

class Scanner {
public:
  Scanner(llvm::StringRef Buffer, llvm::ArrayRef<std::string> Names)
      : Tokens(Buffer), Code(Tokens.Code), Match(Tokens.Match),
        Shapes(Tokens, BraceKind) {
    for (const std::string &Name : Names)
      Wanted.insert(Name);
  }

  std::vector<ScannedToken> run() {
    for (const std::vector<FileToken> &D : Tokens.Directives)
      directive(D);
    walk();
    llvm::sort(Out, [](const ScannedToken &A, const ScannedToken &B) {
      return A.Offset < B.Offset;
    });
    return std::move(Out);
  }

private:
  FileTokens Tokens;
  const std::vector<FileToken> &Code;
  const std::vector<int> &Match;
  llvm::StringSet<> Wanted;
  /// What each opening brace of Code opens, once walked.
  llvm::DenseMap<unsigned, Open> BraceKind;
  DeclarationShapes Shapes;
  /// Clashing parameter names by the index of their list's '('.
  llvm::DenseMap<unsigned, llvm::SmallVector<llvm::StringRef, 2>> ParamsOf;
  std::vector<Frame> Stack;
  std::vector<ScannedToken> Out;

  bool wanted(const FileToken &T) const {
    return T.isIdent() && Wanted.count(T.Text);
  }

  ScannedToken &emit(const FileToken &T, TokenRole Role) {
    ScannedToken S;
    S.Name = T.Text.str();
    S.Offset = T.Offset;
    std::tie(S.Line, S.Column) = Tokens.lineAndColumn(T.Offset);
    S.Role = Role;
    Out.push_back(std::move(S));
    return Out.back();
  }

  // Directives.
  void directive(llvm::ArrayRef<FileToken> D);
  void defineDirective(llvm::ArrayRef<FileToken> D);

  // The bracket stack.
  const Frame *braceFrame() const;
  bool inFunction() const;
  int parenTop() const;
  int parenAround(size_t Pos) const;
  Context context() const;
  Open braceKind(unsigned B) const;
  void open(unsigned I);
  void close(tok::TokenKind Want);
  void walk();

  // Bindings of parameters and locals.
  TokenBinding bindingOf(llvm::StringRef Name) const;
  void declareLocal(llvm::StringRef Name);
  void declareParam(int ListParen, llvm::StringRef Name);

  // Classification of a wanted identifier of the code.
  void classify(unsigned I);
  void use(unsigned I, TokenRole Role, const Context &Ctx);
  void declareInScope(unsigned I, const DeclPrefix &P, const Context &Ctx);
  void classifyPointerDeclarator(unsigned I, const Context &Ctx);
  void classifyBeforeParen(unsigned I, const Context &Ctx);
  void classifyDeclarator(unsigned I, const Context &Ctx);
};

// #define, #undef, #ifdef, #ifndef, #if, #elif: the names they mention.
void Scanner::directive(llvm::ArrayRef<FileToken> D) {
  if (D.empty() || !D[0].isIdent())
    return;
  llvm::StringRef Kind = D[0].Text;
  if (Kind == "define")
    return defineDirective(D);
  if (Kind == "undef" || Kind == "ifdef" || Kind == "ifndef" ||
      Kind == "elifdef" || Kind == "elifndef") {
    if (D.size() > 1 && wanted(D[1]))
      emit(D[1], TokenRole::MacroReference);
    return;
  }
  if (Kind == "if" || Kind == "elif")
    for (const FileToken &T : D.drop_front())
      if (wanted(T))
        emit(T, TokenRole::MacroReference);
}

// #define NAME[(PARAMS)] BODY: the macro, its parameters and the names its
// body mentions.
void Scanner::defineDirective(llvm::ArrayRef<FileToken> D) {
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
      S.MacroBody = Tokens.buffer().slice(D[Body].Offset, D.back().end()).str();
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
}

// The nearest enclosing brace's kind, or nullptr at file scope.
const Frame *Scanner::braceFrame() const {
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
    if (isBrace(It->Kind))
      return &*It;
  return nullptr;
}

bool Scanner::inFunction() const {
  return llvm::any_of(Stack, [](const Frame &F) {
    return F.Kind == Open::FunctionBody || F.Kind == Open::Block;
  });
}

// The innermost '(' opened since the nearest brace, or -1.
int Scanner::parenTop() const {
  if (Stack.empty() || Stack.back().Kind != Open::Paren)
    return -1;
  return Stack.back().Index;
}

// The '(' around the one at stack position Pos (the innermost is
// Stack.size() - 1), or -1.
int Scanner::parenAround(size_t Pos) const {
  if (Pos == 0 || Stack[Pos - 1].Kind != Open::Paren)
    return -1;
  return Stack[Pos - 1].Index;
}

Context Scanner::context() const {
  Context Ctx;
  const Frame *Brace = braceFrame();
  Ctx.Brace = Brace ? Brace->Kind : Open::Initializer;
  Ctx.FileScope = !Brace;
  Ctx.InAggregate = Ctx.Brace == Open::Aggregate || Ctx.Brace == Open::Union;
  Ctx.InFunction = inFunction();
  Ctx.ParenTop = parenTop();
  return Ctx;
}

// What an opening brace at Code[B] opens.
Open Scanner::braceKind(unsigned B) const {
  const Frame *Outer = braceFrame();
  const FileToken *Prev = B > 0 ? &Code[B - 1] : nullptr;
  if (Prev && Prev->is(tok::equal))
    return Open::Initializer;
  if (Outer && Outer->Kind == Open::Initializer && Prev &&
      (Prev->is(tok::comma) || Prev->is(tok::l_brace) || Prev->is(tok::equal)))
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
  if (!Outer && Shapes.functionParams(B) >= 0)
    return Open::FunctionBody;
  return Open::Initializer;
}

void Scanner::open(unsigned I) {
  switch (Code[I].Kind) {
  case tok::l_paren:
    Stack.push_back({Open::Paren, I, {}, {}});
    return;
  case tok::l_square:
    Stack.push_back({Open::Bracket, I, {}, {}});
    return;
  default:
    break;
  }
  Open Kind = braceKind(I);
  BraceKind[I] = Kind;
  Frame F{Kind, I, {}, {}};
  if (Kind == Open::FunctionBody) {
    auto It = ParamsOf.find(Shapes.functionParams(I));
    if (It != ParamsOf.end())
      F.Params = It->second;
  }
  Stack.push_back(std::move(F));
}

void Scanner::close(tok::TokenKind Want) {
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

void Scanner::walk() {
  for (unsigned I = 0; I < Code.size(); ++I) {
    const FileToken &T = Code[I];
    switch (T.Kind) {
    case tok::l_paren:
    case tok::l_square:
    case tok::l_brace:
      open(I);
      break;
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
      if (T.Offset == 0 || Tokens.buffer()[T.Offset - 1] == '\n')
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

TokenBinding Scanner::bindingOf(llvm::StringRef Name) const {
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
    if (llvm::is_contained(It->Locals, Name))
      return TokenBinding::Local;
    if (It->Kind == Open::FunctionBody && llvm::is_contained(It->Params, Name))
      return TokenBinding::Parameter;
  }
  return TokenBinding::None;
}

void Scanner::declareLocal(llvm::StringRef Name) {
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
    if (It->Kind == Open::FunctionBody || It->Kind == Open::Block) {
      It->Locals.push_back(Name);
      return;
    }
}

void Scanner::declareParam(int ListParen, llvm::StringRef Name) {
  if (ListParen >= 0)
    ParamsOf[ListParen].push_back(Name);
}

void Scanner::classify(unsigned I) {
  const FileToken *Prev = I > 0 ? &Code[I - 1] : nullptr;
  const FileToken *Next = I + 1 < Code.size() ? &Code[I + 1] : nullptr;
  Context Ctx = context();
  if (Prev && (Prev->is(tok::period) || Prev->is(tok::arrow)))
    return use(I, TokenRole::MemberAccess, Ctx);
  if (!Ctx.FileScope && Ctx.Brace == Open::Enum && Ctx.ParenTop < 0 && Prev &&
      (Prev->is(tok::l_brace) || Prev->is(tok::comma))) {
    emit(Code[I], TokenRole::Enumerator);
    return;
  }
  // (*NAME): a function-pointer declarator, or a call through a pointer.
  if (Prev && Prev->is(tok::star) && I >= 2 && Code[I - 2].is(tok::l_paren) &&
      Next && Next->is(tok::r_paren))
    return classifyPointerDeclarator(I, Ctx);
  if (Next && Next->is(tok::l_paren))
    return classifyBeforeParen(I, Ctx);
  classifyDeclarator(I, Ctx);
}

// A use: its binding in a function body.
void Scanner::use(unsigned I, TokenRole Role, const Context &Ctx) {
  ScannedToken &S = emit(Code[I], Role);
  if (Ctx.InFunction && Role != TokenRole::MemberAccess)
    S.Binding = bindingOf(Code[I].Text);
}

// A declarator outside parameter lists: a field, a local, a file-scope
// variable or typedef, or else a use.
void Scanner::declareInScope(unsigned I, const DeclPrefix &P,
                             const Context &Ctx) {
  const FileToken &T = Code[I];
  if (Ctx.InAggregate) {
    emit(T, TokenRole::Field).InUnion = Ctx.Brace == Open::Union;
    return;
  }
  if (Ctx.InFunction) {
    emit(T, TokenRole::LocalVariable);
    declareLocal(T.Text);
    return;
  }
  if (Ctx.FileScope) {
    emit(T, Code[P.Start].isIdent("typedef") ? TokenRole::Typedef
                                             : TokenRole::Variable);
    return;
  }
  use(I, TokenRole::Reference, Ctx);
}

// (*NAME) after declaration specifiers: a function-pointer parameter, field,
// local or variable; otherwise a call or a use through a pointer.
void Scanner::classifyPointerDeclarator(unsigned I, const Context &Ctx) {
  DeclPrefix P = Shapes.declPrefix(int(I) - 3);
  if (!P.Ok)
    return use(I,
               I + 2 < Code.size() && Code[I + 2].is(tok::l_paren)
                   ? TokenRole::Call
                   : TokenRole::Reference,
               Ctx);
  int Outer = parenAround(Stack.size() - 1);
  if (Outer >= 0) {
    if (!Shapes.isDeclaratorParams(Outer))
      return use(I, TokenRole::Reference, Ctx);
    emit(Code[I], TokenRole::FunctionPointerParameter);
    declareParam(Outer, Code[I].Text);
    return;
  }
  declareInScope(I, P, Ctx);
}

// NAME(: a function definition, prototype or typedef at file scope, a
// parameter of a declarator, or a call.
void Scanner::classifyBeforeParen(unsigned I, const Context &Ctx) {
  const FileToken &T = Code[I];
  DeclPrefix P = Shapes.declPrefix(int(I) - 1);
  if (Ctx.FileScope && Ctx.ParenTop < 0 && P.Ok) {
    if (Code[P.Start].isIdent("typedef")) {
      emit(T, TokenRole::Typedef);
      return;
    }
    int Close = Match[I + 1];
    unsigned After =
        Close < 0 ? Code.size() : Shapes.skipAttributesForward(Close + 1);
    bool Body = After < Code.size() && Code[After].is(tok::l_brace);
    ScannedToken &S = emit(T, Body ? TokenRole::FunctionDefinition
                                   : TokenRole::FunctionPrototype);
    S.Signature = Shapes.signature(P, I, I + 1);
    return;
  }
  if ((Ctx.FileScope || Ctx.InAggregate) && Ctx.ParenTop >= 0 && P.Ok &&
      Shapes.isDeclaratorParams(Ctx.ParenTop)) {
    emit(T, TokenRole::Parameter);
    declareParam(Ctx.ParenTop, T.Text);
    return;
  }
  use(I, TokenRole::Call, Ctx);
}

// NAME followed by what ends a declarator, after declaration specifiers: a
// parameter, a for-loop variable, a field, a local or a file-scope name;
// anything else is a use.
void Scanner::classifyDeclarator(unsigned I, const Context &Ctx) {
  const FileToken &T = Code[I];
  const FileToken *Next = I + 1 < Code.size() ? &Code[I + 1] : nullptr;
  bool DeclaratorEnd = !Next || Next->is(tok::semi) || Next->is(tok::comma) ||
                       Next->is(tok::r_paren) || Next->is(tok::l_square) ||
                       Next->is(tok::equal) || Next->is(tok::colon) ||
                       (Next->isIdent() && Next->Text.startswith("__"));
  DeclPrefix P = Shapes.declPrefix(int(I) - 1);
  if (!P.Ok || !DeclaratorEnd)
    return use(I, TokenRole::Reference, Ctx);
  int PTop = Ctx.ParenTop;
  if (PTop < 0)
    return declareInScope(I, P, Ctx);
  if (Shapes.isDeclaratorParams(PTop)) {
    emit(T, TokenRole::Parameter);
    declareParam(PTop, T.Text);
    return;
  }
  if (Ctx.InFunction && PTop >= 1 && Code[PTop - 1].isIdent("for")) {
    emit(T, TokenRole::LocalVariable);
    declareLocal(T.Text);
    return;
  }
  use(I, TokenRole::Reference, Ctx);
}

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
