//===- ShardFiles.cpp -----------------------------------------------------===//
//
// One JSON value per line, so that a shard is written as its units finish
// and a merge reads each record only when it needs it:
//
// - first: {"format": "pgtable-migrate-shard", "version": 2,
//           "run": RUNKEY, "shard": [K, N], "units": COUNT}
// - then, for each unit, one line of {"database": NAME, "file": PATH,
//   "commands": [[directory, file, [argument...]]]}, and one of its
//   UNITRECORD (UnitRecord.h);
// - last: {"end": RECORDS}.
//
//===----------------------------------------------------------------------===//

#include "ShardFiles.h"
#include "OutputFile.h"
#include "UnitRecord.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace json = llvm::json;

namespace pgmigrate {

static constexpr llvm::StringLiteral ShardFormat = "pgtable-migrate-shard";
static constexpr int64_t ShardVersion = 3;

static llvm::Error error(const llvm::Twine &Text) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Text);
}

llvm::Expected<ShardSpec> ShardSpec::parse(llvm::StringRef Text) {
  auto [K, N] = Text.split('/');
  ShardSpec Spec;
  if (K.getAsInteger(10, Spec.Index) || N.getAsInteger(10, Spec.Count) ||
      Spec.Count == 0 || Spec.Index == 0 || Spec.Index > Spec.Count)
    return error("--shard='" + Text +
                 "': expected K/N with 1 <= K <= N (e.g. --shard=2/4)");
  return Spec;
}

llvm::Expected<std::unique_ptr<ShardFileWriter>>
ShardFileWriter::open(llvm::StringRef Path, llvm::StringRef RunKey,
                      const ShardSpec &Shard, unsigned Units,
                      const CompilationDatabases &Databases) {
  llvm::Expected<std::unique_ptr<StreamedOutputFile>> File =
      StreamedOutputFile::open(Path);
  if (!File)
    return File.takeError();
  (*File)->os() << json::Value(json::Object{
                       {"format", ShardFormat},
                       {"version", ShardVersion},
                       {"run", RunKey.str()},
                       {"shard", json::Array{Shard.Index, Shard.Count}},
                       {"units", Units}})
                << '\n';
  return std::unique_ptr<ShardFileWriter>(
      new ShardFileWriter(std::move(*File), Databases));
}

void ShardFileWriter::add(const TranslationUnitResult &R) {
  std::optional<json::Value> Unit = unitRecordToJson(R);
  if (!Unit)
    return;
  File->os() << json::Value(json::Object{
                    {"database", json::fixUTF8(Databases.name(R.Job.Database))},
                    {"file", json::fixUTF8(R.Job.Path)},
                    {"commands",
                     commandsToJson(Databases.database(R.Job.Database)
                                        .getCompileCommands(R.Job.File))}})
             << '\n'
             << *Unit << '\n';
  ++Records;
}

llvm::Error ShardFileWriter::finish() {
  File->os() << json::Value(json::Object{{"end", Records}}) << '\n';
  return File->commit();
}

