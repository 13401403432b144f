//===- NameConflictsRule.cpp ----------------------------------------------===//

#include "rules/NameConflictsRule.h"
#include "pgmigrate/AbsolutePath.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/Rules.h"
#include "rules/NameConflicts.h"
#include "support/FindingBuilder.h"
#include "support/TokenSpelling.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

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
  return rule_names::NameConflicts;
}

void NameConflictsRule::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(translationUnitDecl().bind("tu"), Callback);
}

void NameConflictsRule::registerPPCallbacks(Preprocessor &Preproc) {
  PP = &Preproc;
  Preproc.addPPCallbacks(std::make_unique<NameConflictsPPCallbacks>(
      *this, Preproc.getSourceManager()));
}

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

struct UseSite {
  const NamedDecl *Target;
  SourceLocation Loc;
  ConflictUse Kind;
};

// A function body and the clashing names its parameters and locals declare.
struct BodyScope {
  SourceRange Body;
  std::map<std::string, const NamedDecl *> Declared;
};

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(const llvm::StringSet<> &Names) : Names(Names) {}

  bool VisitNamedDecl(NamedDecl *D) {
    if (!clashes(D) || D->isImplicit())
      return true;
    if (!isa<FunctionDecl, VarDecl, FieldDecl, TypedefNameDecl,
             EnumConstantDecl>(D))
      return true; // tags and labels live in other name spaces
    Decls.push_back(D);
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (isa<ParmVarDecl>(V) || V->isLocalVarDecl())
        if (const auto *FD =
                dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod()))
          Scopes[FD->getCanonicalDecl()].Declared.emplace(V->getName().str(),
                                                          V);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->getBody())
      Bodies[FD->getCanonicalDecl()] = FD->getBody()->getSourceRange();
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    const Expr *Callee = E->getCallee()->IgnoreParenImpCasts();
    if (const auto *Deref = dyn_cast<UnaryOperator>(Callee))
      if (Deref->getOpcode() == UO_Deref)
        Callee = Deref->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee))
      Callees.insert(Ref);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (!clashes(E->getDecl()))
      return true;
    bool Call = Callees.count(E);
    bool Param = isa<ParmVarDecl>(E->getDecl());
    ConflictUse Kind =
        Param ? (Call ? ConflictUse::ParameterCall : ConflictUse::ParameterUse)
              : (Call ? ConflictUse::Call : ConflictUse::Use);
    Uses.push_back({E->getDecl(), E->getLocation(), Kind});
    return true;
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (clashes(E->getMemberDecl()))
      Uses.push_back(
          {E->getMemberDecl(), E->getMemberLoc(), ConflictUse::MemberAccess});
    return true;
  }

  bool VisitDesignatedInitExpr(DesignatedInitExpr *E) {
    for (const DesignatedInitExpr::Designator &D : E->designators())
      if (D.isFieldDesignator() && D.getField() && clashes(D.getField()))
        Uses.push_back(
            {D.getField(), D.getFieldLoc(), ConflictUse::MemberAccess});
    return true;
  }

  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    if (clashes(TL.getTypedefNameDecl()))
      Uses.push_back(
          {TL.getTypedefNameDecl(), TL.getNameLoc(), ConflictUse::Use});
    return true;
  }

  std::vector<const NamedDecl *> Decls;
  std::vector<UseSite> Uses;
  std::map<const FunctionDecl *, BodyScope> Scopes;
  std::map<const FunctionDecl *, SourceRange> Bodies;

private:
  bool clashes(const NamedDecl *D) const {
    return D && D->getIdentifier() && Names.count(D->getName());
  }

  const llvm::StringSet<> &Names;
  llvm::DenseSet<const DeclRefExpr *> Callees;
};

ConflictDecl kindOf(const NamedDecl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->doesThisDeclarationHaveABody() ? ConflictDecl::FunctionDefinition
                                              : ConflictDecl::FunctionPrototype;
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    QualType T = P->getOriginalType();
    return T->isFunctionPointerType() || T->isFunctionType()
               ? ConflictDecl::FunctionPointerParameter
               : ConflictDecl::Parameter;
  }
  if (const auto *V = dyn_cast<VarDecl>(D))
    return V->isLocalVarDecl() ? ConflictDecl::LocalVariable
                               : ConflictDecl::Variable;
  if (const auto *F = dyn_cast<FieldDecl>(D))
    return F->getParent()->isUnion() ? ConflictDecl::UnionField
                                     : ConflictDecl::Field;
  if (isa<TypedefNameDecl>(D))
    return ConflictDecl::Typedef;
  return ConflictDecl::Enumerator;
}

