//===- LexicalRenameDecider.cpp -------------------------------------------===//

#include "rules/LexicalRenameDecider.h"
#include "rules/DescriptorRename.h"
#include "rules/RenameDescriptorRule.h"

namespace pgmigrate {

LexicalRenameDecider::LexicalRenameDecider(const MigrationOptions &Options,
                                           llvm::StringRef Root, AstDecided Ast,
                                           NameConflictsScanResult &Result)
    : Root(Root), Ast(Ast), Result(Result) {
  for (const std::string &Old : descriptorOldNames())
    NewNames[Old] = descriptorNewName(Options, Old);
}

void LexicalRenameDecider::run(const std::vector<ConflictFileScan> &Files) {
  // A new name used anywhere (C or assembly) blocks the rename: the names
  // of the generic allocator are one name space for the whole tree.
  for (const ConflictFileScan &F : Files)
    for (const ScannedToken &T : F.Tokens)
      for (const auto &[Old, New] : NewNames)
        if (T.Name == New && Taken.empty())
          Taken = descriptorNameTaken(New, "used in the tree (" +
                                               scannedPlace(Root, F, T) + ")");
  for (const ConflictFileScan &F : Files)
    decideUnseen(
        Ast, F,
        [&](const ScannedToken &T) { return NewNames.count(T.Name) > 0; },
        Result, [&](const ScannedToken &T) { decide(F, T); });
}

void LexicalRenameDecider::report(const ConflictFileScan &F,
                                  const ScannedToken &T, std::string Message,
                                  bool Blocks) {
  Finding Out = lexicalFinding(RenameDescriptorRule::Name, F, T,
                               std::move(Message), nullptr);
  if (Blocks)
    Out.WholeRename = DescriptorRenameGroup.str();
  Result.Findings.push_back(std::move(Out));
}

void LexicalRenameDecider::decide(const ConflictFileScan &F,
                                  const ScannedToken &T) {
  const std::string &NewName = NewNames[T.Name];
  if (F.Assembly)
    return report(F, T,
                  descriptorRefused(T.Name, "use in assembly",
                                    "the C code calls it '" + NewName +
                                        "' once renamed; rename it by hand"),
                  /*Blocks=*/false);
  switch (T.Role) {
  case TokenRole::Parameter:
  case TokenRole::FunctionPointerParameter:
  case TokenRole::Field:
  case TokenRole::Variable:
  case TokenRole::LocalVariable:
  case TokenRole::Typedef:
  case TokenRole::Enumerator:
    return report(F, T,
                  descriptorNotAllocator(T.Name, "a " + describe(T.Role).str()),
                  /*Blocks=*/false);
  case TokenRole::MemberAccess:
    return; // a field's, reported at the field
  default:
    break;
  }
  if (T.Binding != TokenBinding::None)
    return; // a parameter's or a local's, reported at its declaration
  llvm::StringRef What = T.InMacroBody && !isDeclaration(T.Role)
                             ? "use in a macro body"
                             : describe(T.Role);
  if (!Taken.empty())
    return report(F, T, descriptorRefused(T.Name, What, Taken),
                  /*Blocks=*/true);
  Finding Out =
      lexicalFinding(RenameDescriptorRule::Name, F, T,
                     descriptorRenamed(T.Name, What, NewName), &NewName);
  Out.WholeRename = DescriptorRenameGroup.str();
  Result.Findings.push_back(std::move(Out));
}

} // namespace pgmigrate
