//===- TempDirTest.h - A fixture with a scratch directory -------*- C++ -*-===//

#ifndef PGMIGRATE_TOOL_TESTS_TEMPDIRTEST_H
#define PGMIGRATE_TOOL_TESTS_TEMPDIRTEST_H

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace pgmigrate {

/// A fresh directory per test, removed after it, with helpers to make and
/// read files in it.
class TempDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("pgmigrate-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    return std::string(Path);
  }
  std::string file(llvm::StringRef Name, llvm::StringRef Contents,
                   llvm::sys::fs::perms Perms = llvm::sys::fs::owner_read |
                                                llvm::sys::fs::owner_write) {
    std::string Path = path(Name);
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Path, EC);
      OS << Contents;
    }
    EXPECT_FALSE(EC);
    EXPECT_FALSE(llvm::sys::fs::setPermissions(Path, Perms));
    return Path;
  }
  static std::string read(llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }
  /// Entries in the directory (temporary files left behind show here).
  unsigned entries() const {
    unsigned Count = 0;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
         It.increment(EC))
      ++Count;
    return Count;
  }

  llvm::SmallString<128> Dir;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_TESTS_TEMPDIRTEST_H
