//===- DeclarationShapes.h - C declaration shapes in raw tokens -*- C++ -*-===//
//
// The ConflictScanner's reading of C declarations as the kernel writes
// them, on the raw tokens of one file: declaration specifiers before a name,
// attribute groups, parameter lists of declarators, the parameters before
// a function body, and a function's signature as text. Walks tokens only;
// what each brace opens is the scanner's, which it passes in.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_DECLARATIONSHAPES_H
#define PGMIGRATE_RULES_DECLARATIONSHAPES_H

#include "rules/FileTokens.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace pgmigrate {

/// What an open bracket opens.
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

/// Keywords that cannot be part of a declaration's specifiers: a name after
/// them is used, not declared.
bool isStatementKeyword(llvm::StringRef S);
/// The keywords of C's built-in types and their qualifiers.
bool isTypeKeyword(llvm::StringRef S);

/// The declaration specifiers before a name.
struct DeclPrefix {
  bool Ok = false;
  /// The first token of the declaration.
  unsigned Start = 0;
};

class DeclarationShapes {
public:
  /// BraceKinds: what each opening brace of Tokens.Code walked so far opens.
  DeclarationShapes(const FileTokens &Tokens,
                    const llvm::DenseMap<unsigned, Open> &BraceKinds)
      : Code(Tokens.Code), Match(Tokens.Match), Buffer(Tokens.buffer()),
        BraceKinds(BraceKinds) {}

  /// An attribute-like group ending at Code[Close] (a ')'):
  /// __attribute__((...)), __IDENT(...) among declaration specifiers
  /// (__alias(f), __aligned(8)), or __IDENT(...) right after a
  /// declarator's ')' (__acquires(x)). Returns the index before it, or -1
  /// when it is not one.
  int skipAttributeBack(unsigned Close, bool InSpecifiers = false) const;

  /// Walks back from Code[From] over declaration specifiers (identifiers
  /// that are not statement keywords, '*', attribute groups). Ok when it
  /// reaches the start of a declaration (';', '{', '}', ',', '(' or the
  /// file start) after at least one identifier.
  DeclPrefix declPrefix(int From) const;

  /// Whether the '(' at Code[P] opens the parameter list of a declarator:
  /// NAME( after declaration specifiers, or (*NAME)(.
  bool isDeclaratorParams(int P) const;

  /// Past attribute groups and bare attributes after a declarator's ')'.
  unsigned skipAttributesForward(unsigned K) const;

  /// For a '{' at file scope: the '(' of the parameter list it follows, or
  /// -1.
  int functionParams(unsigned B) const;

  /// The function type declared by the specifiers P, the name at
  /// Code[Name] and the parameter list at Code[LParen], without storage
  /// class, attributes or parameter names: "void *(gfp_t, unsigned int)".
  std::string signature(const DeclPrefix &P, unsigned Name,
                        unsigned LParen) const;

private:
  std::string returnType(const DeclPrefix &P, unsigned Name) const;
  std::string parameterTypes(unsigned LParen, int Close) const;

  const std::vector<FileToken> &Code;
  const std::vector<int> &Match;
  llvm::StringRef Buffer;
  const llvm::DenseMap<unsigned, Open> &BraceKinds;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_DECLARATIONSHAPES_H
