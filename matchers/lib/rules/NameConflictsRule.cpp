//===- NameConflictsRule.cpp ----------------------------------------------===//

#include "rules/NameConflictsRule.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/Rules.h"
#include "rules/ConflictDeclCollector.h"
#include "rules/ConflictSiteReporter.h"
#include "rules/CoverageRecorder.h"
#include "rules/NameConflicts.h"
#include "support/FindingBuilder.h"
#include "support/TokenSpelling.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include <map>

using namespace clang;
using namespace clang::ast_matchers;

namespace pgmigrate {

// Records the macros named like the API and where they are used.
class NameConflictsPPCallbacks : public PPCallbacks {
public:
  NameConflictsPPCallbacks(NameConflictsRule &R, const SourceManager &SM)
      : R(R), SM(SM) {}

  void MacroDefined(const Token &Tok, const MacroDirective *MD) override {
    IdentifierInfo *II = Tok.getIdentifierInfo();
    if (!II || !R.Names.count(II->getName()) || !MD)
      return;
    const MacroInfo *MI = MD->getMacroInfo();
    NameConflictsRule::MacroDefinition Def;
    Def.Name = II->getName().str();
    Def.Loc = Tok.getLocation();
    Def.FunctionLike = MI->isFunctionLike();
    std::string Path = absoluteFilePath(SM.getExpansionLoc(Def.Loc), SM);
    std::string Noprof = Def.Name + "_noprof";
    bool ExpandsToNoprof = llvm::any_of(MI->tokens(), [&](const Token &T) {
      return T.getIdentifierInfo() &&
             T.getIdentifierInfo()->getName() == Noprof;
    });
    Def.Api = Def.FunctionLike && ExpandsToNoprof && !Path.empty() &&
              !isArchCode(Path, R.Options.TreeRoot);
    R.MacroIndex[MI] = R.Macros.size();
    R.Macros.push_back(std::move(Def));
  }
  void MacroExpands(const Token &Tok, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *) override {
    use(Tok, MD, /*Expansion=*/true);
  }
  void Ifdef(SourceLocation, const Token &Tok,
             const MacroDefinition &MD) override {
    use(Tok, MD, false);
  }
  void Ifndef(SourceLocation, const Token &Tok,
              const MacroDefinition &MD) override {
    use(Tok, MD, false);
  }
  void Defined(const Token &Tok, const MacroDefinition &MD,
               SourceRange) override {
    use(Tok, MD, false);
  }
  void MacroUndefined(const Token &Tok, const MacroDefinition &MD,
                      const MacroDirective *) override {
    use(Tok, MD, false);
  }

private:
  void use(const Token &Tok, const MacroDefinition &MD, bool Expansion) {
    IdentifierInfo *II = Tok.getIdentifierInfo();
    if (!II || !R.Names.count(II->getName()) || !MD.getMacroInfo())
      return;
    auto It = R.MacroIndex.find(MD.getMacroInfo());
    if (It == R.MacroIndex.end())
      return;
    R.MacroUses.push_back({It->second, Tok.getLocation(), Expansion});
  }

  NameConflictsRule &R;
  const SourceManager &SM;
};

NameConflictsRule::NameConflictsRule(const MigrationOptions &Options)
    : Options(Options) {
  for (const std::string &Name : Options.conflictNames())
    Names.insert(Name);
}

llvm::StringRef NameConflictsRule::name() const {
  return NameConflictsRule::Name;
}

void NameConflictsRule::addTriggerNames(std::vector<std::string> &Names) const {
  for (const auto &Name : this->Names)
    Names.push_back(Name.getKey().str());
}

void NameConflictsRule::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(translationUnitDecl().bind("tu"), Callback);
}

void NameConflictsRule::registerPPCallbacks(Preprocessor &Preproc) {
  PP = &Preproc;
  Preproc.addPPCallbacks(std::make_unique<NameConflictsPPCallbacks>(
      *this, Preproc.getSourceManager()));
  if (Coverage)
    Preproc.addPPCallbacks(std::make_unique<CoverageRecorder>(
        Preproc.getSourceManager(), *Coverage));
}

void NameConflictsRule::recordCoverage(UnitCoverage &Into) { Coverage = &Into; }

