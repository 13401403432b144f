//===- UnitCoverage.cpp ---------------------------------------------------===//

#include "pgmigrate/UnitCoverage.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

void UnitCoverage::merge(UnitCoverage Other) {
  for (auto &[Path, Entries] : Other.Files)
    for (SkippedRanges &Skipped : Entries)
      Files[Path].push_back(std::move(Skipped));
}

bool UnitCoverage::compiled(const std::string &Path, unsigned Offset) const {
  auto Seen = Files.find(Path);
  if (Seen == Files.end())
    return false;
  return llvm::any_of(Seen->second, [&](const SkippedRanges &Skipped) {
    return llvm::none_of(Skipped, [&](const std::pair<unsigned, unsigned> &R) {
      return R.first <= Offset && Offset < R.second;
    });
  });
}

} // namespace pgmigrate
