//===- CoverageRecorder.h - What a unit read and skipped --------*- C++ -*-===//
//
// Preprocessor callbacks that fill a UnitCoverage for one translation unit:
// each file it enters and, per entry, the inactive #if branches skipped
// there. Rule "name-conflicts" adds them when a front end asks for coverage.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_COVERAGERECORDER_H
#define PGMIGRATE_RULES_COVERAGERECORDER_H

#include "pgmigrate/UnitCoverage.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include <map>
#include <string>

namespace pgmigrate {

class CoverageRecorder : public clang::PPCallbacks {
public:
  /// Records into Coverage; both must outlive the unit's preprocessing.
  CoverageRecorder(const clang::SourceManager &SM, UnitCoverage &Coverage)
      : SM(SM), Coverage(Coverage) {}

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind, clang::FileID) override;
  void SourceRangeSkipped(clang::SourceRange Range,
                          clang::SourceLocation) override;

private:
  const clang::SourceManager &SM;
  UnitCoverage &Coverage;
  /// For each file entered, its entry's index and its path.
  std::map<clang::FileID, size_t> Current;
  std::map<clang::FileID, std::string> Paths;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_COVERAGERECORDER_H
