//===- TreeScan.cpp -------------------------------------------------------===//

#include "TreeScan.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/xxhash.h"

namespace pgmigrate {

std::vector<std::string> listSourceFiles(const std::string &Root,
                                         std::vector<std::string> &Errors) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End; It.increment(EC)) {
    if (EC) {
      Errors.push_back("cannot read '" + It->path() + "': " + EC.message());
      EC.clear();
      continue;
    }
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (It->type() == llvm::sys::fs::file_type::directory_file) {
      if (Name == ".git")
        It.no_push();
      continue;
    }
    if (It->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    if (Name.endswith(".c") || Name.endswith(".h") || Name.endswith(".S"))
      Files.push_back(It->path());
  }
  if (EC)
    Errors.push_back("cannot read '" + Root + "': " + EC.message());
  llvm::sort(Files);
  return Files;
}

namespace {

// Reads and lexes one file; a read error goes to Error.
ConflictFileScan readAndScan(const std::string &Path,
                             const NameConflictsScan &Scan, std::string &Error,
                             uint64_t &Hash) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Error = "cannot read '" + Path + "': " + Buffer.getError().message();
    return {};
  }
  Hash = llvm::xxHash64((*Buffer)->getBuffer());
  return Scan.scanFile(Path, (*Buffer)->getBuffer());
}

} // namespace

TreeScanResult scanTree(const std::string &Root, const NameConflictsScan &Scan,
                        unsigned Threads) {
  TreeScanResult Result;
  std::vector<std::string> Paths = listSourceFiles(Root, Result.Errors);
  Result.FilesWalked = Paths.size();

  // Results by index, so their order does not depend on the scheduling.
  std::vector<ConflictFileScan> Files(Paths.size());
  std::vector<std::string> ReadErrors(Paths.size());
  std::vector<uint64_t> Hashes(Paths.size());
  {
    llvm::ThreadPool Pool(llvm::hardware_concurrency(
        std::max(1u, std::min<unsigned>(Threads, Paths.size()))));
    for (size_t I = 0; I < Paths.size(); ++I)
      Pool.async([&, I] {
        Files[I] = readAndScan(Paths[I], Scan, ReadErrors[I], Hashes[I]);
      });
    Pool.wait();
  }
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (!ReadErrors[I].empty())
      Result.Errors.push_back(std::move(ReadErrors[I]));
    else
      Result.ContentHashes[Paths[I]] = Hashes[I];
  }

  NameConflictsScanResult Decided = Scan.decide(std::move(Files));
  Result.Findings = std::move(Decided.Findings);
  Result.FilesWithNames = Decided.FilesWithNames;
  Result.Tokens = Decided.Tokens;
  Result.DecidedLexically = Decided.DecidedLexically;
  return Result;
}

} // namespace pgmigrate
