//===- ShardFiles.cpp -----------------------------------------------------===//
//
//   {"format": "pgtable-migrate-shard", "version": 1, "run": RUNKEY,
//    "shard": [K, N], "units": COUNT,
//    "records": [{"database": NAME, "file": PATH,
//                 "commands": [[directory, file, [argument...]]],
//                 "unit": UNITRECORD}]}
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
static constexpr int64_t ShardVersion = 1;

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

llvm::Error writeShardFile(llvm::StringRef Path, llvm::StringRef RunKey,
                           const ShardSpec &Shard, unsigned Units,
                           const std::vector<TranslationUnitResult> &Results,
                           const CompilationDatabases &Databases) {
  json::Array Records;
  for (const TranslationUnitResult &R : Results) {
    std::optional<json::Value> Unit = unitRecordToJson(R);
    if (!Unit)
      continue;
    Records.push_back(json::Object{
        {"database", json::fixUTF8(Databases.name(R.Job.Database))},
        {"file", json::fixUTF8(R.Job.Path)},
        {"commands", commandsToJson(Databases.database(R.Job.Database)
                                        .getCompileCommands(R.Job.File))},
        {"unit", std::move(*Unit)}});
  }
  json::Object File{
      {"format", ShardFormat}, {"version", ShardVersion},
      {"run", RunKey.str()},   {"shard", json::Array{Shard.Index, Shard.Count}},
      {"units", Units},        {"records", std::move(Records)}};
  // Whole or not at all: a merge must never read half a shard.
  std::string Text;
  llvm::raw_string_ostream(Text) << json::Value(std::move(File)) << '\n';
  return writeOutputFile(Path, Text);
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
    llvm::Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
    if (!Parsed)
      return error("shard file '" + Path +
                   "' is not JSON: " + llvm::toString(Parsed.takeError()));
    json::Object *O = Parsed->getAsObject();
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
    json::Array *Records = O->getArray("records");
    if (!Records)
      return error("shard file '" + Path + "' has no \"records\"");
    for (json::Value &R : *Records) {
      json::Object *RO = R.getAsObject();
      std::optional<llvm::StringRef> Database =
          RO ? RO->getString("database") : std::nullopt;
      std::optional<llvm::StringRef> File =
          RO ? RO->getString("file") : std::nullopt;
      json::Value *Commands = RO ? RO->get("commands") : nullptr;
      json::Value *Unit = RO ? RO->get("unit") : nullptr;
      if (!Database || !File || !Commands || !Unit)
        return error("shard file '" + Path + "' has a damaged record");
      Out->Records.insert_or_assign(
          {Database->str(), File->str()},
          Record{Path, std::move(*Commands), std::move(*Unit)});
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
  llvm::Expected<TranslationUnitResult> Result =
      unitRecordFromJson(R.Unit, Job);
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