namespace {

// void *NAME(gfp_t, unsigned int) for the allocators, void NAME(const void *)
// for the frees: the new API's signatures.
bool hasApiSignature(const FunctionDecl *FD, bool Alloc) {
  QualType Return = FD->getReturnType();
  if (Alloc) {
    if (!Return->isPointerType() || !Return->getPointeeType()->isVoidType() ||
        FD->getNumParams() != 2)
      return false;
    const auto *Gfp = FD->getParamDecl(0)->getType()->getAs<TypedefType>();
    return Gfp && Gfp->getDecl()->getName() == "gfp_t" &&
           FD->getParamDecl(1)->getType()->isSpecificBuiltinType(
               BuiltinType::UInt);
  }
  if (!Return->isVoidType() || FD->getNumParams() != 1)
    return false;
  QualType Param = FD->getParamDecl(0)->getType();
  return Param->isPointerType() && Param->getPointeeType()->isVoidType() &&
         Param->getPointeeType().isConstQualified();
}

// A clashing entity (a function's redeclarations are one) and whether it
// can be renamed: every declaration of it is spelled editable and the new
// name is free.
struct Entity {
  ConflictScope Scope;
  std::string NewName;
  std::string Refusal; // why it is not renamed, for all its sites
};

using Place = ConflictSiteReporter::Place;

// The rule's work on one unit: declarations, their uses, macros and their
// uses, reported in that order.
class UnitConflicts {
public:
  UnitConflicts(const MigrationOptions &Options,
                const std::vector<NameConflictsRule::MacroDefinition> &Macros,
                const std::vector<NameConflictsRule::MacroUse> &MacroUses,
                const ConflictDeclCollector &C, ConflictSiteReporter &R,
                const SourceManager &SM)
      : Options(Options), Macros(Macros), MacroUses(MacroUses), C(C), R(R),
        SM(SM), MacroEntities(Macros.size()) {}

  void run() {
    collectEntities();
    reportDeclarations();
    reportUses();
    reportMacros();
    for (const NameConflictsRule::MacroUse &U : MacroUses)
      reportMacroUse(U);
  }

private:
  std::string pathOf(SourceLocation Loc) const {
    return absoluteFilePath(SM.getExpansionLoc(Loc), SM);
  }
  bool isApiFunction(const FunctionDecl *FD) const {
    std::string Path = pathOf(FD->getLocation());
    return !Path.empty() && !isArchCode(Path, Options.TreeRoot) &&
           hasApiSignature(FD, isAllocName(Options, FD->getName()));
  }
  bool isApiChain(const FunctionDecl *FD);
  void collectEntity(const NamedDecl *D);
  void collectEntities();
  void reportDeclarations();
  void reportUses();
  void reportMacros();
  const NamedDecl *shadowedByMacro(const NameConflictsRule::MacroUse &U) const;
  void reportShadowedCall(const NameConflictsRule::MacroUse &U,
                          const NamedDecl *Shadowed);
  void reportMacroUse(const NameConflictsRule::MacroUse &U);

  const MigrationOptions &Options;
  const std::vector<NameConflictsRule::MacroDefinition> &Macros;
  const std::vector<NameConflictsRule::MacroUse> &MacroUses;
  const ConflictDeclCollector &C;
  ConflictSiteReporter &R;
  const SourceManager &SM;
  /// An entity per canonical declaration that is not the API itself, and
  /// one per macro (the API's own macros' stay empty).
  std::map<const Decl *, Entity> Entities;
  std::vector<Entity> MacroEntities;
  std::vector<std::pair<const NamedDecl *, Place>> DeclPlaces;
};

// Whether FD is a declaration of the API's own function; an arch
// redeclaring it is reported.
bool UnitConflicts::isApiChain(const FunctionDecl *FD) {
  if (!llvm::any_of(FD->redecls(), [&](const FunctionDecl *Redecl) {
        return isApiFunction(Redecl);
      }))
    return false;
  std::string Path = pathOf(FD->getLocation());
  if (!isApiFunction(FD) && !Path.empty() &&
      isArchCode(Path, Options.TreeRoot)) {
    Place P = R.place(FD->getLocation(), FD->getName(), false);
    R.emit(P, FD->getName(), describe(conflictDeclKind(FD)), "",
           "the arch declares the new API's own function; the generic "
           "definition will clash with it: resolve by hand");
  }
  return true;
}

void UnitConflicts::collectEntity(const NamedDecl *D) {
  ConflictScope Scope = scopeOf(conflictDeclKind(D));
  auto [It, New] = Entities.try_emplace(D->getCanonicalDecl());
  Entity &E = It->second;
  if (New) {
    E.Scope = Scope;
    E.NewName = conflictNewName(Options, Scope, D->getName());
    if (R.taken(E.NewName, Scope))
      E.Refusal = R.takenReason(E.NewName, Scope);
  }
  Place P = R.place(D->getLocation(), D->getName(), false);
  if (!P.Reason.empty() && E.Refusal.empty())
    E.Refusal = "its declaration at " + R.where(D->getLocation()) +
                " cannot be renamed: " + P.Reason;
  DeclPlaces.emplace_back(D, P);
}

void UnitConflicts::collectEntities() {
  for (const NamedDecl *D : C.Decls) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && isApiChain(FD))
      continue;
    collectEntity(D);
  }
}

void UnitConflicts::reportDeclarations() {
  for (auto &[D, P] : DeclPlaces) {
    const Entity &E = Entities[D->getCanonicalDecl()];
    R.emit(P, D->getName(), describe(conflictDeclKind(D)), E.NewName,
           P.Reason.empty() ? E.Refusal : "");
  }
}

