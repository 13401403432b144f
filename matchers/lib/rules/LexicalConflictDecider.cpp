//===- LexicalConflictDecider.cpp -----------------------------------------===//

#include "rules/LexicalConflictDecider.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/Rules.h"
#include "rules/NameConflictsRule.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

namespace {

bool mentionsWord(llvm::StringRef Text, llvm::StringRef Word) {
  for (size_t Pos = Text.find(Word); Pos != llvm::StringRef::npos;
       Pos = Text.find(Word, Pos + 1)) {
    bool Before = Pos > 0 && clang::isAsciiIdentifierContinue(Text[Pos - 1]);
    size_t End = Pos + Word.size();
    bool After =
        End < Text.size() && clang::isAsciiIdentifierContinue(Text[End]);
    if (!Before && !After)
      return true;
  }
  return false;
}

bool isFileScopeDecl(TokenRole Role) {
  switch (Role) {
  case TokenRole::FunctionDefinition:
  case TokenRole::FunctionPrototype:
  case TokenRole::FunctionMacroDefinition:
  case TokenRole::ObjectMacroDefinition:
  case TokenRole::Variable:
  case TokenRole::Typedef:
  case TokenRole::Enumerator:
    return true;
  default:
    return false;
  }
}

ConflictDecl declKind(const ScannedToken &T) {
  switch (T.Role) {
  case TokenRole::FunctionDefinition:
    return ConflictDecl::FunctionDefinition;
  case TokenRole::FunctionPrototype:
    return ConflictDecl::FunctionPrototype;
  case TokenRole::FunctionMacroDefinition:
    return ConflictDecl::FunctionMacro;
  case TokenRole::ObjectMacroDefinition:
    return ConflictDecl::ObjectMacro;
  case TokenRole::Parameter:
    return ConflictDecl::Parameter;
  case TokenRole::FunctionPointerParameter:
    return ConflictDecl::FunctionPointerParameter;
  case TokenRole::Field:
    return T.InUnion ? ConflictDecl::UnionField : ConflictDecl::Field;
  case TokenRole::Variable:
    return ConflictDecl::Variable;
  case TokenRole::LocalVariable:
    return ConflictDecl::LocalVariable;
  case TokenRole::Typedef:
    return ConflictDecl::Typedef;
  default:
    return ConflictDecl::Enumerator;
  }
}

} // namespace

LexicalConflictDecider::LexicalConflictDecider(const MigrationOptions &Options,
                                               llvm::StringRef Root,
                                               AstDecided Ast,
                                               NameConflictsScanResult &Result)
    : Options(Options), Root(Root), Ast(Ast), Result(Result) {
  for (const std::string &Name : Options.conflictNames())
    Clashing.insert(Name);
}

void LexicalConflictDecider::run(const std::vector<ConflictFileScan> &Files) {
  for (const ConflictFileScan &F : Files)
    learn(F);
  for (const ConflictFileScan &F : Files)
    decide(F);
}

std::string LexicalConflictDecider::where(const ConflictFileScan &F,
                                          const ScannedToken &T) const {
  return scannedPlace(Root, F, T);
}

bool LexicalConflictDecider::isApi(const ConflictFileScan &F,
                                   const ScannedToken &T) const {
  if (F.Assembly || isArchCode(F.Path, Options.TreeRoot))
    return false;
  bool Alloc = isAllocName(Options, T.Name);
  switch (T.Role) {
  case TokenRole::FunctionDefinition:
  case TokenRole::FunctionPrototype:
    return Alloc ? (T.Signature == "void *(gfp_t, unsigned int)" ||
                    T.Signature == "void *(gfp_t, unsigned)")
                 : (T.Signature == "void(const void *)" ||
                    T.Signature == "void(void const *)");
  case TokenRole::FunctionMacroDefinition:
    return mentionsWord(T.MacroBody, T.Name + "_noprof");
  default:
    return false;
  }
}

