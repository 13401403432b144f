//===- NameConflictsScan.cpp ----------------------------------------------===//

#include "pgmigrate/NameConflictsScan.h"
#include "pgmigrate/Rules.h"
#include "rules/DescriptorRename.h"
#include "rules/LexicalConflictDecider.h"
#include "rules/LexicalRenameDecider.h"
#include "rules/NameConflicts.h"
#include "rules/NameConflictsRule.h"
#include "rules/RenameDescriptorRule.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

// Options made by hand (no rule list) run name-conflicts' half.
static bool runsConflicts(const MigrationOptions &Options) {
  return Options.EnabledRules.empty() ||
         Options.isEnabled(NameConflictsRule::Name);
}

bool NameConflictsScan::isEnabled(const MigrationOptions &Options) {
  return Options.isEnabled(NameConflictsRule::Name) ||
         descriptorRenameActive(Options);
}

NameConflictsScan::NameConflictsScan(const MigrationOptions &Options,
                                     std::string Root)
    : Options(Options), Root(std::move(Root)),
      Conflicts(runsConflicts(Options)),
      Descriptor(descriptorRenameActive(Options)) {
  if (Conflicts) {
    Clashing = Options.conflictNames();
    Wanted = Clashing;
    for (const std::string &Name : Clashing)
      for (ConflictScope Scope :
           {ConflictScope::File, ConflictScope::Local, ConflictScope::Field})
        Wanted.push_back(conflictNewName(Options, Scope, Name));
  }
  if (Descriptor)
    for (const std::string &Old : descriptorOldNames()) {
      Clashing.push_back(Old);
      Wanted.push_back(Old);
      Wanted.push_back(descriptorNewName(Options, Old));
    }
  llvm::sort(Clashing);
  Clashing.erase(std::unique(Clashing.begin(), Clashing.end()), Clashing.end());
  llvm::sort(Wanted);
  Wanted.erase(std::unique(Wanted.begin(), Wanted.end()), Wanted.end());
}

void NameConflictsScan::addUnit(UnitCoverage UnitSaw,
                                llvm::ArrayRef<Finding> Findings) {
  Coverage.merge(std::move(UnitSaw));
  for (const Finding &F : Findings)
    if (F.Rule == NameConflictsRule::Name ||
        F.Rule == RenameDescriptorRule::Name)
      AstSites[F.Rule][F.FilePath].insert(F.Offset);
}

ConflictFileScan NameConflictsScan::scanFile(llvm::StringRef Path,
                                             llvm::StringRef Text) const {
  ConflictFileScan Scan;
  // name-conflicts' new names contain a clashing name; the descriptor
  // allocator's new names do not, and are looked for too.
  if (llvm::none_of(
          Wanted, [&](const std::string &Name) { return Text.contains(Name); }))
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
  static const std::map<std::string, std::set<unsigned>> None;
  auto SitesOf = [&](llvm::StringRef Rule) -> const auto & {
    auto It = AstSites.find(Rule.str());
    return It == AstSites.end() ? None : It->second;
  };
  if (Conflicts)
    LexicalConflictDecider(Options, Root,
                           {Coverage, SitesOf(NameConflictsRule::Name)}, Result)
        .run(Files);
  if (Descriptor)
    LexicalRenameDecider(
        Options, Root, {Coverage, SitesOf(RenameDescriptorRule::Name)}, Result)
        .run(Files);
  return Result;
}

} // namespace pgmigrate
