//===- SourceSummary.cpp --------------------------------------------------===//

#include "SourceSummary.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace pgmigrate {

namespace {

bool isIdentifierStart(char C) { return llvm::isAlpha(C) || C == '_'; }
bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

// A token of a directive: an identifier, a pp-number, a string or a
// punctuator ("##" is one).
struct DirectiveToken {
  enum KindType { Identifier, Number, String, Punct } Kind;
  llvm::StringRef Text;
  bool SpaceBefore = false;
};

std::vector<DirectiveToken> lexDirective(llvm::StringRef D) {
  std::vector<DirectiveToken> Tokens;
  size_t I = 0;
  bool Space = false;
  while (I < D.size()) {
    char C = D[I];
    if (llvm::isSpace(C)) {
      Space = true;
      ++I;
      continue;
    }
    size_t J = I + 1;
    DirectiveToken::KindType Kind = DirectiveToken::Punct;
    if (isIdentifierStart(C)) {
      Kind = DirectiveToken::Identifier;
      while (J < D.size() && isIdentifierChar(D[J]))
        ++J;
    } else if (llvm::isDigit(C) ||
               (C == '.' && J < D.size() && llvm::isDigit(D[J]))) {
      Kind = DirectiveToken::Number;
      while (J < D.size() && (isIdentifierChar(D[J]) || D[J] == '.' ||
                              ((D[J] == '+' || D[J] == '-') &&
                               llvm::StringRef("eEpP").contains(D[J - 1]))))
        ++J;
    } else if (C == '"' || C == '\'') {
      Kind = DirectiveToken::String;
      while (J < D.size() && D[J] != C)
        J += D[J] == '\\' ? 2 : 1;
      J = std::min(J + 1, D.size());
    } else if (C == '#' && J < D.size() && D[J] == '#') {
      J = I + 2;
    }
    Tokens.push_back({Kind, D.slice(I, J), Space});
    Space = false;
    I = J;
  }
  return Tokens;
}

// The end of the comment at I ("/*" or "//").
size_t commentEnd(llvm::StringRef Text, size_t I) {
  if (Text[I + 1] == '*') {
    size_t End = Text.find("*/", I + 2);
    return End == llvm::StringRef::npos ? Text.size() : End + 2;
  }
  // A // comment goes on over a line splice.
  size_t J = I + 2;
  while (J < Text.size() && Text[J] != '\n')
    J += Text[J] == '\\' && J + 1 < Text.size() ? 2 : 1;
  return J;
}

// The end of the string or character literal that starts at I (at the end
// of its line when it is not closed there).
size_t literalEnd(llvm::StringRef Text, size_t I) {
  size_t J = I + 1;
  while (J < Text.size() && Text[J] != Text[I] && Text[J] != '\n')
    J += Text[J] == '\\' ? 2 : 1;
  return std::min(J + 1, Text.size());
}

// A ## run's pattern for one invocation (Args empty: for any).
std::string instantiate(const std::vector<SourceSummary::PastePiece> &Run,
                        const MacroArguments &Args,
                        const SourceSummary::Macro *Enclosing,
                        const SourceSummary::Macro &M) {
  std::string Pattern;
  for (const SourceSummary::PastePiece &P : Run) {
    std::string Text = P.Text;
    if (P.Param >= 0) {
      Text.clear();
      bool Variadic = M.Variadic && size_t(P.Param) + 1 == M.Params.size();
      if (size_t(P.Param) < Args.size() && !Variadic &&
          Args[P.Param].size() == 1) {
        const std::string &Arg = Args[P.Param].front();
        bool Word = !Arg.empty() && (llvm::isAlnum(Arg[0]) || Arg[0] == '_');
        bool OfEnclosing =
            Enclosing && llvm::is_contained(Enclosing->Params, Arg);
        if (Word && !OfEnclosing)
          Text = Arg;
      }
    }
    if (!Text.empty())
      Pattern += Text;
    else if (Pattern.empty() || Pattern.back() != '*')
      Pattern += '*';
  }
  return Pattern;
}

// The identifiers inside a string literal's text.
template <typename Fn> void forEachWord(llvm::StringRef Text, Fn Add) {
  size_t I = 0;
  while (I < Text.size()) {
    if (!isIdentifierStart(Text[I])) {
      ++I;
      continue;
    }
    size_t J = I + 1;
    while (J < Text.size() && isIdentifierChar(Text[J]))
      ++J;
    Add(Text.slice(I, J));
    I = J;
  }
}

class Summarizer {
public:
  explicit Summarizer(llvm::StringRef Text) : Text(Text) {}

