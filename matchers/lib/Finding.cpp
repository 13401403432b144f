//===- Finding.cpp --------------------------------------------------------===//

#include "pgmigrate/Finding.h"
#include <tuple>

namespace pgmigrate {

llvm::StringRef kindName(FindingKind Kind) {
  switch (Kind) {
  case FindingKind::Converted:
    return "converted";
  case FindingKind::Refused:
    return "refused";
  case FindingKind::Conflict:
    return "conflict";
  }
  llvm_unreachable("unknown finding kind");
}

static auto replacementKey(const clang::tooling::Replacement &R) {
  return std::make_tuple(R.getFilePath(), R.getOffset(), R.getLength(),
                         R.getReplacementText());
}

static bool
replacementsLess(const std::vector<clang::tooling::Replacement> &A,
                 const std::vector<clang::tooling::Replacement> &B) {
  return std::lexicographical_compare(A.begin(), A.end(), B.begin(), B.end(),
                                      [](const clang::tooling::Replacement &X,
                                         const clang::tooling::Replacement &Y) {
                                        return replacementKey(X) <
                                               replacementKey(Y);
                                      });
}

bool operator<(const Finding &LHS, const Finding &RHS) {
  auto Key = [](const Finding &F) {
    return std::make_tuple(llvm::StringRef(F.FilePath), F.Offset,
                           llvm::StringRef(F.Rule), F.Kind,
                           llvm::StringRef(F.Message));
  };
  if (Key(LHS) != Key(RHS))
    return Key(LHS) < Key(RHS);
  return replacementsLess(LHS.Replacements, RHS.Replacements);
}

bool operator==(const Finding &LHS, const Finding &RHS) {
  return LHS.Rule == RHS.Rule && LHS.Kind == RHS.Kind &&
         LHS.FilePath == RHS.FilePath && LHS.Offset == RHS.Offset &&
         LHS.Line == RHS.Line && LHS.Column == RHS.Column &&
         LHS.Message == RHS.Message && LHS.Replacements == RHS.Replacements;
}

FindingSink::~FindingSink() = default;

} // namespace pgmigrate
