//===- CoverageRecorder.cpp -----------------------------------------------===//

#include "rules/CoverageRecorder.h"
#include "pgmigrate/AbsolutePath.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pgmigrate {

void CoverageRecorder::FileChanged(SourceLocation Loc, FileChangeReason Reason,
                                   SrcMgr::CharacteristicKind, FileID) {
  if (Reason != EnterFile)
    return;
  FileID File = SM.getFileID(Loc);
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return;
  std::string Path = realFilePath(*Entry, SM.getFileManager());
  std::vector<SkippedRanges> &Entries = Coverage.Files[Path];
  Entries.emplace_back();
  Current[File] = Entries.size() - 1;
  Paths[File] = std::string(Path);
}

void CoverageRecorder::SourceRangeSkipped(SourceRange Range, SourceLocation) {
  std::pair<FileID, unsigned> Begin = SM.getDecomposedLoc(Range.getBegin());
  std::pair<FileID, unsigned> End = SM.getDecomposedLoc(Range.getEnd());
  auto It = Current.find(Begin.first);
  if (It == Current.end() || End.first != Begin.first)
    return;
  Coverage.Files[Paths[Begin.first]][It->second].emplace_back(Begin.second,
                                                              End.second);
}

} // namespace pgmigrate
