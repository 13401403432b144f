//===- NameConflicts.h - What clashes with the new API's names --*- C++ -*-===//
//
// Shared by the two halves of rule "name-conflicts": the AST rule (units a
// compile database covers) and the lexical tree scan (every file, including
// arches clang cannot build). Both decide with the same notions and speak
// with the same words, so their findings read alike.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_NAMECONFLICTS_H
#define PGMIGRATE_NAMECONFLICTS_H

#include "pgmigrate/Options.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

/// What a clashing declaration declares.
enum class ConflictDecl {
  FunctionDefinition,
  FunctionPrototype,
  FunctionMacro,
  ObjectMacro,
  Variable,
  LocalVariable,
  Parameter,
  FunctionPointerParameter,
  Field,
  UnionField,
  Typedef,
  Enumerator,
};

/// "function definition", "function-pointer parameter", ...
llvm::StringRef describe(ConflictDecl Kind);

/// How a clashing declaration is renamed: file-scope names take the prefix,
/// parameters and block-scope variables the local pattern, fields the field
/// pattern.
enum class ConflictScope { File, Local, Field };
ConflictScope scopeOf(ConflictDecl Kind);

/// The name Old gets under Options' scheme.
std::string conflictNewName(const MigrationOptions &Options,
                            ConflictScope Scope, llvm::StringRef Old);

/// Which half of the API a name belongs to: pgtable_alloc, the configured
/// alloc name and their _noprof forms allocate; the others free.
bool isAllocName(const MigrationOptions &Options, llvm::StringRef Name);

/// How a use of a clashing name reads in a message.
enum class ConflictUse {
  Call,
  Use,
  MemberAccess,
  MacroReference,
  ParameterCall,
  ParameterUse,
};
llvm::StringRef describe(ConflictUse Kind);

/// "'NAME' clashes with the new API: <what>; renamed to 'NEW'" or, when not
/// renaming, "...: <what>; not renamed (renaming is off; it would become
/// 'NEW')". Messages name no front end's flags.
std::string conflictMessage(llvm::StringRef Name, llvm::StringRef What,
                            llvm::StringRef NewName, bool Renamed);

/// "'NAME' clashes with the new API: <what>; not renamed: <reason>".
std::string conflictRefusal(llvm::StringRef Name, llvm::StringRef What,
                            llvm::StringRef Reason);

/// The refusal reason for a new name already in use: "the new name 'NEW'
/// is already <how>; choose another <setting of Scope's new names>".
std::string newNameTaken(llvm::StringRef NewName, llvm::StringRef How,
                         ConflictScope Scope);

/// The refusal reason for a use in assembly of a name whose C declarations
/// are renamed to NewName.
std::string assemblyRefusal(llvm::StringRef NewName);

/// The group a file's names belong to: its arch directory (absolute, see
/// ArchPath.h; Root is the tree's root) for arch code, else the file itself.
std::string conflictGroup(const std::string &Path, llvm::StringRef Root = "");

} // namespace pgmigrate

#endif // PGMIGRATE_NAMECONFLICTS_H
