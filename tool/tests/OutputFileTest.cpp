//===- OutputFileTest.cpp -------------------------------------------------===//

#include "OutputFile.h"
#include "TempDirTest.h"

using namespace pgmigrate;
namespace fs = llvm::sys::fs;

namespace {

using OutputFileTest = TempDirTest;

TEST_F(OutputFileTest, CreatesANewFile) {
  std::string Path = path("report.json");
  ASSERT_FALSE(bool(writeOutputFile(Path, "{}\n")));
  EXPECT_EQ(read(Path), "{}\n");
  EXPECT_EQ(entries(), 1u);
}

// A shard's records are written as its units finish: until commit() the
// previous file stays, and a file never committed leaves nothing behind.
TEST_F(OutputFileTest, AStreamedFileAppearsWholeOnCommit) {
  std::string Path =
      file("shard.json", "old\n", fs::owner_read | fs::owner_write);
  {
    llvm::Expected<std::unique_ptr<StreamedOutputFile>> Out =
        StreamedOutputFile::open(Path);
    ASSERT_TRUE(bool(Out));
    (*Out)->os() << "record 1\n";
    (*Out)->os().flush();
    EXPECT_EQ(read(Path), "old\n");
    (*Out)->os() << "record 2\n";
    ASSERT_FALSE(bool((*Out)->commit()));
  }
  EXPECT_EQ(read(Path), "record 1\nrecord 2\n");
  EXPECT_EQ(entries(), 1u);
  {
    llvm::Expected<std::unique_ptr<StreamedOutputFile>> Out =
        StreamedOutputFile::open(Path);
    ASSERT_TRUE(bool(Out));
    (*Out)->os() << "half a shard";
  } // never committed: a run stopped by an error
  EXPECT_EQ(read(Path), "record 1\nrecord 2\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFileTest, ReplacesAnExistingFileKeepingItsMode) {
  fs::perms Mode = fs::owner_read | fs::owner_write | fs::group_read;
  std::string Path = file("report.yaml", "old\n", Mode);
  ASSERT_FALSE(bool(writeOutputFile(Path, "new\n")));
  EXPECT_EQ(read(Path), "new\n");
  fs::file_status Status;
  ASSERT_FALSE(fs::status(Path, Status));
  EXPECT_EQ(Status.permissions(), Mode);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFileTest, AFullDeviceIsAnErrorNamingIt) {
  if (!fs::exists("/dev/full"))
    GTEST_SKIP() << "no /dev/full";
  llvm::Error E = writeOutputFile("/dev/full", "text\n");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("'/dev/full'"),
            std::string::npos);
}

TEST_F(OutputFileTest, ADirectoryIsAnError) {
  llvm::Error E = writeOutputFile(Dir, "text\n");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("directory"), std::string::npos);
}

TEST_F(OutputFileTest, AMissingDirectoryIsAnErrorAndCreatesNothing) {
  std::string Path = path("no/such/dir/report.json");
  llvm::Error E = writeOutputFile(Path, "{}\n");
  ASSERT_TRUE(bool(E));
  llvm::consumeError(std::move(E));
  EXPECT_EQ(entries(), 0u);
}

} // namespace
