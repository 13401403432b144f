//===- ProgressLine.h - "[done/total] file" on a terminal -------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_PROGRESSLINE_H
#define PGMIGRATE_TOOL_PROGRESSLINE_H

#include "llvm/ADT/StringRef.h"
#include <mutex>

namespace pgmigrate {

/// One self-overwriting status line on stderr, shared by the workers.
/// Silent unless enabled (stderr is a terminal and --quiet is not given).
class ProgressLine {
public:
  ProgressLine(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}
  ~ProgressLine() { clear(); }

  /// A worker finished a unit; File is the one it starts next, or "".
  void update(size_t Done, llvm::StringRef File);
  /// Erases the line.
  void clear();

private:
  bool Enabled;
  size_t Total;
  bool Shown = false;
  std::mutex Lock;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_PROGRESSLINE_H
