//===- ConflictScanner.h - Identifier tokens without preprocessing -*- C++
//-*-===//
//
// The lexical half of rule "name-conflicts": finds the identifier tokens
// equal to some names in one file with clang's Lexer in raw mode (no
// preprocessing, no includes, every #if branch) and tells from the tokens
// around each what it is: a definition, a prototype, a macro definition, a
// call, a member access, a parameter, ... Comments and string literals are
// never tokens of their own, so never matches.
//
// This reaches files no compile database covers (arches clang cannot
// build) and code no configuration compiles. It is a classifier, not a
// parser: it knows C's declaration shapes as the kernel writes them.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_CONFLICTSCANNER_H
#define PGMIGRATE_CONFLICTSCANNER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pgmigrate {

enum class TokenRole {
  /// Declarations.
  FunctionDefinition,       ///< NAME(...) { at file scope
  FunctionPrototype,        ///< type NAME(...); at file scope
  FunctionMacroDefinition,  ///< #define NAME(
  ObjectMacroDefinition,    ///< #define NAME
  Parameter,                ///< (type NAME, ...) of a declarator
  FunctionPointerParameter, ///< (type (*NAME)(...), ...) of a declarator
  Field,                    ///< struct/union { type NAME; }
  Variable,                 ///< type NAME; at file scope
  LocalVariable,            ///< type NAME; in a function body
  Typedef,                  ///< typedef type NAME;
  Enumerator,               ///< enum { NAME, }
  /// Uses.
  Call,           ///< NAME( in an expression
  MemberAccess,   ///< .NAME or ->NAME (also a designator .NAME =)
  MacroReference, ///< #ifdef/#ifndef/#undef NAME, NAME in #if/#elif
  Reference,      ///< any other use: an argument, an address, a test
};

/// "function definition", "call", ...
llvm::StringRef describe(TokenRole Role);

/// True for the roles that declare the name.
bool isDeclaration(TokenRole Role);

/// For a use in a function body: what declares the name there.
enum class TokenBinding {
  None,      ///< nothing in the function: a file-scope name
  Parameter, ///< a parameter of the enclosing function definition
  Local,     ///< a variable declared earlier in an enclosing block
};

struct ScannedToken {
  std::string Name;
  /// 0-based byte offset; 1-based line and column (in bytes).
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  TokenRole Role = TokenRole::Reference;
  /// In the replacement list of a #define (not the macro's own name).
  bool InMacroBody = false;
  TokenBinding Binding = TokenBinding::None;
  /// Field: declared in a union.
  bool InUnion = false;
  /// FunctionDefinition/FunctionPrototype: the type without storage class,
  /// attributes or parameter names, e.g. "void *(gfp_t, unsigned int)".
  std::string Signature;
  /// Function-like or object-like macro definition: the replacement list
  /// as written (continuation lines kept).
  std::string MacroBody;
};

/// Every identifier token of Buffer spelled as one of Names, in order.
std::vector<ScannedToken> scanIdentifiers(llvm::StringRef Buffer,
                                          llvm::ArrayRef<std::string> Names);

} // namespace pgmigrate

#endif // PGMIGRATE_CONFLICTSCANNER_H