void LexicalConflictDecider::learn(const ConflictFileScan &F) {
  for (const ScannedToken &T : F.Tokens) {
    if (!Clashing.count(T.Name)) {
      UsedInGroup.insert({F.Group, T.Name});
      UsedInFile.insert({F.Path, T.Name});
      UsedInTree.insert(T.Name);
      continue;
    }
    if (!F.Assembly)
      learnDeclaration(F, T);
  }
}

void LexicalConflictDecider::learnDeclaration(const ConflictFileScan &F,
                                              const ScannedToken &T) {
  if (T.Role == TokenRole::FunctionMacroDefinition &&
      (!FunctionMacroAt.count(T.Name) || isApi(F, T)))
    FunctionMacroAt[T.Name] = where(F, T);
  if (T.Role == TokenRole::Field)
    Fields.insert(T.Name);
  if (!isFileScopeDecl(T.Role) || isApi(F, T))
    return;
  GroupName &G = Groups[{F.Group, T.Name}];
  G.Conflict = true;
  if (T.Role == TokenRole::FunctionMacroDefinition ||
      T.Role == TokenRole::ObjectMacroDefinition)
    G.MacroConflict = true;
  if (T.Role == TokenRole::FunctionMacroDefinition && G.FunctionMacroAt.empty())
    G.FunctionMacroAt = where(F, T);
}

void LexicalConflictDecider::emit(const ConflictFileScan &F,
                                  const ScannedToken &T, llvm::StringRef What,
                                  llvm::StringRef NewName,
                                  llvm::StringRef Refusal) {
  bool Rename = Refusal.empty() && Options.RenameConflicts;
  std::string NewText = NewName.str();
  Finding Out = lexicalFinding(
      NameConflictsRule::Name, F, T,
      Refusal.empty() ? conflictMessage(T.Name, What, NewName, Rename)
                      : conflictRefusal(T.Name, What, Refusal),
      Rename ? &NewText : nullptr);
  Result.Findings.push_back(std::move(Out));
}

// Why NewName cannot be given in Scope, or "" when it is free there.
std::string LexicalConflictDecider::taken(const ConflictFileScan &F,
                                          ConflictScope Scope,
                                          const std::string &NewName) const {
  bool Used =
      Scope == ConflictScope::File    ? UsedInGroup.count({F.Group, NewName})
      : Scope == ConflictScope::Local ? UsedInFile.count({F.Path, NewName})
                                      : UsedInTree.count(NewName);
  if (!Used)
    return "";
  llvm::StringRef In = Scope == ConflictScope::File    ? "in its group"
                       : Scope == ConflictScope::Local ? "in this file"
                                                       : "in the tree";
  return newNameTaken(NewName, "used " + In.str(), Scope);
}

void LexicalConflictDecider::decide(const ConflictFileScan &F) {
  decideUnseen(
      Ast, F, [&](const ScannedToken &T) { return Clashing.count(T.Name) > 0; },
      Result, [&](const ScannedToken &T) { decide(F, T); });
}

void LexicalConflictDecider::decide(const ConflictFileScan &F,
                                    const ScannedToken &T) {
  const GroupName *G = nullptr;
  auto GroupIt = Groups.find({F.Group, T.Name});
  if (GroupIt != Groups.end())
    G = &GroupIt->second;
  if (F.Assembly)
    return decideInAssembly(F, T, G);
  if (isDeclaration(T.Role))
    return decideDeclaration(F, T);
  if (T.Role == TokenRole::MemberAccess)
    return decideMemberAccess(F, T);
  if (T.Binding != TokenBinding::None)
    return decideBoundUse(F, T, G);
  decideFileScopeUse(F, T, G);
}

void LexicalConflictDecider::decideInAssembly(const ConflictFileScan &F,
                                              const ScannedToken &T,
                                              const GroupName *G) {
  if (!G || !G->Conflict)
    return;
  std::string FileNew = conflictNewName(Options, ConflictScope::File, T.Name);
  emit(F, T, "use in assembly", FileNew, assemblyRefusal(FileNew));
}