  SourceSummary run() {
    bool LineStart = true;
    size_t I = 0;
    while (I < Text.size()) {
      char C = Text[I];
      if (C == '\n') {
        LineStart = true;
        ++I;
      } else if (llvm::isSpace(C)) {
        ++I;
      } else if (C == '\\' && I + 1 < Text.size() && Text[I + 1] == '\n') {
        I += 2;
      } else if (C == '/' && I + 1 < Text.size() &&
                 (Text[I + 1] == '*' || Text[I + 1] == '/')) {
        I = skipComment(I);
      } else if (C == '#' && LineStart) {
        I = directive(I + 1);
        LineStart = true;
      } else {
        LineStart = false;
        I = codeToken(I);
      }
    }
    // Only what comes before the last #include changes a header.
    Summary.DefinesBeforeLastInclude.resize(DefinesAtLastInclude);
    for (const auto &Entry : Identifiers)
      Summary.Identifiers.push_back(Entry.getKey().str());
    llvm::sort(Summary.Identifiers);
    return std::move(Summary);
  }

private:
  size_t skipComment(size_t I) const { return commentEnd(Text, I); }

  size_t codeToken(size_t I) {
    char C = Text[I];
    size_t J = I + 1;
    if (isIdentifierStart(C)) {
      while (J < Text.size() && isIdentifierChar(Text[J]))
        ++J;
      Identifiers.insert(Text.slice(I, J));
    } else if (llvm::isDigit(C)) {
      while (J < Text.size() &&
             (isIdentifierChar(Text[J]) || Text[J] == '.' ||
              ((Text[J] == '+' || Text[J] == '-') &&
               llvm::StringRef("eEpP").contains(Text[J - 1]))))
        ++J;
    } else if (C == '"' || C == '\'') {
      J = literalEnd(Text, I);
      if (C == '"')
        forEachWord(Text.slice(I + 1, J),
                    [&](llvm::StringRef W) { Identifiers.insert(W); });
    }
    return J;
  }

  // Reads the directive whose text starts at I (after the '#'): up to the
  // end of its logical line, comments as one space. Returns where the next
  // line starts.
  size_t directive(size_t I) {
    std::string D;
    while (I < Text.size() && Text[I] != '\n') {
      char C = Text[I];
      if (C == '\\' && I + 1 < Text.size() && Text[I + 1] == '\n') {
        I += 2;
      } else if (C == '\\' && I + 2 < Text.size() && Text[I + 1] == '\r' &&
                 Text[I + 2] == '\n') {
        I += 3;
      } else if (C == '/' && I + 1 < Text.size() &&
                 (Text[I + 1] == '*' || Text[I + 1] == '/')) {
        I = skipComment(I);
        D += ' ';
      } else if (C == '"' || C == '\'') {
        // Copied whole: a "/*" inside is no comment.
        size_t J = literalEnd(Text, I);
        D.append(Text.data() + I, J - I);
        I = J;
      } else {
        D += C;
        ++I;
      }
    }
    handleDirective(D);
    return I;
  }

  void handleDirective(llvm::StringRef D) {
    std::vector<DirectiveToken> Tokens = lexDirective(D);
    for (const DirectiveToken &T : Tokens) {
      if (T.Kind == DirectiveToken::Identifier)
        Identifiers.insert(T.Text);
      else if (T.Kind == DirectiveToken::String)
        forEachWord(T.Text, [&](llvm::StringRef W) { Identifiers.insert(W); });
    }
    if (Tokens.empty() || Tokens[0].Kind != DirectiveToken::Identifier)
      return;
    llvm::StringRef Name = Tokens[0].Text;
    if (Name == "include" || Name == "include_next" || Name == "import") {
      include(D.drop_front(D.find(Name) + Name.size()).trim(),
              Name == "include_next");
    } else if (Name == "define" && Tokens.size() > 1) {
      define(Tokens);
    } else if (Name == "undef" && Tokens.size() > 1) {
      Summary.DefinesBeforeLastInclude.push_back(
          {Tokens[1].Text.str(), normalised(Tokens), false});
    }
  }

