//===- RenameDescriptorRule.cpp -------------------------------------------===//

#include "rules/RenameDescriptorRule.h"
#include "pgmigrate/AbsolutePath.h"
#include "rules/ConflictDeclCollector.h"
#include "rules/ConflictSiteReporter.h"
#include "rules/CoverageRecorder.h"
#include "rules/DescriptorRename.h"
#include "rules/NameConflictsRule.h"
#include "support/FindingBuilder.h"
#include "support/TokenSpelling.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

// Records every token of the old names the preprocessor shows.
class DescriptorPPCallbacks : public PPCallbacks {
public:
  explicit DescriptorPPCallbacks(RenameDescriptorRule &R) : R(R) {}

  void MacroDefined(const Token &Tok, const MacroDirective *MD) override {
    const MacroInfo *MI = MD ? MD->getMacroInfo() : nullptr;
    if (!MI)
      return;
    llvm::StringRef Macro = Tok.getIdentifierInfo()->getName();
    if (R.Names.count(Macro))
      R.PPSites.push_back(
          {Macro.str(), Tok.getLocation(),
           MI->isFunctionLike() ? "function-like macro" : "object-like macro",
           true});
    // The body is edited once, where it is written, for every expansion.
    for (const Token &T : MI->tokens())
      if (IdentifierInfo *II = T.getIdentifierInfo())
        if (R.Names.count(II->getName()))
          R.PPSites.push_back({II->getName().str(), T.getLocation(),
                               "use in the body of macro '" + Macro.str() + "'",
                               true});
  }
  void MacroExpands(const Token &Tok, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *) override {
    const MacroInfo *MI = MD.getMacroInfo();
    use(Tok, MI && MI->isFunctionLike() ? "call" : "use");
  }
  void Ifdef(SourceLocation, const Token &Tok,
             const MacroDefinition &) override {
    use(Tok, "macro reference");
  }
  void Ifndef(SourceLocation, const Token &Tok,
              const MacroDefinition &) override {
    use(Tok, "macro reference");
  }
  void Defined(const Token &Tok, const MacroDefinition &,
               SourceRange) override {
    use(Tok, "macro reference");
  }
  void MacroUndefined(const Token &Tok, const MacroDefinition &,
                      const MacroDirective *) override {
    use(Tok, "macro reference");
  }

private:
  void use(const Token &Tok, llvm::StringRef What) {
    IdentifierInfo *II = Tok.getIdentifierInfo();
    if (II && R.Names.count(II->getName()))
      R.PPSites.push_back(
          {II->getName().str(), Tok.getLocation(), What.str(), false});
  }

  RenameDescriptorRule &R;
};

RenameDescriptorRule::RenameDescriptorRule(const MigrationOptions &Options)
    : Options(Options), Active(descriptorRenameActive(Options)) {
  for (const std::string &Old : descriptorOldNames())
    Names.insert(Old);
}

llvm::StringRef RenameDescriptorRule::name() const {
  return RenameDescriptorRule::Name;
}

void RenameDescriptorRule::addTriggerNames(
    std::vector<std::string> &Out) const {
  if (Active)
    for (const auto &Old : Names)
      Out.push_back(Old.getKey().str());
}

void RenameDescriptorRule::registerMatchers(
    MatchFinder &Finder, MatchFinder::MatchCallback *Callback) {
  if (Active)
    Finder.addMatcher(translationUnitDecl().bind("tu"), Callback);
}

void RenameDescriptorRule::registerPPCallbacks(Preprocessor &Preproc) {
  PPSites.clear();
  if (!Active)
    return;
  PP = &Preproc;
  Preproc.addPPCallbacks(std::make_unique<DescriptorPPCallbacks>(*this));
  if (Coverage)
    Preproc.addPPCallbacks(std::make_unique<CoverageRecorder>(
        Preproc.getSourceManager(), *Coverage));
}

void RenameDescriptorRule::recordCoverage(UnitCoverage &Into) {
  // name-conflicts records the same coverage when it runs.
  if (Active && !Options.isEnabled(NameConflictsRule::Name))
    Coverage = &Into;
}

namespace {

std::string renamedMessage(llvm::StringRef Name, llvm::StringRef What,
                           llvm::StringRef NewName, bool) {
  return descriptorRenamed(Name, What, NewName);
}

// The rule's work on one unit.
class UnitRename {
public:
  UnitRename(const MigrationOptions &Options, ConflictSiteReporter &R,
             FindingSink &Sink, const SourceManager &SM,
             const LangOptions &LangOpts)
      : Options(Options), R(R), Sink(Sink), SM(SM), LangOpts(LangOpts) {}

  // Whether a new name is declared in the unit: every site is refused.
  void checkTaken() {
    for (const std::string &Old : descriptorOldNames()) {
      std::string New = descriptorNewName(Options, Old);
      if (R.taken(New, ConflictScope::File)) {
        Taken = descriptorNameTaken(New, "declared in this translation unit");
        return;
      }
    }
  }

  // A token of an old name at Loc. A use written in a macro body is left
  // to the body's own site (the macro's definition), when it is one.
  void site(llvm::StringRef Name, SourceLocation Loc, llvm::StringRef What,
            bool Declaration) {
    if (!Declaration) {
      TokenSpelling S = spellToken(Loc, SM, LangOpts);
      if (S.inMacroBody() && S.BodyLoc.isValid() &&
          R.place(Loc, Name, /*AllowBody=*/true).Reason.empty())
        return;
    }
    ConflictSiteReporter::Place P = R.place(Loc, Name, /*AllowBody=*/false);
    R.emit(P, Name, What, descriptorNewName(Options, Name), Taken);
  }

  // A declaration named like the allocator that is not a function.
  void notAllocator(const NamedDecl *D) {
    if (absoluteFilePath(SM.getExpansionLoc(D->getLocation()), SM).empty())
      return;
    Finding F = makeFinding(
        RenameDescriptorRule::Name, FindingKind::Refused,
        SM.getExpansionLoc(D->getLocation()), SM,
        descriptorNotAllocator(D->getName(),
                               "a " + describe(conflictDeclKind(D)).str()));
    F.SiteLength = D->getName().size();
    Sink.report(std::move(F));
  }

private:
  const MigrationOptions &Options;
  ConflictSiteReporter &R;
  FindingSink &Sink;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  std::string Taken;
};

} // namespace

void RenameDescriptorRule::check(const MatchFinder::MatchResult &Result,
                                 FindingSink &Sink) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU || !Active)
    return;
  ConflictDeclCollector C(Names);
  C.collect(TU);
  ConflictSiteReporter R(*Result.Context, PP, Sink,
                         {RenameDescriptorRule::Name, true, renamedMessage,
                          descriptorRefused, DescriptorRenameGroup.str()});
  UnitRename U(Options, R, Sink, *Result.SourceManager,
               Result.Context->getLangOpts());
  U.checkTaken();
  for (const NamedDecl *D : C.Decls) {
    if (isa<FunctionDecl>(D))
      U.site(D->getName(), D->getLocation(), describe(conflictDeclKind(D)),
             true);
    else
      U.notAllocator(D);
  }
  for (const ConflictUseSite &Use : C.Uses)
    if (isa<FunctionDecl>(Use.Target))
      U.site(Use.Target->getName(), Use.Loc, describe(Use.Kind), false);
  for (const PPSite &S : PPSites)
    U.site(S.Name, S.Loc, S.What, S.Definition);
}

} // namespace pgmigrate
