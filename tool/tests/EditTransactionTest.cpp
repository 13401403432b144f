//===- EditTransactionTest.cpp --------------------------------------------===//

#include "EditTransaction.h"
#include "TempDirTest.h"
#include <sys/stat.h>

using namespace pgmigrate;
namespace fs = llvm::sys::fs;

namespace {

using EditTransactionTest = TempDirTest;

TEST_F(EditTransactionTest, WritesEveryFileAndKeepsTheirModes) {
  fs::perms Mode =
      fs::owner_read | fs::owner_write | fs::owner_exe | fs::group_read;
  std::string A = file("a.c", "old a\n", Mode);
  std::string B = file("b.c", "old b\n");
  ASSERT_FALSE(
      bool(rewriteAll({{A, "old a\n", "new a\n"}, {B, "old b\n", "new b\n"}})));
  EXPECT_EQ(read(A), "new a\n");
  EXPECT_EQ(read(B), "new b\n");
  fs::file_status Status;
  ASSERT_FALSE(fs::status(A, Status));
  EXPECT_EQ(Status.permissions(), Mode);
  EXPECT_EQ(entries(), 2u); // no temporary file left behind
}

TEST_F(EditTransactionTest, OneReadOnlyFileMeansNoFileIsWritten) {
  std::string A = file("a.c", "old\n");
  std::string B = file("ro.c", "old\n", fs::owner_read | fs::group_read);
  llvm::Error E = rewriteAll({{A, "old\n", "new\n"}, {B, "old\n", "new\n"}});
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find(B), std::string::npos);
  EXPECT_NE(Message.find("read-only"), std::string::npos);
  EXPECT_NE(Message.find("no file was changed"), std::string::npos);
  EXPECT_EQ(read(A), "old\n");
  EXPECT_EQ(read(B), "old\n");
}

TEST_F(EditTransactionTest, AFileThatChangedIsNotOverwritten) {
  std::string A = file("a.c", "someone else's text\n");
  llvm::Error E = rewriteAll({{A, "old\n", "new\n"}});
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed after it was parsed"),
            std::string::npos);
  EXPECT_EQ(read(A), "someone else's text\n");
}

TEST_F(EditTransactionTest, AFailedStagingChangesNothingAndLeavesNoTempFile) {
  std::string A = file("a.c", "old a\n");
  std::string B = file("b.c", "old b\n");
  TransactionFaults Faults;
  Faults.FailStaging = 1;
  llvm::Error E = rewriteAll(
      {{A, "old a\n", "new a\n"}, {B, "old b\n", "new b\n"}}, Faults);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find(B), std::string::npos);
  EXPECT_EQ(read(A), "old a\n");
  EXPECT_EQ(read(B), "old b\n");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(EditTransactionTest, AFailureWhileMovingRestoresTheFilesWritten) {
  std::string A = file("a.c", "old a\n");
  std::string B = file("b.c", "old b\n");
  TransactionFaults Faults;
  Faults.FailCommit = 1;
  llvm::Error E = rewriteAll(
      {{A, "old a\n", "new a\n"}, {B, "old b\n", "new b\n"}}, Faults);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("restored"), std::string::npos);
  EXPECT_EQ(read(A), "old a\n");
  EXPECT_EQ(read(B), "old b\n");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(EditTransactionTest, AHardLinkedFileIsRewrittenInPlace) {
  std::string A = file("a.c", "old\n");
  std::string Link = path("other-name.c");
  ASSERT_FALSE(fs::create_hard_link(A, Link));
  struct stat Before;
  ASSERT_EQ(::stat(A.c_str(), &Before), 0);
  ASSERT_FALSE(bool(rewriteAll({{A, "old\n", "new\n"}})));
  EXPECT_EQ(read(Link), "new\n"); // the link still names the same file
  struct stat After;
  ASSERT_EQ(::stat(A.c_str(), &After), 0);
  EXPECT_EQ(After.st_ino, Before.st_ino);
  EXPECT_EQ(After.st_nlink, 2u);
  EXPECT_EQ(entries(), 2u);
}

TEST_F(EditTransactionTest, AFifoIsNotRewritable) {
  std::string Fifo = path("fifo.c");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  EXPECT_EQ(whyNotRewritable(Fifo, ""), "it is not a regular file");
}

TEST_F(EditTransactionTest, ARewritableFileHasNoReason) {
  std::string A = file("a.c", "text\n");
  EXPECT_EQ(whyNotRewritable(A, "text\n"), "");
}

} // namespace