void LexicalConflictDecider::decideDeclaration(const ConflictFileScan &F,
                                               const ScannedToken &T) {
  if (isApi(F, T))
    return;
  ConflictDecl Kind = declKind(T);
  ConflictScope Scope = scopeOf(Kind);
  std::string NewName = conflictNewName(Options, Scope, T.Name);
  emit(F, T, describe(Kind), NewName, taken(F, Scope, NewName));
}

void LexicalConflictDecider::decideMemberAccess(const ConflictFileScan &F,
                                                const ScannedToken &T) {
  if (!Options.RenameConflicts)
    return;
  std::string NewName = conflictNewName(Options, ConflictScope::Field, T.Name);
  if (!Fields.count(T.Name))
    emit(F, T, describe(ConflictUse::MemberAccess), NewName,
         "no clashing field of that name is declared in the scanned "
         "tree; rename it by hand");
  else
    emit(F, T, describe(ConflictUse::MemberAccess), NewName,
         taken(F, ConflictScope::Field, NewName));
}

// A use of a parameter or a local variable.
void LexicalConflictDecider::decideBoundUse(const ConflictFileScan &F,
                                            const ScannedToken &T,
                                            const GroupName *G) {
  bool Param = T.Binding == TokenBinding::Parameter;
  std::string NewName = conflictNewName(Options, ConflictScope::Local, T.Name);
  std::string Refusal = taken(F, ConflictScope::Local, NewName);
  if (T.Role == TokenRole::Call && !T.InMacroBody &&
      decideCallExpandedByMacro(F, T, G, NewName, Refusal))
    return;
  if (!Options.RenameConflicts)
    return;
  std::string What =
      Param ? describe(T.Role == TokenRole::Call ? ConflictUse::ParameterCall
                                                 : ConflictUse::ParameterUse)
                  .str()
            : std::string(T.Role == TokenRole::Call
                              ? "call through the local variable"
                              : "use of the local variable");
  emit(F, T, What, NewName, Refusal);
}

// A call through a parameter or local that a function-like macro of the
// same name expands instead, where one is visible. True when reported.
bool LexicalConflictDecider::decideCallExpandedByMacro(
    const ConflictFileScan &F, const ScannedToken &T, const GroupName *G,
    const std::string &NewName, const std::string &Refusal) {
  bool Param = T.Binding == TokenBinding::Parameter;
  std::string Through = std::string("call through the ") +
                        (Param ? "parameter" : "local variable");
  if (G && !G->FunctionMacroAt.empty()) {
    emit(F, T, Through, NewName,
         "the arch-local function-like macro '" + T.Name + "' (" +
             G->FunctionMacroAt +
             ") expands it where it is visible; decide by hand which "
             "is meant");
    return true;
  }
  auto Macro = FunctionMacroAt.find(T.Name);
  if (Macro == FunctionMacroAt.end() && !isAllocName(Options, T.Name))
    return false;
  std::string At =
      Macro == FunctionMacroAt.end() ? "" : " (" + Macro->second + ")";
  emit(F, T,
       Through + " is expanded by the new API's function-like macro '" +
           T.Name + "'" + At +
           " wherever that is visible, instead of "
           "calling the " +
           (Param ? "parameter" : "variable"),
       NewName, Refusal);
  return true;
}

// A file-scope name: the group's own declaration, or the generic API.
void LexicalConflictDecider::decideFileScopeUse(const ConflictFileScan &F,
                                                const ScannedToken &T,
                                                const GroupName *G) {
  if (!G || !G->Conflict)
    return;
  if (T.Role == TokenRole::MacroReference && !G->MacroConflict)
    return;
  if (!Options.RenameConflicts)
    return;
  ConflictUse Kind = T.Role == TokenRole::Call ? ConflictUse::Call
                     : T.Role == TokenRole::MacroReference
                         ? ConflictUse::MacroReference
                         : ConflictUse::Use;
  std::string FileNew = conflictNewName(Options, ConflictScope::File, T.Name);
  emit(F, T, describe(Kind), FileNew, taken(F, ConflictScope::File, FileNew));
}

} // namespace pgmigrate
