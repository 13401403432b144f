//===- ProvenanceJson.cpp -------------------------------------------------===//
//
// The facts of one unit as one JSON object (version 2):
//
//   {"version": 2, "config": "x86_64",
//    "sites": [{"key", "role", "order"?, "freed", "freedText", "call", "at"}],
//    "unreachableSites": [the same],
//    "flows": [{"from", "to", "at"}],
//    "installs", "entryReads": [{"node", "level", "how", "at"}],
//    "escapes", "unknownOrigins", "nullOrigins": [{"node", "how", "at"}],
//    "calls": [{"callee", "calleeName", "arguments": [[index, node]],
//               "variadic", "at"}],
//    "indirectCalls": [{"pointer", "result", "arguments": [[index, node]],
//                       "at"}],
//    "addressTaken": [{"function", "name", "at"}],
//    "defined": [FN], "names": {node: name}}
//
// where "at" is ["/abs/file.c", line] and "role" is "allocation", "free"
// or "none". Reading maps the shape with llvm::json::Path, so an error names
// the field that is wrong ("expected string at facts.sites[2].key").
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/FactsAccumulator.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include <limits>
#include <map>
#include <set>

namespace json = llvm::json;

namespace pgmigrate {

static constexpr int64_t FactsVersion = 2;

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

// Strings must be UTF-8 in JSON; a path that is not is written fixed rather
// than asserted on.
static json::Value text(llvm::StringRef S) {
  if (json::isUTF8(S))
    return json::Value(S.str());
  return json::Value(json::fixUTF8(S));
}

static llvm::StringRef roleText(PairingRole Role) {
  switch (Role) {
  case PairingRole::Allocation:
    return "allocation";
  case PairingRole::Free:
    return "free";
  case PairingRole::None:
    break;
  }
  return "none";
}

static json::Value toJson(const SourcePlace &At) {
  return json::Array{text(At.File), At.Line};
}

static json::Value toJson(const ProvenanceFacts::Site &S) {
  json::Object O{{"key", text(S.Key)},     {"role", roleText(S.Role)},
                 {"freed", text(S.Freed)}, {"freedText", text(S.FreedText)},
                 {"call", text(S.Call)},   {"at", toJson(S.At)}};
  if (S.Order)
    O["order"] = *S.Order;
  if (S.Guarded)
    O["guarded"] = true;
  return O;
}

static json::Value toJson(const ProvenanceFacts::Flow &F) {
  json::Object O{
      {"from", text(F.From)}, {"to", text(F.To)}, {"at", toJson(F.At)}};
  if (F.NonNull)
    O["nonNull"] = true;
  return O;
}

static json::Value toJson(const ProvenanceFacts::LevelFact &L) {
  json::Object O{{"node", text(L.Node)},
                 {"level", text(L.Level)},
                 {"how", text(L.How)},
                 {"at", toJson(L.At)}};
  if (!L.Mm.empty())
    O["mm"] = text(L.Mm);
  return O;
}

static json::Value toJson(const ProvenanceFacts::Unknown &U) {
  return json::Object{
      {"node", text(U.Node)}, {"how", text(U.How)}, {"at", toJson(U.At)}};
}

// [[index, node], ...]
static json::Array
toJson(const std::vector<std::pair<unsigned, std::string>> &Arguments) {
  json::Array A;
  for (const auto &[Index, Node] : Arguments)
    A.push_back(json::Array{Index, text(Node)});
  return A;
}

static json::Value toJson(const ProvenanceFacts::Call &C) {
  return json::Object{{"callee", text(C.Callee)},
                      {"calleeName", text(C.CalleeName)},
                      {"arguments", toJson(C.Arguments)},
                      {"variadic", C.Variadic},
                      {"at", toJson(C.At)}};
}

static json::Value toJson(const ProvenanceFacts::IndirectCall &C) {
  return json::Object{{"pointer", text(C.Pointer)},
                      {"result", text(C.Result)},
                      {"arguments", toJson(C.Arguments)},
                      {"at", toJson(C.At)}};
}

static json::Value toJson(const ProvenanceFacts::AddressTaken &A) {
  return json::Object{{"function", text(A.Function)},
                      {"name", text(A.Name)},
                      {"at", toJson(A.At)}};
}

static json::Value toJson(const std::string &S) { return text(S); }

template <typename T> static json::Array arrayOf(const std::vector<T> &Items) {
  json::Array A;
  for (const T &Item : Items)
    A.push_back(toJson(Item));
  return A;
}

std::vector<ProvenanceFacts>
mergeFactsByConfig(std::vector<ProvenanceFacts> Units) {
  FactsAccumulator Merged;
  for (size_t I = 0; I < Units.size(); ++I)
    Merged.add(std::move(Units[I]), I);
  return Merged.take();
}

std::string factsToJson(const ProvenanceFacts &Facts) {
  return llvm::formatv("{0}", factsToJsonValue(Facts)).str();
}

json::Value factsToJsonValue(const ProvenanceFacts &Facts) {
  json::Object Names;
  for (const auto &[Node, Name] : Facts.Names) {
    std::string Key = json::isUTF8(Node) ? Node : json::fixUTF8(Node);
    Names[json::ObjectKey(std::move(Key))] = text(Name);
  }
  json::Object O{{"version", FactsVersion},
                 {"config", text(Facts.Config)},
                 {"sites", arrayOf(Facts.Sites)},
                 {"unreachableSites", arrayOf(Facts.UnreachableSites)},
                 {"flows", arrayOf(Facts.Flows)},
                 {"installs", arrayOf(Facts.Installs)},
                 {"entryReads", arrayOf(Facts.EntryReads)},
                 {"escapes", arrayOf(Facts.Escapes)},
                 {"unknownOrigins", arrayOf(Facts.UnknownOrigins)},
                 {"nullOrigins", arrayOf(Facts.NullOrigins)},
                 {"calls", arrayOf(Facts.Calls)},
                 {"indirectCalls", arrayOf(Facts.IndirectCalls)},
                 {"addressTaken", arrayOf(Facts.AddressTakenFunctions)},
                 {"defined", arrayOf(Facts.Defined)},
                 {"names", std::move(Names)}};
  return json::Value(std::move(O));
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

static bool fromJSON(const json::Value &E, unsigned &Out, json::Path P) {
  std::optional<int64_t> N = E.getAsInteger();
  if (!N || *N < 0 || *N > std::numeric_limits<unsigned>::max()) {
    P.report("expected a non-negative integer");
    return false;
  }
  Out = static_cast<unsigned>(*N);
  return true;
}

static bool fromJSON(const json::Value &E, PairingRole &Out, json::Path P) {
  std::optional<llvm::StringRef> S = E.getAsString();
  if (S && *S == "allocation")
    Out = PairingRole::Allocation;
  else if (S && *S == "free")
    Out = PairingRole::Free;
  else if (S && *S == "none")
    Out = PairingRole::None;
  else {
    P.report("expected \"allocation\", \"free\" or \"none\"");
    return false;
  }
  return true;
}

static bool fromJSON(const json::Value &E, SourcePlace &Out, json::Path P) {
  const json::Array *A = E.getAsArray();
  if (!A || A->size() != 2) {
    P.report("expected [file, line]");
    return false;
  }
  return json::fromJSON((*A)[0], Out.File, P.index(0)) &&
         fromJSON((*A)[1], Out.Line, P.index(1));
}

static bool fromJSON(const json::Value &E,
                     std::pair<unsigned, std::string> &Out, json::Path P) {
  const json::Array *A = E.getAsArray();
  if (!A || A->size() != 2) {
    P.report("expected [index, node]");
    return false;
  }
  return fromJSON((*A)[0], Out.first, P.index(0)) &&
         json::fromJSON((*A)[1], Out.second, P.index(1));
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::Site &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("key", Out.Key) && O.map("role", Out.Role) &&
         O.map("order", Out.Order) && O.map("freed", Out.Freed) &&
         O.map("freedText", Out.FreedText) && O.map("call", Out.Call) &&
         O.mapOptional("guarded", Out.Guarded) && O.map("at", Out.At);
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::Flow &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("from", Out.From) && O.map("to", Out.To) &&
         O.map("at", Out.At) && O.mapOptional("nonNull", Out.NonNull);
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::LevelFact &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("node", Out.Node) && O.map("level", Out.Level) &&
         O.map("how", Out.How) && O.map("at", Out.At) &&
         O.mapOptional("mm", Out.Mm);
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::Unknown &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("node", Out.Node) && O.map("how", Out.How) &&
         O.map("at", Out.At);
}

template <typename T>
static bool mapArray(const json::Object &O, llvm::StringLiteral Field,
                     std::vector<T> &Out, json::Path P) {
  json::Path FieldPath = P.field(Field);
  const json::Value *V = O.get(Field);
  if (!V) {
    FieldPath.report("missing value");
    return false;
  }
  const json::Array *A = V->getAsArray();
  if (!A) {
    FieldPath.report("expected array");
    return false;
  }
  Out.resize(A->size());
  for (size_t I = 0; I < A->size(); ++I)
    if (!fromJSON((*A)[I], Out[I], FieldPath.index(I)))
      return false;
  return true;
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::Call &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("callee", Out.Callee) &&
         O.map("calleeName", Out.CalleeName) &&
         mapArray(*E.getAsObject(), "arguments", Out.Arguments, P) &&
         O.map("variadic", Out.Variadic) && O.map("at", Out.At);
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::IndirectCall &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("pointer", Out.Pointer) && O.map("result", Out.Result) &&
         mapArray(*E.getAsObject(), "arguments", Out.Arguments, P) &&
         O.map("at", Out.At);
}

static bool fromJSON(const json::Value &E, ProvenanceFacts::AddressTaken &Out,
                     json::Path P) {
  json::ObjectMapper O(E, P);
  return O && O.map("function", Out.Function) && O.map("name", Out.Name) &&
         O.map("at", Out.At);
}

static bool namesFromJSON(const json::Object &O,
                          std::map<std::string, std::string> &Out,
                          json::Path P) {
  json::Path FieldPath = P.field("names");
  const json::Value *V = O.get("names");
  if (!V) {
    FieldPath.report("missing value");
    return false;
  }
  return json::fromJSON(*V, Out, FieldPath);
}

/// The version field, checked before anything else: a record of another
/// version may have any shape.
static llvm::Error checkVersion(const json::Object &O) {
  const json::Value *V = O.get("version");
  if (!V)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "missing value at facts.version");
  std::optional<int64_t> Version = V->getAsInteger();
  if (!Version)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "expected an integer at facts.version");
  if (*Version != FactsVersion)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "facts version %lld is not supported (this build reads version %lld)",
        static_cast<long long>(*Version), static_cast<long long>(FactsVersion));
  return llvm::Error::success();
}