  void include(llvm::StringRef Operand, bool Next) {
    SourceSummary::Include Inc;
    Inc.Next = Next;
    if (Operand.startswith("\"") &&
        Operand.find('"', 1) != llvm::StringRef::npos) {
      Inc.Name = Operand.slice(1, Operand.find('"', 1)).str();
    } else if (Operand.startswith("<") &&
               Operand.find('>') != llvm::StringRef::npos) {
      Inc.Name = Operand.slice(1, Operand.find('>')).str();
      Inc.Angled = true;
    } else {
      if (!Operand.empty())
        Summary.ComputedInclude = true;
      return;
    }
    Summary.Includes.push_back(std::move(Inc));
    DefinesAtLastInclude = Summary.DefinesBeforeLastInclude.size();
  }

  // The directive's tokens, one space where the text had any.
  static std::string normalised(const std::vector<DirectiveToken> &Tokens) {
    std::string Text = "#";
    for (const DirectiveToken &T : Tokens) {
      if (T.SpaceBefore && Text.size() > 1)
        Text += ' ';
      Text += T.Text;
    }
    return Text;
  }

  void define(const std::vector<DirectiveToken> &Tokens) {
    SourceSummary::Macro M;
    M.Name = Tokens[1].Text.str();
    size_t Next = 2;
    // Function-like: '(' right after the name.
    if (Next < Tokens.size() && Tokens[Next].Text == "(" &&
        !Tokens[Next].SpaceBefore) {
      for (++Next; Next < Tokens.size() && Tokens[Next].Text != ")"; ++Next)
        if (Tokens[Next].Kind == DirectiveToken::Identifier) {
          M.Params.push_back(Tokens[Next].Text.str());
        } else if (Tokens[Next].Text == "." && !M.Variadic) {
          M.Variadic = true;
          // "name..." names the variadic parameter; "..." is __VA_ARGS__.
          if (Tokens[Next - 1].Kind != DirectiveToken::Identifier)
            M.Params.push_back("__VA_ARGS__");
        }
      ++Next;
    }
    std::vector<DirectiveToken> Body(
        Tokens.begin() + std::min(Next, Tokens.size()), Tokens.end());
    llvm::StringSet<> BodyIds;
    for (const DirectiveToken &T : Body)
      if (T.Kind == DirectiveToken::Identifier &&
          !llvm::is_contained(M.Params, T.Text))
        BodyIds.insert(T.Text);
    for (const auto &Entry : BodyIds)
      M.Body.push_back(Entry.getKey().str());
    llvm::sort(M.Body);
    // Each run "a ## b ## c", operand by operand, and as a pattern.
    for (size_t I = 0; I + 1 < Body.size(); ++I) {
      if (Body[I + 1].Text != "##" || (I > 0 && Body[I - 1].Text == "##"))
        continue;
      std::vector<SourceSummary::PastePiece> Run;
      auto Piece = [&](const DirectiveToken &T) {
        SourceSummary::PastePiece P;
        auto It = llvm::find(M.Params, T.Text);
        if (It != M.Params.end())
          P.Param = It - M.Params.begin();
        else if (T.Kind == DirectiveToken::Identifier ||
                 T.Kind == DirectiveToken::Number)
          P.Text = T.Text.str();
        else
          P.Param = M.Params.size(); // no parameter's: any text
        Run.push_back(std::move(P));
      };
      Piece(Body[I]);
      for (size_t J = I + 1; J + 1 < Body.size() && Body[J].Text == "##";
           J += 2)
        Piece(Body[J + 1]);
      M.Pastes.push_back(instantiate(Run, {}, nullptr, M));
      M.PasteRuns.push_back(std::move(Run));
    }
    for (const DirectiveToken &T : Body) {
      if (!M.Replacement.empty() && T.SpaceBefore)
        M.Replacement += ' ';
      M.Replacement += T.Text;
    }
    bool FunctionLike = Next > 2;
    bool BuildsAString =
        FunctionLike && !M.Variadic && llvm::all_of(Body, [&](const auto &T) {
          return (T.Kind == DirectiveToken::String && T.Text.front() == '"' &&
                  T.Text.size() > 1 && T.Text.back() == '"') ||
                 (T.Kind == DirectiveToken::Identifier &&
                  (llvm::is_contained(M.Params, T.Text) ||
                   T.Text.startswith("KBUILD_")));
        });
    Summary.DefinesBeforeLastInclude.push_back(
        {M.Name, normalised(Tokens), BuildsAString});
    Summary.Macros.push_back(std::move(M));
  }

