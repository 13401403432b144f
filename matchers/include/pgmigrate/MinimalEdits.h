//===- MinimalEdits.h - Edits that leave the user's text alone --*- C++ -*-===//
//
// The rules replace a whole call ("(pte_t *)get_zeroed_page(GFP_KERNEL)" by
// "pgtable_alloc(GFP_KERNEL, 0)"). Written that way into YAML, JSON or
// SARIF, an edit re-spells the user's arguments: their comments, their
// bytes (a byte that is not UTF-8 cannot even be carried). This splits each
// edit into the smallest edits that give the same text: a diff over tokens
// (identifier and number runs, whitespace runs, single other bytes) keeps
// what old and new text share, so what remains is the callee token, the
// cast, the added order argument.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_MINIMALEDITS_H
#define PGMIGRATE_MINIMALEDITS_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate {

/// Edits that turn Old into the same text as Edits do, each edit of Edits
/// split where old and new text share tokens. Edits as they are when they
/// do not apply to Old.
clang::tooling::Replacements
minimalEdits(llvm::StringRef Old, const clang::tooling::Replacements &Edits);

} // namespace pgmigrate

#endif // PGMIGRATE_MINIMALEDITS_H
