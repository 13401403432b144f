//===- GfpExpression.h - Editing a gfp mask as written ----------*- C++ -*-===//
//
// pgtable_alloc() always zeroes, so a written "| __GFP_ZERO" becomes noise.
// This removes such a flag from the text of a gfp expression when that is
// plainly correct: the expression is an OR of operands at its top level (or
// inside parentheses that wrap an OR), and the flag is one of them. The
// text is split where Clang's raw lexer splits it; the OR chain itself is
// ours (the text is not a parsed expression).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_GFPEXPRESSION_H
#define PGMIGRATE_GFPEXPRESSION_H

#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pgmigrate {

/// Expr without the OR operand Flag ("GFP_KERNEL | __GFP_ZERO" ->
/// "GFP_KERNEL"), keeping the rest as written; parentheses left around a
/// lone identifier go too. std::nullopt when Flag is not an operand of a
/// top-level OR, when removing it would leave nothing, or when the text is
/// not plainly an OR chain (a lower-precedence operator such as ?:, &&, ||,
/// =, or a comma at the same level).
std::optional<std::string> dropGfpFlag(llvm::StringRef Expr,
                                       llvm::StringRef Flag);

/// Whether a token of Kind ends a plain OR chain at its top level:
/// assignments, ?:, ||, && and the comma bind looser than |.
bool breaksOrChain(clang::tok::TokenKind Kind);

} // namespace pgmigrate

#endif // PGMIGRATE_GFPEXPRESSION_H
