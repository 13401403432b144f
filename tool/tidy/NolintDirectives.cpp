//===- NolintDirectives.cpp -----------------------------------------------===//

#include "NolintDirectives.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace pgmigrate::tidy {

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc,
                          llvm::StringRef CheckName) {
  if (Loc.isInvalid())
    return false;
  // clang-tidy's own NoLintDirectiveHandler decides, as it will for the
  // emitted diagnostic. It judges a diagnostic in flight, so one is put in
  // flight at Loc in a private engine whose consumer drops it.
  DiagnosticsEngine Engine(new DiagnosticIDs, new DiagnosticOptions,
                           new IgnoringDiagConsumer);
  Engine.setSourceManager(const_cast<SourceManager *>(&SM));
  DiagnosticBuilder InFlight = Engine.Report(
      Loc, Engine.getCustomDiagID(DiagnosticsEngine::Warning, "site"));
  clang::tidy::NoLintDirectiveHandler Handler;
  // Unmatched NOLINTBEGIN/NOLINTEND: clang-tidy reports those itself.
  llvm::SmallVector<tooling::Diagnostic, 0> DirectiveErrors;
  return Handler.shouldSuppress(DiagnosticsEngine::Warning, Diagnostic(&Engine),
                                CheckName, DirectiveErrors, /*AllowIO=*/true,
                                /*EnableNoLintBlocks=*/true);
}

} // namespace pgmigrate::tidy