// Emits the rule's findings for one unit.
class Reporter {
public:
  Reporter(const MigrationOptions &Options, ASTContext &Ctx,
           const Preprocessor *PP, FindingSink &Sink)
      : Options(Options), Ctx(Ctx), SM(Ctx.getSourceManager()),
        LangOpts(Ctx.getLangOpts()), PP(PP), Sink(Sink) {}

  // Where the name token at Loc is written and whether it can be edited
  // there (Reason empty). A token in a macro body is edited in the body
  // when AllowBody is set: the body then serves every expansion alike.
  struct Place {
    SourceLocation At;
    std::string Reason;
  };
  Place place(SourceLocation Loc, llvm::StringRef Name, bool AllowBody) const {
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

  Place checkSpelling(Place P, llvm::StringRef Name) const {
    bool Invalid = false;
    const char *Text = SM.getCharacterData(P.At, &Invalid);
    if (Invalid || llvm::StringRef(Text).substr(0, Name.size()) != Name ||
        isAsciiIdentifierContinue(Text[Name.size()]))
      P.Reason = "its name is spelled differently here (token pasting or an "
                 "escaped newline); rename it by hand";
    return P;
  }

  // Whether NewName is already a file-scope declaration or a macro.
  bool taken(llvm::StringRef NewName, ConflictScope Scope) const {
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

  std::string takenReason(llvm::StringRef NewName, ConflictScope Scope) const {
    llvm::StringRef Option = Scope == ConflictScope::File ? "--conflict-prefix"
                             : Scope == ConflictScope::Local
                                 ? "--conflict-param-name"
                                 : "--conflict-field-name";
    return "the new name '" + NewName.str() +
           "' is already declared in this translation unit; choose another " +
           Option.str();
  }

  std::string where(SourceLocation Loc) const {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    if (P.isInvalid())
      return "?";
    return llvm::sys::path::filename(P.getFilename()).str() + ":" +
           std::to_string(P.getLine());
  }

  // One finding at the token Name at P: a rename to NewName (Converted) or
  // a report (Refused).
  void emit(const Place &P, llvm::StringRef Name, llvm::StringRef What,
            llvm::StringRef NewName, llvm::StringRef Refusal) {
    if (absoluteFilePath(P.At, SM).empty())
      return; // the command line, builtins
    bool Rename =
        Refusal.empty() && P.Reason.empty() && Options.RenameConflicts;
    std::string Message =
        !P.Reason.empty()  ? conflictRefusal(Name, What, P.Reason)
        : !Refusal.empty() ? conflictRefusal(Name, What, Refusal)
                           : conflictMessage(Name, What, NewName, Rename);
    Finding F =
        makeFinding(rule_names::NameConflicts,
                    Rename ? FindingKind::Converted : FindingKind::Refused,
                    P.At, SM, Message);
    F.SiteLength = Name.size();
    if (Rename)
      F.Replacements.push_back(makeReplacement(
          P.At, P.At.getLocWithOffset(Name.size()), NewName, SM));
    auto Key = std::make_tuple(F.FilePath, F.Offset, F.Message);
    if (!Emitted.insert(Key).second)
      return;
    Sink.report(std::move(F));
  }

private:
  const MigrationOptions &Options;
  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  const Preprocessor *PP;
  FindingSink &Sink;
  std::set<std::tuple<std::string, unsigned, std::string>> Emitted;
};

} // namespace

void NameConflictsRule::check(const MatchFinder::MatchResult &Result,
                              FindingSink &Sink) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU)
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  Collector C(Names);
  C.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  Reporter R(Options, Ctx, PP, Sink);

  auto PathOf = [&](SourceLocation Loc) {
    return absoluteFilePath(SM.getExpansionLoc(Loc), SM);
  };
  auto IsApiFunction = [&](const FunctionDecl *FD) {
    std::string Path = PathOf(FD->getLocation());
    return !Path.empty() && !isArchCode(Path, Options.TreeRoot) &&
           hasApiSignature(FD, isAllocName(Options, FD->getName()));
  };

  // Each clashing entity (a function's redeclarations are one) and whether
  // it can be renamed: every declaration of it is spelled editable and the
  // new name is free. An entity that is the API itself is left out.
  struct Entity {
    ConflictScope Scope;
    std::string NewName;
    std::string Refusal; // why it is not renamed, for all its sites
  };
  std::map<const Decl *, Entity> Entities;
  std::vector<std::pair<const NamedDecl *, Reporter::Place>> DeclPlaces;
  for (const NamedDecl *D : C.Decls) {
    const Decl *Key = D->getCanonicalDecl();
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      bool ApiChain = llvm::any_of(FD->redecls(), IsApiFunction);
      if (ApiChain) {
        std::string Path = PathOf(FD->getLocation());
        if (!IsApiFunction(FD) && !Path.empty() &&
            isArchCode(Path, Options.TreeRoot)) {
          // An arch redeclaring the API's own function.
          Reporter::Place P = R.place(FD->getLocation(), FD->getName(), false);
          R.emit(P, FD->getName(), describe(kindOf(FD)), "",
                 "the arch declares the new API's own function; the generic "
                 "definition will clash with it: resolve by hand");
        }
        continue;
      }
    }
    ConflictScope Scope = scopeOf(kindOf(D));
    auto [It, New] = Entities.try_emplace(Key);
    Entity &E = It->second;
    if (New) {
      E.Scope = Scope;
      E.NewName = conflictNewName(Options, Scope, D->getName());
      if (R.taken(E.NewName, Scope))
        E.Refusal = R.takenReason(E.NewName, Scope);
    }
    Reporter::Place P = R.place(D->getLocation(), D->getName(), false);
    if (!P.Reason.empty() && E.Refusal.empty())
      E.Refusal = "its declaration at " + R.where(D->getLocation()) +
                  " cannot be renamed: " + P.Reason;
    DeclPlaces.emplace_back(D, P);
  }
  for (auto &[D, P] : DeclPlaces) {
    const Entity &E = Entities[D->getCanonicalDecl()];
    R.emit(P, D->getName(), describe(kindOf(D)), E.NewName,
           P.Reason.empty() ? E.Refusal : "");
  }

  // Uses, when renaming.
  for (const UseSite &U : C.Uses) {
    auto It = Entities.find(U.Target->getCanonicalDecl());
    if (It == Entities.end() || !It->second.Refusal.empty() ||
        !Options.RenameConflicts)
      continue;
    const Entity &E = It->second;
    Reporter::Place P = R.place(U.Loc, U.Target->getName(),
                                /*AllowBody=*/E.Scope != ConflictScope::Local);
    R.emit(P, U.Target->getName(), describe(U.Kind), E.NewName, "");
  }

  // Macros named like the API, their uses, and the calls through a
  // parameter that a function-like macro expands instead.
  std::vector<Entity> MacroEntities(Macros.size());
  for (size_t I = 0; I < Macros.size(); ++I) {
    const MacroDefinition &M = Macros[I];
    if (M.Api)
      continue;
    Entity &E = MacroEntities[I];
    E.Scope = ConflictScope::File;
    E.NewName = conflictNewName(Options, E.Scope, M.Name);
    if (R.taken(E.NewName, E.Scope))
      E.Refusal = R.takenReason(E.NewName, E.Scope);
    Reporter::Place P = R.place(M.Loc, M.Name, false);
    if (!P.Reason.empty() && E.Refusal.empty())
      E.Refusal = P.Reason;
    R.emit(P, M.Name,
           describe(M.FunctionLike ? ConflictDecl::FunctionMacro
                                   : ConflictDecl::ObjectMacro),
           E.NewName, P.Reason.empty() ? E.Refusal : "");
  }
  for (const MacroUse &U : MacroUses) {
    const MacroDefinition &M = Macros[U.Macro];
    // A call through a parameter or local of the macro's name?
    const NamedDecl *Shadowed = nullptr;
    if (U.Expansion && M.FunctionLike) {
      SourceLocation At = SM.getExpansionLoc(U.Loc);
      for (const auto &[FD, Scope] : C.Scopes) {
        auto Body = C.Bodies.find(FD);
        auto Local = Scope.Declared.find(M.Name);
        if (Body == C.Bodies.end() || Local == Scope.Declared.end())
          continue;
        CharSourceRange Range = SM.getExpansionRange(Body->second);
        if (SM.isPointWithin(At, Range.getBegin(), Range.getEnd())) {
          Shadowed = Local->second;
          break;
        }
      }
    }
    if (Shadowed) {
      bool Param = isa<ParmVarDecl>(Shadowed);
      std::string What =
          std::string("call through the ") +
          (Param ? "parameter" : "local variable") + " is expanded by the " +
          (M.Api ? "new API's" : "arch-local") + " function-like macro '" +
          M.Name + "' (" + R.where(M.Loc) + ") instead of calling the " +
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
        continue;
      Reporter::Place P = R.place(U.Loc, M.Name, /*AllowBody=*/false);
      R.emit(P, M.Name, What, E->NewName, E->Refusal);
      continue;
    }
    if (M.Api || !Options.RenameConflicts ||
        !MacroEntities[U.Macro].Refusal.empty())
      continue;
    ConflictUse Kind = !U.Expansion     ? ConflictUse::MacroReference
                       : M.FunctionLike ? ConflictUse::Call
                                        : ConflictUse::Use;
    Reporter::Place P = R.place(U.Loc, M.Name, /*AllowBody=*/true);
    R.emit(P, M.Name, describe(Kind), MacroEntities[U.Macro].NewName, "");
  }
}

} // namespace pgmigrate
