//===- GfpFlags.h - What a gfp mask holds -----------------------*- C++ -*-===//
//
// Whether an allocation's gfp mask holds a flag such as __GFP_ZERO, judged
// on the AST: constants are evaluated, the flag is recognised by its macro,
// a local variable is followed to its assignments. Editing the mask's text
// is GfpExpression's job.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_GFPFLAGS_H
#define PGMIGRATE_GFPFLAGS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate {

/// Whether a mask holds a flag: Unknown when the code does not say.
enum class FlagState { Absent, Present, Unknown };

/// Whether the gfp mask E holds the flag named Flag (a macro such as
/// __GFP_ZERO): constants are evaluated, a local variable of Function is
/// followed to its assignments, ORs and ANDs are combined.
FlagState gfpFlag(const clang::Expr *E, llvm::StringRef Flag,
                  const clang::FunctionDecl *Function,
                  clang::ASTContext &Context);

} // namespace pgmigrate

#endif // PGMIGRATE_GFPFLAGS_H
