//===- GitChanges.cpp -----------------------------------------------------===//

#include "GitChanges.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace pgmigrate {

namespace {

struct GitOutput {
  int Status = -1;
  std::string Out, Err;
};

// git Args (after "git -C Dir"), with what it printed.
llvm::Expected<GitOutput> runGit(llvm::StringRef Dir,
                                 llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(Git.getError(),
                                   "--since: git is not on PATH");
  llvm::SmallString<128> OutPath, ErrPath;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "pgtable-migrate-git", "out", OutPath))
    return llvm::createStringError(EC, "--since: cannot create a temporary "
                                       "file for git's output");
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "pgtable-migrate-git", "err", ErrPath)) {
    llvm::sys::fs::remove(OutPath);
    return llvm::createStringError(EC, "--since: cannot create a temporary "
                                       "file for git's output");
  }
  std::vector<llvm::StringRef> Argv = {"git", "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                OutPath.str(), ErrPath.str()};
  GitOutput Result;
  Result.Status =
      llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  for (auto [Path, Text] :
       {std::pair{&OutPath, &Result.Out}, std::pair{&ErrPath, &Result.Err}}) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(*Path))
      *Text = (*Buffer)->getBuffer().str();
    llvm::sys::fs::remove(*Path);
  }
  return Result;
}

// git's first line of complaint, for a message.
std::string firstLine(llvm::StringRef Text) {
  return Text.trim().split('\n').first.str();
}

} // namespace

llvm::Expected<std::set<std::string>> filesChangedSince(llvm::StringRef Dir,
                                                        llvm::StringRef Rev) {
  llvm::Expected<GitOutput> Top = runGit(Dir, {"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  if (Top->Status != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--since: '" + Dir +
                                       "' is not in a git work tree (" +
                                       firstLine(Top->Err) + ")");
  std::string TopLevel = llvm::StringRef(Top->Out).trim().str();

  // "REV^{commit}": a tag or branch name as well as a hash, never a path.
  std::string Commit = (Rev + "^{commit}").str();
  llvm::Expected<GitOutput> Known =
      runGit(Dir, {"rev-parse", "--verify", "--quiet", Commit});
  if (!Known)
    return Known.takeError();
  if (Known->Status != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--since: '" + Rev +
                                       "' is not a commit of the git "
                                       "repository at '" +
                                       TopLevel + "'");

  // -z: paths as git stores them, whatever bytes they hold.
  llvm::Expected<GitOutput> Diff =
      runGit(TopLevel, {"diff", "--name-only", "--no-renames", "-z",
                        llvm::StringRef(Known->Out).trim(), "--"});
  if (!Diff)
    return Diff.takeError();
  llvm::Expected<GitOutput> Untracked =
      runGit(TopLevel, {"ls-files", "--others", "--exclude-standard", "-z"});
  if (!Untracked)
    return Untracked.takeError();
  for (const GitOutput *Out : {&*Diff, &*Untracked})
    if (Out->Status != 0)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "--since: git failed in '" + TopLevel +
                                         "': " + firstLine(Out->Err));

  std::set<std::string> Files;
  for (const GitOutput *Out : {&*Diff, &*Untracked}) {
    llvm::SmallVector<llvm::StringRef, 64> Names;
    llvm::StringRef(Out->Out).split(Names, '\0', -1, false);
    for (llvm::StringRef Name : Names) {
      llvm::SmallString<256> Path(TopLevel), Real;
      llvm::sys::path::append(Path, llvm::sys::path::Style::posix, Name);
      // A deleted file has no code left to look at.
      if (!llvm::sys::fs::real_path(Path, Real))
        Files.insert(std::string(Real));
    }
  }
  return Files;
}

} // namespace pgmigrate
