//===- ProgressLine.cpp ---------------------------------------------------===//

#include "ProgressLine.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace pgmigrate {

void ProgressLine::update(size_t Done, llvm::StringRef File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) +
                     "] " + File.str();
  constexpr size_t Width = 79;
  if (Line.size() > Width)
    Line = "..." + Line.substr(Line.size() - (Width - 3));
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
