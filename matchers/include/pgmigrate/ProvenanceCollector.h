//===- ProvenanceCollector.h - The provenance facts of one unit -*- C++ -*-===//
//
// Walks every function body and static initializer of a parsed unit and
// records what it does with values that can hold a page (ProvenanceFacts.h).
// The front ends call it once per unit when a rule that pairs is enabled,
// and hand the facts to the solve (Provenance.h) with the findings.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PROVENANCECOLLECTOR_H
#define PGMIGRATE_PROVENANCECOLLECTOR_H

#include "pgmigrate/ProvenanceFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace pgmigrate {

/// The facts of the unit Context holds. Only the parts that can matter to
/// a solve are kept: what is connected to an allocation or free site, or to
/// a node other units can see (a parameter, a result, a field, a global).
ProvenanceFacts collectProvenanceFacts(clang::ASTContext &Context);

/// The key of an allocation or free call (ProvenanceFacts::Site::Key,
/// Finding::ObjectSite): the file and offset where the call is expanded,
/// and where its first token is spelled when that is in a macro, so that
/// every unit that sees the call names it the same way.
std::string siteKey(const clang::CallExpr *Call,
                    const clang::SourceManager &SM);

/// The same naming for any location: "FILE:OFFSET" where Loc is expanded,
/// "+OFFSET" where it is spelled when that is in a macro (the places of
/// var, read and expr nodes).
std::string placeKey(clang::SourceLocation Loc, const clang::SourceManager &SM);

} // namespace pgmigrate

#endif // PGMIGRATE_PROVENANCECOLLECTOR_H