llvm::Expected<ProvenanceFacts> factsFromJson(llvm::StringRef Json) {
  llvm::Expected<json::Value> Parsed = json::parse(Json);
  if (!Parsed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "facts are not JSON: " +
                                       llvm::toString(Parsed.takeError()));
  return factsFromJsonValue(*Parsed);
}

llvm::Expected<ProvenanceFacts> factsFromJsonValue(const json::Value &Value) {
  const json::Value *Parsed = &Value;
  const json::Object *O = Parsed->getAsObject();
  if (!O)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "expected object at facts");
  if (llvm::Error Err = checkVersion(*O))
    return std::move(Err);
  json::Path::Root Root("facts");
  ProvenanceFacts Facts;
  json::ObjectMapper M(*Parsed, Root);
  bool Ok = M.map("config", Facts.Config) &&
            mapArray(*O, "sites", Facts.Sites, Root) &&
            mapArray(*O, "unreachableSites", Facts.UnreachableSites, Root) &&
            mapArray(*O, "flows", Facts.Flows, Root) &&
            mapArray(*O, "installs", Facts.Installs, Root) &&
            mapArray(*O, "entryReads", Facts.EntryReads, Root) &&
            mapArray(*O, "escapes", Facts.Escapes, Root) &&
            mapArray(*O, "unknownOrigins", Facts.UnknownOrigins, Root) &&
            mapArray(*O, "nullOrigins", Facts.NullOrigins, Root) &&
            mapArray(*O, "calls", Facts.Calls, Root) &&
            mapArray(*O, "indirectCalls", Facts.IndirectCalls, Root) &&
            mapArray(*O, "addressTaken", Facts.AddressTakenFunctions, Root) &&
            mapArray(*O, "defined", Facts.Defined, Root) &&
            namesFromJSON(*O, Facts.Names, Root);
  if (!Ok)
    return Root.getError();
  return std::move(Facts);
}

} // namespace pgmigrate
