//===- NameConflictsScan.cpp ----------------------------------------------===//

#include "pgmigrate/NameConflictsScan.h"
#include "pgmigrate/Rules.h"
#include "rules/LexicalConflictDecider.h"
#include "rules/NameConflicts.h"
#include "rules/NameConflictsRule.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

bool NameConflictsScan::isEnabled(const MigrationOptions &Options) {
  return Options.isEnabled(NameConflictsRule::Name);
}

NameConflictsScan::NameConflictsScan(const MigrationOptions &Options,
                                     std::string Root)
    : Options(Options), Root(std::move(Root)),
      Clashing(Options.conflictNames()) {
  Wanted = Clashing;
  for (const std::string &Name : Clashing)
    for (ConflictScope Scope :
         {ConflictScope::File, ConflictScope::Local, ConflictScope::Field})
      Wanted.push_back(conflictNewName(Options, Scope, Name));
  llvm::sort(Wanted);
  Wanted.erase(std::unique(Wanted.begin(), Wanted.end()), Wanted.end());
}

void NameConflictsScan::addUnit(UnitCoverage UnitSaw,
                                llvm::ArrayRef<Finding> Findings) {
  Coverage.merge(std::move(UnitSaw));
  for (const Finding &F : Findings)
    if (F.Rule == NameConflictsRule::Name)
      AstSites[F.FilePath].insert(F.Offset);
}

ConflictFileScan NameConflictsScan::scanFile(llvm::StringRef Path,
                                             llvm::StringRef Text) const {
  ConflictFileScan Scan;
  // Every wanted name contains a clashing one.
  if (llvm::none_of(Clashing, [&](const std::string &Name) {
        return Text.contains(Name);
      }))
    return Scan;
  Scan.Path = Path.str();
  Scan.Group = conflictGroup(Scan.Path, Options.TreeRoot);
  Scan.Assembly = Path.endswith(".S");
  Scan.Tokens = scanIdentifiers(Text, Wanted);
  return Scan;
}

NameConflictsScanResult
NameConflictsScan::decide(std::vector<ConflictFileScan> Files) const {
  NameConflictsScanResult Result;
  llvm::erase_if(Files, [](const ConflictFileScan &F) {
    return F.Path.empty() || F.Tokens.empty();
  });
  llvm::StringSet<> ClashingSet;
  for (const std::string &Name : Clashing)
    ClashingSet.insert(Name);
  for (const ConflictFileScan &F : Files)
    if (llvm::any_of(F.Tokens, [&](const ScannedToken &T) {
          return ClashingSet.count(T.Name);
        }))
      ++Result.FilesWithNames;
  LexicalConflictDecider(Options, Root, {Coverage, AstSites}, Result)
      .run(Files);
  return Result;
}

} // namespace pgmigrate
