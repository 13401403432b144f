//===- UnitRecord.cpp -----------------------------------------------------===//
//
//   {"parsed": true, "notRun": false, "errors": S, "werror": S,
//    "warnings": S,
//    "findings": [{"rule", "kind", "file", "offset", "line", "column",
//                  "message", "note", "edits": [[file, offset, length,
//                  text]], "guardedEdits", "guardedMessage", "addsNullTest",
//                  "siteFile", "siteOffset", "siteLength", "objectSite",
//                  "moreObjectSites", "wholeRename", "role", "order",
//                  "level": {"call", "gfp", "freed", "type", "address",
//                  "noAddress", "problem", "unavailable": [[level, why]]}}],
//    "facts": {"binary": BASE64} or null (factsToBinary()),
//    "contentHashes": [[file, hash]],
//    "readFiles": [[file, hash]], "coverage": [[file, [[[begin, end]]]]]}
//
// where S is a string or {"hex": "..."} and a hash is 16 hex digits.
//
//===----------------------------------------------------------------------===//

#include "UnitRecord.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/FormatVariadic.h"

namespace json = llvm::json;

namespace pgmigrate {

std::string hashText(uint64_t Hash) {
  return llvm::formatv("{0:x-16}", Hash).str();
}

std::optional<uint64_t> parseHashText(llvm::StringRef Text) {
  uint64_t Hash;
  if (Text.size() != 16 || Text.getAsInteger(16, Hash))
    return std::nullopt;
  return Hash;
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

static json::Value bytes(llvm::StringRef S) {
  if (json::isUTF8(S))
    return S.str();
  return json::Object{{"hex", llvm::toHex(S, /*LowerCase=*/true)}};
}

static json::Array edits(const std::vector<clang::tooling::Replacement> &Rs) {
  json::Array A;
  for (const clang::tooling::Replacement &R : Rs)
    A.push_back(json::Array{bytes(R.getFilePath()), R.getOffset(),
                            R.getLength(), bytes(R.getReplacementText())});
  return A;
}

static json::Value levelToJson(const LevelForm &L) {
  json::Array Unavailable;
  for (const auto &[Level, Why] : L.Unavailable)
    Unavailable.push_back(json::Array{bytes(Level), bytes(Why)});
  return json::Object{
      {"call", bytes(L.Call)},       {"gfp", bytes(L.Gfp)},
      {"freed", bytes(L.Freed)},     {"type", bytes(L.Type)},
      {"address", bytes(L.Address)}, {"noAddress", bytes(L.NoAddress)},
      {"problem", bytes(L.Problem)}, {"unavailable", std::move(Unavailable)}};
}

static json::Value findingToJson(const Finding &F) {
  json::Array More;
  for (const std::string &S : F.MoreObjectSites)
    More.push_back(bytes(S));
  return json::Object{
      {"rule", bytes(F.Rule)},
      {"kind", static_cast<int64_t>(F.Kind)},
      {"file", bytes(F.FilePath)},
      {"offset", F.Offset},
      {"line", F.Line},
      {"column", F.Column},
      {"message", bytes(F.Message)},
      {"note", bytes(F.MessageNote)},
      {"edits", edits(F.Replacements)},
      {"guardedEdits", edits(F.GuardedReplacements)},
      {"guardedMessage", bytes(F.GuardedMessage)},
      {"addsNullTest", F.AddsNullTest},
      {"siteFile", bytes(F.SiteFile)},
      {"siteOffset", F.SiteOffset},
      {"siteLength", F.SiteLength},
      {"objectSite", bytes(F.ObjectSite)},
      {"moreObjectSites", std::move(More)},
      {"wholeRename", bytes(F.WholeRename)},
      {"role", static_cast<int64_t>(F.Role)},
      {"order",
       F.Order ? json::Value(hashText(*F.Order)) : json::Value(nullptr)},
      {"level", levelToJson(F.Level)},
  };
}

std::optional<json::Value>
unitRecordToJson(const TranslationUnitResult &Result) {
  json::Array Findings;
  for (const Finding &F : Result.Findings) {
    // Keys are the solve's, after every unit: a unit's own findings have
    // none, and a record must not carry one.
    if (!F.PairingKeys.empty())
      return std::nullopt;
    Findings.push_back(findingToJson(F));
  }
  json::Value Facts = nullptr;
  if (Result.Facts)
    Facts = json::Object{
        {"binary", llvm::encodeBase64(factsToBinary(*Result.Facts))}};
  json::Array Hashes;
  for (const auto &[Path, Hash] : Result.ContentHashes)
    Hashes.push_back(json::Array{bytes(Path), hashText(Hash)});
  json::Array Read;
  for (size_t I = 0; I < Result.ReadFiles.size(); ++I)
    Read.push_back(json::Array{bytes(Result.ReadFiles[I]),
                               hashText(Result.ReadHashes[I])});
  json::Array Coverage;
  for (const auto &[Path, Entries] : Result.Coverage.Files) {
    json::Array Es;
    for (const SkippedRanges &Ranges : Entries) {
      json::Array Rs;
      for (const auto &[Begin, End] : Ranges)
        Rs.push_back(json::Array{Begin, End});
      Es.push_back(std::move(Rs));
    }
    Coverage.push_back(json::Array{bytes(Path), std::move(Es)});
  }
  return json::Object{{"parsed", Result.Parsed},
                      {"notRun", Result.NotRun},
                      {"errors", bytes(Result.Errors)},
                      {"werror", bytes(Result.WerrorWarnings)},
                      {"warnings", bytes(Result.Warnings)},
                      {"findings", std::move(Findings)},
                      {"facts", std::move(Facts)},
                      {"contentHashes", std::move(Hashes)},
                      {"readFiles", std::move(Read)},
                      {"coverage", std::move(Coverage)}};
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {

// Reads one record; the first thing wrong is kept in Error, and every read
// after it is a no-op, so the callers read straight through.
class RecordReader {
public:
  std::string Error;

  bool fail(llvm::StringRef What) {
    if (Error.empty())
      Error = What.str();
    return false;
  }

  const json::Value *field(const json::Object &O, llvm::StringRef Name) {
    const json::Value *V = O.get(Name);
    if (!V)
      fail(("missing \"" + Name + "\"").str());
    return V;
  }

  std::string bytes(const json::Value *V) {
    if (!V)
      return "";
    if (std::optional<llvm::StringRef> S = V->getAsString())
      return S->str();
    if (const json::Object *O = V->getAsObject())
      if (std::optional<llvm::StringRef> Hex = O->getString("hex")) {
        std::string Out;
        if (llvm::tryGetFromHex(*Hex, Out))
          return Out;
      }
    fail("expected a string");
    return "";
  }
  std::string bytes(const json::Object &O, llvm::StringRef Name) {
    return bytes(field(O, Name));
  }

  uint64_t number(const json::Value *V, uint64_t Max = UINT32_MAX) {
    std::optional<int64_t> N = V ? V->getAsInteger() : std::nullopt;
    if (!N || *N < 0 || static_cast<uint64_t>(*N) > Max) {
      fail("expected a number");
      return 0;
    }
    return static_cast<uint64_t>(*N);
  }
  unsigned number(const json::Object &O, llvm::StringRef Name) {
    return static_cast<unsigned>(number(field(O, Name)));
  }

  bool flag(const json::Object &O, llvm::StringRef Name) {
    const json::Value *V = field(O, Name);
    std::optional<bool> B = V ? V->getAsBoolean() : std::nullopt;
    if (!B) {
      fail(("expected true or false at \"" + Name + "\"").str());
      return false;
    }
    return *B;
  }

  uint64_t hash(const json::Value *V) {
    std::optional<llvm::StringRef> S = V ? V->getAsString() : std::nullopt;
    std::optional<uint64_t> H = S ? parseHashText(*S) : std::nullopt;
    if (!H) {
      fail("expected a hash of 16 hex digits");
      return 0;
    }
    return *H;
  }

  const json::Array &array(const json::Value *V, size_t Size = 0) {
    static const json::Array Empty;
    const json::Array *A = V ? V->getAsArray() : nullptr;
    if (!A || (Size && A->size() != Size)) {
      fail("expected an array");
      return Empty;
    }
    return *A;
  }
  const json::Array &array(const json::Object &O, llvm::StringRef Name) {
    return array(field(O, Name));
  }

  const json::Object &object(const json::Value &V) {
    static const json::Object Empty;
    if (const json::Object *O = V.getAsObject())
      return *O;
    fail("expected an object");
    return Empty;
  }

  std::vector<clang::tooling::Replacement> edits(const json::Object &O,
                                                 llvm::StringRef Name) {
    std::vector<clang::tooling::Replacement> Out;
    for (const json::Value &E : array(O, Name)) {
      const json::Array &A = array(&E, 4);
      if (!Error.empty())
        break;
      Out.emplace_back(bytes(&A[0]), number(&A[1]), number(&A[2]),
                       bytes(&A[3]));
    }
    return Out;
  }

  Finding finding(const json::Value &V) {
    const json::Object &O = object(V);
    Finding F;
    F.Rule = bytes(O, "rule");
    unsigned Kind = number(O, "kind");
    if (Kind > static_cast<unsigned>(FindingKind::Conflict))
      fail("unknown finding kind");
    F.Kind = static_cast<FindingKind>(Kind);
    F.FilePath = bytes(O, "file");
    F.Offset = number(O, "offset");
    F.Line = number(O, "line");
    F.Column = number(O, "column");
    F.Message = bytes(O, "message");
    F.MessageNote = bytes(O, "note");
    F.Replacements = edits(O, "edits");
    F.GuardedReplacements = edits(O, "guardedEdits");
    F.GuardedMessage = bytes(O, "guardedMessage");
    F.AddsNullTest = flag(O, "addsNullTest");
    F.SiteFile = bytes(O, "siteFile");
    F.SiteOffset = number(O, "siteOffset");
    F.SiteLength = number(O, "siteLength");
    F.ObjectSite = bytes(O, "objectSite");
    for (const json::Value &S : array(O, "moreObjectSites"))
      F.MoreObjectSites.push_back(bytes(&S));
    if (const json::Value *Whole = O.get("wholeRename"))
      F.WholeRename = bytes(Whole);
    unsigned Role = number(O, "role");
    if (Role > static_cast<unsigned>(PairingRole::Free))
      fail("unknown pairing role");
    F.Role = static_cast<PairingRole>(Role);
    if (const json::Value *Order = field(O, "order");
        Order && !Order->getAsNull())
      F.Order = hash(Order);
    if (const json::Value *Level = field(O, "level"))
      F.Level = level(object(*Level));
    return F;
  }

  LevelForm level(const json::Object &O) {
    LevelForm L;
    L.Call = bytes(O, "call");
    L.Gfp = bytes(O, "gfp");
    L.Freed = bytes(O, "freed");
    L.Type = bytes(O, "type");
    L.Address = bytes(O, "address");
    L.NoAddress = bytes(O, "noAddress");
    L.Problem = bytes(O, "problem");
    for (const json::Value &E : array(O, "unavailable")) {
      const json::Array &A = array(&E, 2);
      if (!Error.empty())
        break;
      L.Unavailable[bytes(&A[0])] = bytes(&A[1]);
    }
    return L;
  }
};

} // namespace

llvm::Expected<TranslationUnitResult>
unitRecordFromJson(const json::Value &Record, const CompileJob &Job) {
  RecordReader R;
  TranslationUnitResult Out;
  Out.Job = Job;
  const json::Object &O = R.object(Record);
  Out.Parsed = R.flag(O, "parsed");
  Out.NotRun = R.flag(O, "notRun");
  Out.Errors = R.bytes(O, "errors");
  Out.WerrorWarnings = R.bytes(O, "werror");
  Out.Warnings = R.bytes(O, "warnings");
  for (const json::Value &F : R.array(O, "findings"))
    if (R.Error.empty())
      Out.Findings.push_back(R.finding(F));
  if (const json::Value *Facts = R.field(O, "facts");
      Facts && !Facts->getAsNull() && R.Error.empty()) {
    std::vector<char> Bytes;
    const json::Object *Binary = Facts->getAsObject();
    std::optional<llvm::StringRef> Text =
        Binary ? Binary->getString("binary") : std::nullopt;
    if (!Text) {
      R.fail("expected {\"binary\": BASE64} facts");
    } else if (llvm::Error E = llvm::decodeBase64(*Text, Bytes)) {
      R.fail("facts: " + llvm::toString(std::move(E)));
    } else {
      llvm::Expected<ProvenanceFacts> Read =
          factsFromBinary(llvm::StringRef(Bytes.data(), Bytes.size()));
      if (!Read)
        R.fail(llvm::toString(Read.takeError()));
      else
        Out.Facts = std::move(*Read);
    }
  }
  for (const json::Value &E : R.array(O, "contentHashes")) {
    const json::Array &A = R.array(&E, 2);
    if (R.Error.empty())
      Out.ContentHashes[R.bytes(&A[0])] = R.hash(&A[1]);
  }
  for (const json::Value &E : R.array(O, "readFiles")) {
    const json::Array &A = R.array(&E, 2);
    if (!R.Error.empty())
      break;
    Out.ReadFiles.push_back(R.bytes(&A[0]));
    Out.ReadHashes.push_back(R.hash(&A[1]));
  }
  for (const json::Value &E : R.array(O, "coverage")) {
    const json::Array &A = R.array(&E, 2);
    if (!R.Error.empty())
      break;
    std::vector<SkippedRanges> &Entries = Out.Coverage.Files[R.bytes(&A[0])];
    for (const json::Value &Es : R.array(&A[1])) {
      SkippedRanges Ranges;
      for (const json::Value &Range : R.array(&Es)) {
        const json::Array &B = R.array(&Range, 2);
        if (!R.Error.empty())
          break;
        Ranges.emplace_back(R.number(&B[0]), R.number(&B[1]));
      }
      Entries.push_back(std::move(Ranges));
    }
  }
  if (!R.Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), R.Error);
  return std::move(Out);
}

} // namespace pgmigrate
