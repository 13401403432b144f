//===- NameConflicts.cpp --------------------------------------------------===//

#include "rules/NameConflicts.h"
#include "pgmigrate/ArchPath.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

namespace pgmigrate {

namespace {

// How messages name the setting that gives a scope's new names: in words
// that fit every front end (the CLI's --conflict-prefix, clang-tidy's
// ConflictPrefix, ...).
llvm::StringRef newNameSetting(ConflictScope Scope) {
  switch (Scope) {
  case ConflictScope::File:
    return "conflict prefix";
  case ConflictScope::Local:
    return "conflict parameter name";
  case ConflictScope::Field:
    return "conflict field name";
  }
  llvm_unreachable("unknown scope");
}

} // namespace

llvm::StringRef describe(ConflictDecl Kind) {
  switch (Kind) {
  case ConflictDecl::FunctionDefinition:
    return "function definition";
  case ConflictDecl::FunctionPrototype:
    return "function prototype";
  case ConflictDecl::FunctionMacro:
    return "function-like macro";
  case ConflictDecl::ObjectMacro:
    return "object-like macro";
  case ConflictDecl::Variable:
    return "variable";
  case ConflictDecl::LocalVariable:
    return "local variable";
  case ConflictDecl::Parameter:
    return "parameter";
  case ConflictDecl::FunctionPointerParameter:
    return "function-pointer parameter";
  case ConflictDecl::Field:
    return "struct field";
  case ConflictDecl::UnionField:
    return "union field";
  case ConflictDecl::Typedef:
    return "typedef";
  case ConflictDecl::Enumerator:
    return "enumerator";
  }
  llvm_unreachable("unknown declaration kind");
}

ConflictScope scopeOf(ConflictDecl Kind) {
  switch (Kind) {
  case ConflictDecl::LocalVariable:
  case ConflictDecl::Parameter:
  case ConflictDecl::FunctionPointerParameter:
    return ConflictScope::Local;
  case ConflictDecl::Field:
  case ConflictDecl::UnionField:
    return ConflictScope::Field;
  default:
    return ConflictScope::File;
  }
}

std::string conflictNewName(const MigrationOptions &Options,
                            ConflictScope Scope, llvm::StringRef Old) {
  if (Scope == ConflictScope::File)
    return Options.ConflictPrefix + Old.str();
  std::string Pattern = Scope == ConflictScope::Local
                            ? Options.ConflictParamName
                            : Options.ConflictFieldName;
  size_t At = Pattern.find("%s");
  if (At != std::string::npos)
    Pattern.replace(At, 2, Old.str());
  return Pattern;
}

bool isAllocName(const MigrationOptions &Options, llvm::StringRef Name) {
  Name.consume_back("_noprof");
  return Name == "pgtable_alloc" || Name == Options.AllocName;
}

llvm::StringRef describe(ConflictUse Kind) {
  switch (Kind) {
  case ConflictUse::Call:
    return "call";
  case ConflictUse::Use:
    return "use";
  case ConflictUse::MemberAccess:
    return "member access";
  case ConflictUse::MacroReference:
    return "macro reference";
  case ConflictUse::ParameterCall:
    return "call through the parameter";
  case ConflictUse::ParameterUse:
    return "use of the parameter";
  }
  llvm_unreachable("unknown use kind");
}

std::string conflictMessage(llvm::StringRef Name, llvm::StringRef What,
                            llvm::StringRef NewName, bool Renamed) {
  std::string Message =
      "'" + Name.str() + "' clashes with the new API: " + What.str() + "; ";
  if (Renamed)
    return Message + "renamed to '" + NewName.str() + "'";
  return Message + "not renamed (renaming is off; it would become '" +
         NewName.str() + "')";
}

std::string conflictRefusal(llvm::StringRef Name, llvm::StringRef What,
                            llvm::StringRef Reason) {
  return "'" + Name.str() + "' clashes with the new API: " + What.str() +
         "; not renamed: " + Reason.str();
}

std::string newNameTaken(llvm::StringRef NewName, llvm::StringRef How,
                         ConflictScope Scope) {
  return "the new name '" + NewName.str() + "' is already " + How.str() +
         "; choose another " + newNameSetting(Scope).str();
}

std::string assemblyRefusal(llvm::StringRef NewName) {
  return "the C declarations become '" + NewName.str() +
         "' when renamed; rename it by hand";
}

std::string conflictGroup(const std::string &Path, llvm::StringRef Root) {
  if (std::optional<ArchDir> Arch = archDirOf(Path, Root))
    return Arch->Dir;
  return Path;
}

} // namespace pgmigrate
