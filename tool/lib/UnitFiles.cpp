//===- UnitFiles.cpp ------------------------------------------------------===//

#include "UnitFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include <set>

namespace pgmigrate {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

// Path, taken from Directory when relative, without . and .. parts.
static std::string absoluteIn(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result;
  if (path::is_absolute(Path)) {
    Result = Path;
  } else {
    Result = Directory;
    path::append(Result, Path);
  }
  path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

unsigned SourceFileTable::idOf(llvm::StringRef Path) {
  auto [It, New] = Ids.try_emplace(Path, Paths.size());
  if (New) {
    Paths.push_back(Path.str());
    Summaries.emplace_back();
  }
  return It->second;
}

static std::unique_ptr<SourceSummary> readSummary(const std::string &Path) {
  // Only regular files: opening a FIFO would wait for a writer.
  if (!llvm::sys::fs::is_regular_file(Path))
    return std::make_unique<SourceSummary>();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::make_unique<SourceSummary>();
  return std::make_unique<SourceSummary>(
      summarizeSource((*Buffer)->getBuffer()));
}

const SourceSummary &SourceFileTable::summary(unsigned Id) {
  if (!Summaries[Id])
    Summaries[Id] = readSummary(Paths[Id]);
  return *Summaries[Id];
}

void SourceFileTable::summarizeAll(unsigned Threads) {
  llvm::ThreadPool Pool(llvm::hardware_concurrency(std::max(1u, Threads)));
  for (size_t I = 0; I < Paths.size(); ++I)
    if (!Summaries[I])
      Pool.async([this, I] { Summaries[I] = readSummary(Paths[I]); });
  Pool.wait();
}

void SourceFileTable::dropIndexedLists() {
  for (std::unique_ptr<SourceSummary> &S : Summaries) {
    if (!S)
      continue;
    std::vector<std::string>().swap(S->Identifiers);
    for (SourceSummary::Macro &M : S->Macros)
      std::vector<std::string>().swap(M.Body);
  }
}

std::string UnitFilesFinder::realPath(llvm::StringRef Path,
                                      llvm::StringRef Directory) {
  std::string Absolute = absoluteIn(Path, Directory);
  auto It = RealPaths.find(Absolute);
  if (It != RealPaths.end())
    return It->second;
  llvm::SmallString<256> Real;
  std::string Result =
      fs::real_path(Absolute, Real) ? Absolute : std::string(Real);
  RealPaths[Absolute] = Result;
  return Result;
}

bool UnitFilesFinder::isFile(const std::string &Path) {
  auto It = IsFile.find(Path);
  if (It != IsFile.end())
    return It->second;
  return IsFile[Path] = fs::is_regular_file(Path);
}

int64_t UnitFilesFinder::modificationTime(const std::string &Path) {
  auto It = Times.find(Path);
  if (It != Times.end())
    return It->second;
  fs::file_status Status;
  int64_t Time = 0;
  if (!fs::status(Path, Status))
    Time = std::chrono::duration_cast<std::chrono::nanoseconds>(
               Status.getLastModificationTime().time_since_epoch())
               .count();
  return Times[Path] = Time;
}

UnitFilesFinder::SearchPath
UnitFilesFinder::searchPathOf(const clang::tooling::CompileCommand &Command) {
  SearchPath Paths;
  std::vector<std::string> Angled, System, After;
  bool NoStdInc = false;
  const std::vector<std::string> &Args = Command.CommandLine;
  auto Dir = [&](llvm::StringRef D) {
    return absoluteIn(D, Command.Directory);
  };
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    auto Value = [&](llvm::StringRef Flag, std::string &Out) {
      if (A == Flag && I + 1 < Args.size()) {
        Out = Args[++I];
        return true;
      }
      if (A.startswith(Flag) && A.size() > Flag.size()) {
        Out = A.drop_front(Flag.size()).str();
        return true;
      }
      return false;
    };
    std::string V;
    if (A == "-nostdinc" || A == "-nostdinc++")
      NoStdInc = true;
    else if (Value("-iquote", V))
      Paths.Quote.push_back(Dir(V));
    else if (Value("-isystem", V))
      System.push_back(Dir(V));
    else if (Value("-idirafter", V))
      After.push_back(Dir(V));
    else if (Value("-include", V) || Value("-imacros", V))
      Paths.Forced.push_back(V);
    else if (Value("-I", V))
      Angled.push_back(Dir(V));
  }
  if (!NoStdInc) {
    System.push_back(ResourceDir + "/include");
    for (const char *D : {"/usr/local/include", "/usr/include/x86_64-linux-gnu",
                          "/usr/include"})
      System.push_back(D);
  }
  Paths.NoStdInc = NoStdInc;
  Paths.System = System;
  llvm::append_range(Paths.System, After);
  Paths.Angled = std::move(Angled);
  llvm::append_range(Paths.Angled, System);
  llvm::append_range(Paths.Angled, After);
  return Paths;
}

std::vector<std::string> UnitFilesFinder::resolve(
    const SearchPath &Paths, const SourceSummary::Include &Include,
    llvm::StringRef IncluderDir, llvm::StringRef IncluderPath) {
  std::vector<std::string> Dirs;
  if (!Include.Angled && !Include.Next) {
    Dirs.push_back(IncluderDir.str());
    llvm::append_range(Dirs, Paths.Quote);
  }
  llvm::append_range(Dirs, Paths.Angled);
  std::vector<std::string> Found;
  for (const std::string &D : Dirs) {
    std::string Candidate = absoluteIn(Include.Name, D);
    if (!isFile(Candidate))
      continue;
    // #include_next: where the search goes on depends on where the
    // including file was found; every match but the file itself.
    if (Include.Next && Candidate == IncluderPath)
      continue;
    Found.push_back(Candidate);
    if (!Include.Next)
      break;
  }
  return Found;
}

bool UnitFilesFinder::fromDependencyFile(
    const clang::tooling::CompileCommand &Command, UnitFileSet &Set) {
  // The object: the argument of -o.
  std::string Object;
  for (size_t I = 0; I + 1 < Command.CommandLine.size(); ++I)
    if (Command.CommandLine[I] == "-o")
      Object = Command.CommandLine[I + 1];
  if (Object.empty())
    return false;
  llvm::SmallString<256> Record(path::parent_path(Object));
  path::append(Record, "." + path::filename(Object).str() + ".cmd");
  std::string RecordPath = absoluteIn(Record, Command.Directory);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(RecordPath);
  if (!Buffer)
    return false;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  size_t Start = Text.find("\ndeps_");
  if (Start == llvm::StringRef::npos)
    return false;
  llvm::StringRef Rest = Text.drop_front(Start + 1);
  Rest = Rest.drop_front(std::min(Rest.size(), Rest.find('\n') + 1));
  int64_t RecordTime = modificationTime(RecordPath);
  std::string Source = realPath(Command.Filename, Command.Directory);
  if (!RecordTime || modificationTime(Source) > RecordTime)
    return false;
  std::vector<std::string> Files;
  while (!Rest.empty()) {
    auto [Line, Next] = Rest.split('\n');
    Rest = Next;
    Line = Line.trim();
    if (Line.empty())
      break;
    Line.consume_back("\\");
    Line = Line.trim();
    if (Line.startswith("$(wildcard"))
      continue;
    std::string File = realPath(Line, Command.Directory);
    // A file changed since the build: the record may be out of date.
    int64_t Time = modificationTime(File);
    if (!Time || Time > RecordTime)
      return false;
    Files.push_back(File);
  }
  Set.Files.push_back(Table.idOf(Source));
  for (const std::string &File : Files)
    if (File != Source)
      Set.Files.push_back(Table.idOf(File));
  Set.FromDependencyFile = true;
  return true;
}

void UnitFilesFinder::walkIncludes(
    const clang::tooling::CompileCommand &Command, UnitFileSet &Set) {
  SearchPath Paths = searchPathOf(Command);
  std::string Source = realPath(Command.Filename, Command.Directory);
  std::vector<std::string> Work{Source};
  for (const std::string &Forced : Paths.Forced) {
    SourceSummary::Include Inc{Forced, false, false};
    // -include looks in the current directory first, then the search path.
    for (const std::string &Found : resolve(Paths, Inc, Command.Directory, ""))
      Work.push_back(Found);
  }
  // Breadth first from the source, which comes first in the set.
  std::set<std::string> Seen;
  for (size_t Next = 0; Next < Work.size(); ++Next) {
    std::string File = realPath(Work[Next], Command.Directory);
    if (!Seen.insert(File).second)
      continue;
    unsigned Id = Table.idOf(File);
    Set.Files.push_back(Id);
    const SourceSummary &Summary = Table.summary(Id);
    auto Incomplete = [&](const std::string &Why) {
      if (Set.Complete)
        Set.Incomplete = Why + " in " + File;
      Set.Complete = false;
    };
    if (Summary.ComputedInclude)
      Incomplete("an #include of a macro");
    std::string Dir = path::parent_path(File).str();
    for (const SourceSummary::Include &Inc : Summary.Includes) {
      std::vector<std::string> Found = resolve(Paths, Inc, Dir, File);
      bool InSystemHeader =
          llvm::any_of(Paths.System, [&](const std::string &D) {
            return llvm::StringRef(File).startswith(D + "/");
          });
      if (Found.empty() && !Inc.Next && !Paths.NoStdInc && !InSystemHeader)
        Incomplete(
            "#include " +
            (Inc.Angled ? "<" + Inc.Name + ">" : "\"" + Inc.Name + "\"") +
            ", found nowhere");
      for (std::string &F : Found)
        Work.push_back(std::move(F));
    }
  }
}

UnitFileSet
UnitFilesFinder::filesOf(const clang::tooling::CompileCommand &Command) {
  UnitFileSet Set;
  if (!fromDependencyFile(Command, Set)) {
    Set = UnitFileSet();
    walkIncludes(Command, Set);
  }
  return Set;
}

} // namespace pgmigrate