llvm::Expected<std::unique_ptr<ShardRecords>>
ShardRecords::load(const std::vector<std::string> &Paths,
                   llvm::StringRef RunKey,
                   const CompilationDatabases &Databases, FileHashes &Hashes) {
  std::unique_ptr<ShardRecords> Out(new ShardRecords(Databases, Hashes));
  for (const std::string &Path : Paths) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return error("cannot read shard file '" + Path +
                   "': " + Buffer.getError().message());
    llvm::StringRef Text = (*Buffer)->getBuffer();
    // The next line, and where it starts.
    uint64_t Offset = 0;
    auto NextLine = [&] {
      auto [Line, Rest] = Text.split('\n');
      uint64_t At = Offset;
      Offset += Line.size() + (Rest.size() < Text.size() - Line.size());
      Text = Rest;
      return std::make_pair(Line, At);
    };
    llvm::Expected<json::Value> Head = json::parse(NextLine().first);
    json::Object *O = Head ? Head->getAsObject() : nullptr;
    if (!Head)
      llvm::consumeError(Head.takeError());
    if (!O || O->getString("format") != ShardFormat ||
        O->getInteger("version") != ShardVersion)
      return error("'" + Path + "' is not a version " +
                   llvm::Twine(ShardVersion) +
                   " shard file (written by --shard=K/N --facts-out)");
    if (O->getString("run") != RunKey)
      return error("shard file '" + Path +
                   "' was written by another build of the tool or with other "
                   "options (rules, API names, root); run the shards and "
                   "the merge with the same tool and options");
    auto Damaged = [&](const llvm::Twine &Why) {
      return error("shard file '" + Path + "' is damaged: " + Why);
    };
    for (int64_t Count = 0;; ++Count) {
      if (Text.empty())
        return Damaged("it ends before its last record (a copy cut short?)");
      llvm::Expected<json::Value> Index = json::parse(NextLine().first);
      if (!Index)
        return Damaged("record " + llvm::Twine(Count + 1) + " is not JSON (" +
                       llvm::toString(Index.takeError()) + ")");
      json::Object *RO = Index->getAsObject();
      if (RO && RO->getInteger("end")) {
        if (RO->getInteger("end") != Count)
          return Damaged("it holds " + llvm::Twine(Count) +
                         " records, its end says " +
                         llvm::Twine(*RO->getInteger("end")));
        break;
      }
      std::optional<llvm::StringRef> Database =
          RO ? RO->getString("database") : std::nullopt;
      std::optional<llvm::StringRef> File =
          RO ? RO->getString("file") : std::nullopt;
      json::Value *Commands = RO ? RO->get("commands") : nullptr;
      if (!Database || !File || !Commands || Text.empty())
        return Damaged("record " + llvm::Twine(Count + 1) + " is not a unit's");
      auto [Unit, At] = NextLine();
      Out->Records.insert_or_assign(
          {Database->str(), File->str()},
          Record{Path, std::move(*Commands), At, Unit.size()});
    }
  }
  return std::move(Out);
}

std::optional<TranslationUnitResult> ShardRecords::find(const CompileJob &Job,
                                                        std::string &Note) {
  auto It = Records.find({Databases.name(Job.Database).str(), Job.Path});
  if (It == Records.end())
    return std::nullopt;
  const Record &R = It->second;
  auto Parse = [&](const llvm::Twine &Why) {
    Note = ("shard file '" + R.File + "': " + Why + "; parsing '" + Job.Path +
            "' here")
               .str();
    return std::nullopt;
  };
  if (R.Commands !=
      commandsToJson(
          Databases.database(Job.Database).getCompileCommands(Job.File)))
    return Parse("the unit's compile commands differ from this run's");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Slice =
      llvm::MemoryBuffer::getFileSlice(R.File, R.Size, R.Offset);
  if (!Slice)
    return Parse("cannot read the unit's record (" +
                 Slice.getError().message() + ")");
  llvm::Expected<json::Value> Unit = json::parse((*Slice)->getBuffer());
  if (!Unit)
    return Parse("the unit's record is not JSON (" +
                 llvm::toString(Unit.takeError()) + ")");
  llvm::Expected<TranslationUnitResult> Result = unitRecordFromJson(*Unit, Job);
  if (!Result)
    return Parse("the unit's record is damaged (" +
                 llvm::toString(Result.takeError()) + ")");
  if (Result->Parsed && !stillHolds(*Result, Hashes))
    return Parse("a file the unit read has changed since the shard ran");
  Result->Origin = TranslationUnitResult::OriginKind::Shard;
  return std::move(*Result);
}

std::optional<TranslationUnitResult> StoreChain::find(const CompileJob &Job,
                                                      std::string &Note) {
  for (UnitResultStore *Store : Stores) {
    std::string StoreNote;
    std::optional<TranslationUnitResult> Found = Store->find(Job, StoreNote);
    if (!StoreNote.empty())
      Note += (Note.empty() ? "" : "\n") + StoreNote;
    if (Found)
      return Found;
  }
  return std::nullopt;
}

void StoreChain::keep(const TranslationUnitResult &Result, std::string &Note) {
  for (UnitResultStore *Store : Stores) {
    std::string StoreNote;
    Store->keep(Result, StoreNote);
    if (!StoreNote.empty())
      Note += (Note.empty() ? "" : "\n") + StoreNote;
  }
}

} // namespace pgmigrate
