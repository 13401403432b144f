//===- FactsCache.cpp -----------------------------------------------------===//
//
// An entry, CACHE/units/HH/HHHHHHHHHHHHHHHH.json:
//
//   {"format": "pgtable-migrate-facts-cache", "version": 2,
//    "run": RUNKEY, "commands": [[directory, file, [argument...]]],
//    "unit": UNITRECORD}
//
//===----------------------------------------------------------------------===//

#include "FactsCache.h"
#include "OutputFile.h"
#include "UnitRecord.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace json = llvm::json;

namespace pgmigrate {

static constexpr llvm::StringLiteral CacheFormat =
    "pgtable-migrate-facts-cache";
static constexpr int64_t CacheVersion = 4;

std::string runKey(const MigrationOptions &Options,
                   llvm::StringRef ClangResourceDir) {
  // Any rebuild of the tool may change what it finds: the executable's
  // own bytes name it (a 40 MB binary hashes in a few milliseconds).
  std::string Exe = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&runKey));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Binary =
      llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Binary)
    return "";
  // Every field of MigrationOptions: a new one must be added here.
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << hashText(llvm::xxHash64((*Binary)->getBuffer())) << ";rules=";
  for (const std::string &Rule : Options.EnabledRules)
    OS << Rule << ',';
  OS << ";alloc=" << Options.AllocName << ";free=" << Options.FreeName
     << ";root=" << Options.TreeRoot << ";rename=" << Options.RenameConflicts
     << ";prefix=" << Options.ConflictPrefix
     << ";param=" << Options.ConflictParamName
     << ";field=" << Options.ConflictFieldName
     << ";rename-descriptor=" << Options.RenameDescriptorApi
     << ";descriptor-name=" << Options.DescriptorAllocName
     << ";strict=" << Options.StrictFamilies
     << ";skip-descriptor-uses=" << Options.TestingSkipDescriptorUses
     << ";resource-dir=" << ClangResourceDir;
  return OS.str();
}

std::string defaultCacheDir() {
  llvm::SmallString<256> Dir;
  if (std::optional<std::string> Xdg =
          llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty())
    Dir = *Xdg;
  else if (std::optional<std::string> Home = llvm::sys::Process::GetEnv("HOME");
           Home && !Home->empty())
    llvm::sys::path::append(Dir, *Home, ".cache");
  else
    return "";
  llvm::sys::path::append(Dir, "pgtable-migrate");
  return std::string(Dir);
}

std::optional<uint64_t> FileHashes::of(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Known.find(Path); It != Known.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
          llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Hash = llvm::xxHash64((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  return Known.emplace(Path, Hash).first->second;
}

json::Value
commandsToJson(const std::vector<clang::tooling::CompileCommand> &Commands) {
  json::Array Out;
  for (const clang::tooling::CompileCommand &C : Commands) {
    json::Array Args;
    for (const std::string &A : C.CommandLine)
      Args.push_back(json::isUTF8(A) ? A : json::fixUTF8(A));
    Out.push_back(json::Array{json::fixUTF8(C.Directory),
                              json::fixUTF8(C.Filename), std::move(Args)});
  }
  return Out;
}

std::string FactsCache::entryPath(
    const std::vector<clang::tooling::CompileCommand> &Commands) const {
  std::string Material = RunKey;
  for (const clang::tooling::CompileCommand &C : Commands) {
    Material += '\0' + C.Directory + '\0' + C.Filename;
    for (const std::string &A : C.CommandLine)
      Material += '\0' + A;
  }
  std::string Name = hashText(llvm::xxHash64(Material));
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "units", Name.substr(0, 2), Name + ".json");
  return std::string(Path);
}

bool stillHolds(const TranslationUnitResult &Result, FileHashes &Hashes) {
  for (size_t I = 0; I < Result.ReadFiles.size(); ++I) {
    std::optional<uint64_t> Now = Hashes.of(Result.ReadFiles[I]);
    if (!Now || *Now != Result.ReadHashes[I])
      return false;
  }
  return true;
}

std::optional<TranslationUnitResult> FactsCache::find(const CompileJob &Job,
                                                      std::string &Note) {
  std::vector<clang::tooling::CompileCommand> Commands =
      Databases.database(Job.Database).getCompileCommands(Job.File);
  std::string Path = entryPath(Commands);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt; // not stored yet
  auto Ignore = [&](const llvm::Twine &Why) {
    Note = ("ignoring facts cache entry '" + Path + "' for '" + Job.Path +
            "': " + Why + "; parsing the unit")
               .str();
    return std::nullopt;
  };
  llvm::Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Ignore("it is not JSON (" + llvm::toString(Parsed.takeError()) +
                  ")");
  const json::Object *O = Parsed->getAsObject();
  if (!O || O->getString("format") != CacheFormat ||
      O->getInteger("version") != CacheVersion)
    return Ignore("it is not a version " + llvm::Twine(CacheVersion) +
                  " entry of this tool's cache");
  // A name the hash gave two keys, or an entry copied from elsewhere.
  const json::Value *Commands2 = O->get("commands");
  if (O->getString("run") != RunKey || !Commands2 ||
      *Commands2 != commandsToJson(Commands))
    return Ignore("it was written for another unit or build of the tool");
  const json::Value *Unit = O->get("unit");
  if (!Unit)
    return Ignore("it has no unit record");
  llvm::Expected<TranslationUnitResult> Result = unitRecordFromJson(*Unit, Job);
  if (!Result)
    return Ignore("its unit record is damaged (" +
                  llvm::toString(Result.takeError()) + ")");
  if (!Result->Parsed || Result->ReadFiles.empty() ||
      Result->ReadFiles.size() != Result->ReadHashes.size())
    return Ignore("its unit record is damaged (no file list)");
  // Stale (a file it read changed, or is gone): an ordinary miss.
  if (!stillHolds(*Result, Hashes))
    return std::nullopt;
  Result->Origin = TranslationUnitResult::OriginKind::Cache;
  return std::move(*Result);
}

void FactsCache::keep(const TranslationUnitResult &Result, std::string &Note) {
  if (!Result.Parsed || WriteFailed ||
      Result.Origin == TranslationUnitResult::OriginKind::Cache)
    return;
  std::vector<clang::tooling::CompileCommand> Commands =
      Databases.database(Result.Job.Database)
          .getCompileCommands(Result.Job.File);
  // A file the unit looked up but did not read has no hash to check later.
  for (uint64_t Hash : Result.ReadHashes)
    if (Hash == 0)
      return;
  std::optional<json::Value> Record = unitRecordToJson(Result);
  if (!Record)
    return;
  json::Object Entry{{"format", CacheFormat},
                     {"version", CacheVersion},
                     {"run", RunKey},
                     {"commands", commandsToJson(Commands)},
                     {"unit", std::move(*Record)}};
  std::string Path = entryPath(Commands);
  auto Fail = [&](const llvm::Twine &Why) {
    if (!WriteFailed.exchange(true))
      Note = ("cannot write the facts cache in '" + Dir + "' (" + Why +
              "); the run goes on without storing units")
                 .str();
  };
  if (std::error_code EC =
          llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return Fail(EC.message());
  // Written beside its name and renamed over it: readers never see half.
  std::string Text;
  llvm::raw_string_ostream(Text) << json::Value(std::move(Entry));
  if (llvm::Error Err = writeOutputFile(Path, Text))
    Fail(llvm::toString(std::move(Err)));
}

} // namespace pgmigrate
