//===- RuleCheck.cpp ------------------------------------------------------===//

#include "RuleCheck.h"
#include "NolintDirectives.h"
#include "UnitFindings.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/MinimalEdits.h"
#include "pgmigrate/ProvenanceCollector.h"
#include "pgmigrate/Rules.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pgmigrate::tidy {

RuleCheck::RuleCheck(llvm::StringRef CheckName,
                     clang::tidy::ClangTidyContext *Context,
                     const RuleInfo &Info)
    : ClangTidyCheck(CheckName, Context), CheckName(CheckName.str()),
      Info(Info) {
  for (const OptionSpec *Spec : Info.optionSpecs()) {
    std::string Key = Spec->Key.str();
    if (Spec->Type == OptionType::Bool)
      Settings.Values[Key] =
          Options.getLocalOrGlobal<bool>(
              Spec->Key, parseBoolOption(Spec->Default).value_or(false))
              ? "true"
              : "false";
    else
      Settings.Values[Key] =
          Options.getLocalOrGlobal(Spec->Key, Spec->Default).str();
  }
  if (Info.Pairs) {
    llvm::StringRef Scope = Options.getLocalOrGlobal("PairingScope", "run");
    if (std::optional<PairingScope> Parsed = parsePairingScope(Scope)) {
      this->Scope = *Parsed;
    } else {
      configurationDiag("%0: pairing scope '%1' is not 'run' or 'unit'; the "
                        "check does nothing",
                        DiagnosticIDs::Error)
          << CheckName << Scope;
      return;
    }
  }
  if (Info.Pairs) {
    FactsFile = Options.getLocalOrGlobal("FactsFile", "").str();
    if (!FactsFile.empty()) {
      llvm::Expected<const RunDecisions *> Run = loadRunDecisions(FactsFile);
      if (!Run) {
        configurationDiag("%0: cannot use the facts file '%1': %2; the check "
                          "does nothing",
                          DiagnosticIDs::Error)
            << CheckName << FactsFile << llvm::toString(Run.takeError());
        return;
      }
      Decisions = *Run;
    }
  }
  Settings.Rules = Info.Name.str();
  llvm::Expected<MigrationOptions> Resolved = buildOptions(Settings);
  if (!Resolved) {
    configurationDiag("%0: %1; the check does nothing", DiagnosticIDs::Error)
        << CheckName << llvm::toString(Resolved.takeError());
    return;
  }
  TheRule = Info.Create(*Resolved);
  Provenance.StrictFamilies = Resolved->StrictFamilies;
  Provenance.LevelTarget = Resolved->LevelTarget;
}

RuleCheck::~RuleCheck() = default;

void RuleCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const OptionSpec *Spec : Info.optionSpecs()) {
    const std::string &Value = Settings.Values[Spec->Key.str()];
    if (Spec->Type == OptionType::Bool)
      Options.store(Opts, Spec->Key, Value == "true");
    else
      Options.store(Opts, Spec->Key, Value);
  }
  if (Info.Pairs) {
    Options.store(Opts, "PairingScope", pairingScopeName(Scope));
    Options.store(Opts, "FactsFile", FactsFile);
  }
}

void RuleCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                    Preprocessor *ModuleExpanderPP) {
  this->SM = &SM;
  if (TheRule)
    TheRule->registerPPCallbacks(*PP);
}

void RuleCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (TheRule)
    TheRule->registerMatchers(*Finder, this);
}

void RuleCheck::check(const ast_matchers::MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  Context = Result.Context;
  TheRule->check(Result, *this);
}

void RuleCheck::onStartOfTranslationUnit() {
  Findings.clear();
  Context = nullptr;
  if (TheRule)
    TheRule->startTranslationUnit();
}

void RuleCheck::report(Finding F) { Findings.push_back(std::move(F)); }

void RuleCheck::onEndOfTranslationUnit() {
  // Like the CLI, which skips a unit that does not parse: no finding from
  // an AST with errors (clang-tidy reports the errors themselves).
  if (Context && Context->getDiagnostics().hasErrorOccurred()) {
    Findings.clear();
    return;
  }
  // A conversion that NOLINT will suppress is not made: its pairing
  // partners must not convert either.
  for (Finding &F : Findings)
    if (F.Kind == FindingKind::Converted && !F.ObjectSite.empty() &&
        isSuppressedByNolint(*SM, F.Loc, CheckName)) {
      F.Kind = FindingKind::Refused;
      F.Replacements.clear();
    }
  // The rule that pairs decides with the unit's provenance facts.
  std::optional<ProvenanceFacts> Facts;
  if (Context && llvm::any_of(Findings, [](const Finding &F) {
        return !F.ObjectSite.empty();
      }))
    Facts = collectProvenanceFacts(*Context);
  settleUnitFindings(Findings, std::move(Facts), Provenance, Scope, Decisions,
                     FactsFile);
  for (const Finding &F : Findings)
    emit(F);
  Findings.clear();
}

// The location of byte Offset of the file at Path, as this unit knows it.
static SourceLocation locationOf(const SourceManager &SM, llvm::StringRef Path,
                                 unsigned Offset, SourceLocation Hint) {
  FileID File;
  if (Hint.isValid() && Hint.isFileID()) {
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(Hint));
    if (Entry) {
      if (realFilePath(*Entry, SM.getFileManager()) == Path)
        File = SM.getFileID(Hint);
    }
  }
  if (File.isInvalid()) {
    if (llvm::Expected<FileEntryRef> Entry =
            SM.getFileManager().getFileRef(Path))
      File = SM.translateFile(*Entry);
    else
      llvm::consumeError(Entry.takeError());
  }
  if (File.isInvalid() || Offset > SM.getBufferData(File).size())
    return {};
  return SM.getComposedLoc(File, Offset);
}

void RuleCheck::emit(const Finding &F) {
  SourceLocation Loc = F.Loc;
  if (Loc.isInvalid())
    Loc = locationOf(*SM, F.FilePath, F.Offset, {});
  std::vector<FixItHint> Fixes;
  if (F.Kind == FindingKind::Converted) {
    for (const tooling::Replacement &R : F.Replacements) {
      SourceLocation Begin =
          locationOf(*SM, R.getFilePath(), R.getOffset(), F.Loc);
      if (Begin.isInvalid()) {
        // An edit the unit cannot place: no edit at all rather than part.
        diag(Loc, "%0; not converted here: the edit in '%1' is not in a file "
                  "of this translation unit")
            << F.Message << R.getFilePath();
        return;
      }
      // Split as the CLI splits its edits: the user's argument text stays
      // untouched (MinimalEdits.h).
      llvm::StringRef Buffer = SM->getBufferData(SM->getFileID(Begin));
      for (const tooling::Replacement &Piece :
           minimalEdits(Buffer, tooling::Replacements(R)))
        Fixes.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Begin.getLocWithOffset(Piece.getOffset() - R.getOffset()),
                Begin.getLocWithOffset(Piece.getOffset() - R.getOffset() +
                                       Piece.getLength())),
            Piece.getReplacementText()));
    }
  }
  diag(Loc, "%0") << F.Message << Fixes;
}

} // namespace pgmigrate::tidy