// Uses, when renaming.
void UnitConflicts::reportUses() {
  for (const ConflictUseSite &U : C.Uses) {
    auto It = Entities.find(U.Target->getCanonicalDecl());
    if (It == Entities.end() || !It->second.Refusal.empty() ||
        !Options.RenameConflicts)
      continue;
    const Entity &E = It->second;
    Place P = R.place(U.Loc, U.Target->getName(),
                      /*AllowBody=*/E.Scope != ConflictScope::Local);
    R.emit(P, U.Target->getName(), describe(U.Kind), E.NewName, "");
  }
}

// Macros named like the API (but the API's own).
void UnitConflicts::reportMacros() {
  for (size_t I = 0; I < Macros.size(); ++I) {
    const NameConflictsRule::MacroDefinition &M = Macros[I];
    if (M.Api)
      continue;
    Entity &E = MacroEntities[I];
    E.Scope = ConflictScope::File;
    E.NewName = conflictNewName(Options, E.Scope, M.Name);
    if (R.taken(E.NewName, E.Scope))
      E.Refusal = R.takenReason(E.NewName, E.Scope);
    Place P = R.place(M.Loc, M.Name, false);
    if (!P.Reason.empty() && E.Refusal.empty())
      E.Refusal = P.Reason;
    R.emit(P, M.Name,
           describe(M.FunctionLike ? ConflictDecl::FunctionMacro
                                   : ConflictDecl::ObjectMacro),
           E.NewName, P.Reason.empty() ? E.Refusal : "");
  }
}

// The parameter or local of the macro's name whose function body holds the
// expansion U of a function-like macro, or nullptr: the code meant to call
// it.
const NamedDecl *
UnitConflicts::shadowedByMacro(const NameConflictsRule::MacroUse &U) const {
  const NameConflictsRule::MacroDefinition &M = Macros[U.Macro];
  if (!U.Expansion || !M.FunctionLike)
    return nullptr;
  SourceLocation At = SM.getExpansionLoc(U.Loc);
  for (const auto &[FD, Scope] : C.Scopes) {
    auto Body = C.Bodies.find(FD);
    auto Local = Scope.Declared.find(M.Name);
    if (Body == C.Bodies.end() || Local == Scope.Declared.end())
      continue;
    CharSourceRange Range = SM.getExpansionRange(Body->second);
    if (SM.isPointWithin(At, Range.getBegin(), Range.getEnd()))
      return Local->second;
  }
  return nullptr;
}

// A call through a parameter or local that the macro expands instead.
void UnitConflicts::reportShadowedCall(const NameConflictsRule::MacroUse &U,
                                       const NamedDecl *Shadowed) {
  const NameConflictsRule::MacroDefinition &M = Macros[U.Macro];
  bool Param = isa<ParmVarDecl>(Shadowed);
  std::string What =
      std::string("call through the ") +
      (Param ? "parameter" : "local variable") + " is expanded by the " +
      (M.Api ? "new API's" : "arch-local") + " function-like macro '" + M.Name +
      "' (" + R.where(M.Loc) + ") instead of calling the " +
      (Param ? "parameter" : "variable");
  if (!M.Api)
    What += ", and keeps calling the macro";
  // With the API's macro, restore the call the code meant: the renamed
  // parameter. With an arch macro, keep today's behaviour.
  const Entity *E = nullptr;
  if (M.Api) {
    auto It = Entities.find(Shadowed->getCanonicalDecl());
    E = It == Entities.end() ? nullptr : &It->second;
  } else {
    E = &MacroEntities[U.Macro];
  }
  if (!E)
    return;
  Place P = R.place(U.Loc, M.Name, /*AllowBody=*/false);
  R.emit(P, M.Name, What, E->NewName, E->Refusal);
}

void UnitConflicts::reportMacroUse(const NameConflictsRule::MacroUse &U) {
  const NameConflictsRule::MacroDefinition &M = Macros[U.Macro];
  if (const NamedDecl *Shadowed = shadowedByMacro(U))
    return reportShadowedCall(U, Shadowed);
  if (M.Api || !Options.RenameConflicts ||
      !MacroEntities[U.Macro].Refusal.empty())
    return;
  ConflictUse Kind = !U.Expansion     ? ConflictUse::MacroReference
                     : M.FunctionLike ? ConflictUse::Call
                                      : ConflictUse::Use;
  Place P = R.place(U.Loc, M.Name, /*AllowBody=*/true);
  R.emit(P, M.Name, describe(Kind), MacroEntities[U.Macro].NewName, "");
}

} // namespace

void NameConflictsRule::check(const MatchFinder::MatchResult &Result,
                              FindingSink &Sink) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU)
    return;
  ConflictDeclCollector C(Names);
  C.collect(TU);
  ConflictSiteReporter R(Options, *Result.Context, PP, Sink);
  UnitConflicts(Options, Macros, MacroUses, C, R, *Result.SourceManager).run();
}

} // namespace pgmigrate