  llvm::StringRef Text;
  SourceSummary Summary;
  llvm::StringSet<> Identifiers;
  size_t DefinesAtLastInclude = 0;
};

} // namespace

SourceSummary summarizeSource(llvm::StringRef Text) {
  return Summarizer(Text).run();
}

bool pasteMatches(llvm::StringRef Pattern, llvm::StringRef Name) {
  // Greedy glob matching with backtracking to the last '*'.
  size_t P = 0, N = 0, Star = llvm::StringRef::npos, Mark = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = N;
    } else if (P < Pattern.size() && Pattern[P] == Name[N]) {
      ++P, ++N;
    } else if (Star != llvm::StringRef::npos) {
      P = Star + 1;
      N = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

namespace {

// Text without comments and preprocessor directives (each becomes a
// space), string literals kept whole.
std::string codeOnly(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  bool LineStart = true;
  size_t I = 0;
  auto SkipComment = [&](size_t At) { return commentEnd(Text, At); };
  while (I < Text.size()) {
    char C = Text[I];
    if (C == '/' && I + 1 < Text.size() &&
        (Text[I + 1] == '*' || Text[I + 1] == '/')) {
      I = SkipComment(I);
      Out += ' ';
    } else if (C == '#' && LineStart) {
      while (I < Text.size() && Text[I] != '\n') {
        if (Text[I] == '\\' && I + 1 < Text.size() && Text[I + 1] == '\n')
          I += 2;
        else if (Text[I] == '/' && I + 1 < Text.size() &&
                 (Text[I + 1] == '*' || Text[I + 1] == '/'))
          I = SkipComment(I);
        else
          ++I;
      }
      Out += ' ';
    } else if (C == '"' || C == '\'') {
      size_t J = literalEnd(Text, I);
      Out.append(Text.data() + I, J - I);
      I = J;
      LineStart = false;
    } else {
      if (C == '\n')
        LineStart = true;
      else if (!llvm::isSpace(C))
        LineStart = false;
      Out += C;
      ++I;
    }
  }
  return Out;
}

// The invocations of Name among Tokens: the arguments of each, split at
// commas outside parentheses.
std::vector<MacroArguments>
invocationsIn(const std::vector<DirectiveToken> &Tokens, llvm::StringRef Name) {
  std::vector<MacroArguments> Result;
  for (size_t I = 0; I + 1 < Tokens.size(); ++I) {
    if (Tokens[I].Kind != DirectiveToken::Identifier ||
        Tokens[I].Text != Name || Tokens[I + 1].Text != "(")
      continue;
    MacroArguments Args(1);
    unsigned Depth = 0;
    size_t J = I + 2;
    for (; J < Tokens.size(); ++J) {
      llvm::StringRef T = Tokens[J].Text;
      if (T == ")" && Depth == 0)
        break;
      if (T == "(")
        ++Depth;
      else if (T == ")")
        --Depth;
      if (T == "," && Depth == 0)
        Args.emplace_back();
      else
        Args.back().push_back(T.str());
    }
    Result.push_back(std::move(Args));
    I = J;
  }
  return Result;
}

} // namespace

std::vector<MacroArguments> invocationsOf(llvm::StringRef Name,
                                          llvm::StringRef FileText,
                                          const SourceSummary::Macro *InMacro) {
  if (InMacro)
    return invocationsIn(lexDirective(InMacro->Replacement), Name);
  return invocationsIn(lexDirective(codeOnly(FileText)), Name);
}

std::vector<std::string>
instantiatePastes(const SourceSummary::Macro &M, const MacroArguments &Args,
                  const SourceSummary::Macro *Enclosing) {
  std::vector<std::string> Patterns;
  for (const auto &Run : M.PasteRuns)
    Patterns.push_back(instantiate(Run, Args, Enclosing, M));
  return Patterns;
}

} // namespace pgmigrate
