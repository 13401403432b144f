//===- UnitFindings.cpp ---------------------------------------------------===//

#include "UnitFindings.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace pgmigrate::tidy {

void settleUnitFindings(std::vector<Finding> &Findings) {
  llvm::stable_sort(Findings);
  Findings.erase(std::unique(Findings.begin(), Findings.end()),
                 Findings.end());
}

} // namespace pgmigrate::tidy
