//===- ProgressLine.cpp ---------------------------------------------------===//

#include "ProgressLine.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace pgmigrate {

void ProgressLine::update(size_t Done, llvm::StringRef File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  std::string Line =
      "[" + std::to_string(Done) + "/" + std::to_string(Total) + "] ";
  // The counter always shows; a long path keeps its end.
  constexpr size_t Width = 79;
  llvm::StringRef Path = File;
  if (Line.size() + Path.size() > Width && Width > Line.size() + 3)
    Line += "..." + Path.take_back(Width - Line.size() - 3).str();
  else
    Line += Path.str();
  llvm::errs() << "\r\x1b[K" << Line;
  llvm::errs().flush();
  Shown = true;
}

void ProgressLine::clear() {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Shown)
    llvm::errs() << "\r\x1b[K";
  Shown = false;
}

} // namespace pgmigrate
