//===- AtomicFileWriterTest.cpp -------------------------------------------===//

#include "AtomicFileWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
namespace fs = llvm::sys::fs;

namespace {

class AtomicFileWriterTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(fs::createUniqueDirectory("pgmigrate-atomic", Dir));
  }
  void TearDown() override { fs::remove_directories(Dir); }

  std::string file(llvm::StringRef Name, llvm::StringRef Contents,
                   fs::perms Perms) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Path, EC);
      OS << Contents;
    }
    EXPECT_FALSE(EC);
    EXPECT_FALSE(fs::setPermissions(Path, Perms));
    return std::string(Path);
  }
  std::string read(llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }
  unsigned entries() {
    unsigned Count = 0;
    std::error_code EC;
    for (fs::directory_iterator It(Dir, EC), End; !EC && It != End;
         It.increment(EC))
      ++Count;
    return Count;
  }

  llvm::SmallString<128> Dir;
};

TEST_F(AtomicFileWriterTest, ReplacesContentsAndKeepsPermissions) {
  fs::perms Mode =
      fs::owner_read | fs::owner_write | fs::owner_exe | fs::group_read;
  std::string Path = file("a.c", "old\n", Mode);
  ASSERT_FALSE(bool(writeFileAtomically(Path, "new\n")));
  EXPECT_EQ(read(Path), "new\n");
  fs::file_status Status;
  ASSERT_FALSE(fs::status(Path, Status));
  EXPECT_EQ(Status.permissions(), Mode);
  EXPECT_EQ(entries(), 1u); // no temporary file left behind
}

TEST_F(AtomicFileWriterTest, ReadOnlyFileIsAnErrorNamingItAndStaysIntact) {
  std::string Path = file("ro.c", "old\n", fs::owner_read | fs::group_read);
  llvm::Error E = writeFileAtomically(Path, "new\n");
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find(Path), std::string::npos);
  EXPECT_NE(Message.find("read-only"), std::string::npos);
  EXPECT_EQ(read(Path), "old\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileWriterTest, MissingFileIsAnError) {
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, "missing.c");
  llvm::Error E = writeFileAtomically(Path, "x");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("missing.c"), std::string::npos);
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFileWriterTest, ThroughASymbolicLinkReplacesTheFileItNames) {
  std::string Path = file("real.c", "old\n", fs::owner_read | fs::owner_write);
  llvm::SmallString<128> Link(Dir);
  llvm::sys::path::append(Link, "link.c");
  ASSERT_FALSE(fs::create_link("real.c", Link));
  ASSERT_FALSE(bool(writeFileAtomically(Link, "new\n")));
  EXPECT_EQ(read(Path), "new\n");
  fs::file_status Status;
  ASSERT_FALSE(fs::status(Link, Status, /*Follow=*/false));
  EXPECT_EQ(Status.type(), fs::file_type::symlink_file);
  EXPECT_EQ(entries(), 2u);
}

} // namespace
