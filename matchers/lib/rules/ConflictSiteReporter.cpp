//===- ConflictSiteReporter.cpp -------------------------------------------===//

#include "rules/ConflictSiteReporter.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/Rules.h"
#include "rules/NameConflictsRule.h"
#include "support/FindingBuilder.h"
#include "support/TokenSpelling.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pgmigrate {

RenameVoice nameConflictsVoice(const MigrationOptions &Options) {
  return {NameConflictsRule::Name, Options.RenameConflicts, conflictMessage,
          conflictRefusal, ""};
}

ConflictSiteReporter::Place ConflictSiteReporter::place(SourceLocation Loc,
                                                        llvm::StringRef Name,
                                                        bool AllowBody) const {
  TokenSpelling S = spellToken(Loc, SM, LangOpts);
  if (S.inMacroBody()) {
    if (AllowBody && S.BodyLoc.isValid())
      return checkSpelling({S.BodyLoc, ""}, Name);
    return {S.BodyLoc.isValid() ? S.BodyLoc : SM.getExpansionLoc(Loc),
            "it is written in the body of macro '" + S.BodyMacro +
                "'; rename it by hand"};
  }
  if (S.FileLoc.isInvalid())
    return {SM.getExpansionLoc(Loc),
            "its name is not spelled in a file (token pasting?); rename "
            "it by hand"};
  return checkSpelling({S.FileLoc, ""}, Name);
}

ConflictSiteReporter::Place
ConflictSiteReporter::checkSpelling(Place P, llvm::StringRef Name) const {
  bool Invalid = false;
  const char *Text = SM.getCharacterData(P.At, &Invalid);
  if (Invalid || llvm::StringRef(Text).substr(0, Name.size()) != Name ||
      isAsciiIdentifierContinue(Text[Name.size()]))
    P.Reason = "its name is spelled differently here (token pasting or an "
               "escaped newline); rename it by hand";
  return P;
}

bool ConflictSiteReporter::taken(llvm::StringRef NewName,
                                 ConflictScope Scope) const {
  IdentifierInfo *II = Ctx.Idents.find(NewName) != Ctx.Idents.end()
                           ? &Ctx.Idents.get(NewName)
                           : nullptr;
  if (!II)
    return false;
  if (PP && II->hasMacroDefinition())
    return true;
  return Scope == ConflictScope::File &&
         !Ctx.getTranslationUnitDecl()->lookup(DeclarationName(II)).empty();
}

std::string ConflictSiteReporter::takenReason(llvm::StringRef NewName,
                                              ConflictScope Scope) const {
  return newNameTaken(NewName, "declared in this translation unit", Scope);
}

std::string ConflictSiteReporter::where(SourceLocation Loc) const {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "?";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine());
}

void ConflictSiteReporter::emit(const Place &P, llvm::StringRef Name,
                                llvm::StringRef What, llvm::StringRef NewName,
                                llvm::StringRef Refusal) {
  if (absoluteFilePath(P.At, SM).empty())
    return; // the command line, builtins
  bool Rename = Refusal.empty() && P.Reason.empty() && Voice.Rename;
  std::string Message = !P.Reason.empty() ? Voice.Refusal(Name, What, P.Reason)
                        : !Refusal.empty()
                            ? Voice.Refusal(Name, What, Refusal)
                            : Voice.Message(Name, What, NewName, Rename);
  Finding F = makeFinding(
      Voice.Rule, Rename ? FindingKind::Converted : FindingKind::Refused, P.At,
      SM, Message);
  F.SiteLength = Name.size();
  F.WholeRename = Voice.WholeRename;
  if (Rename)
    F.Replacements.push_back(
        makeReplacement(P.At, P.At.getLocWithOffset(Name.size()), NewName, SM));
  auto Key = std::make_tuple(F.FilePath, F.Offset, F.Message);
  if (!Emitted.insert(Key).second)
    return;
  Sink.report(std::move(F));
}

} // namespace pgmigrate
