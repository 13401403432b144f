//===- ProvenanceBinary.cpp -----------------------------------------------===//
//
// The facts of one unit as bytes, for the facts cache and shard files: a
// kernel unit's facts are megabytes of the same node names and paths, and
// their JSON costs more to write and read back than the unit's parse.
//
//   "PGMF" VERSION(1 byte)
//   STRINGS: count, then each as length and bytes (any bytes)
//   the fields of ProvenanceFacts in declaration order, each list as its
//   count then its items; a string is its index in STRINGS, a number a
//   LEB128 varint, a flag one byte.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ProvenanceFacts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"
#include <limits>

namespace pgmigrate {
namespace {

constexpr llvm::StringLiteral Magic = "PGMF";
constexpr char BinaryVersion = 2;

using Fact = ProvenanceFacts;

class Writer {
public:
  void text(const std::string &S) {
    auto [It, New] = Index.try_emplace(S, Strings.size());
    if (New)
      Strings.push_back(It->first());
    number(It->second);
  }
  void number(uint64_t N) { llvm::encodeULEB128(N, Body); }
  void flag(bool B) { Body << char(B); }
  void place(const SourcePlace &P) {
    text(P.File);
    number(P.Line);
  }
  void arguments(const std::vector<std::pair<unsigned, std::string>> &Args) {
    number(Args.size());
    for (const auto &[Index, Node] : Args) {
      number(Index);
      text(Node);
    }
  }
  template <typename T, typename Fn>
  void list(const std::vector<T> &Items, Fn Each) {
    number(Items.size());
    for (const T &Item : Items)
      Each(Item);
  }

  std::string finish() {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    OS << Magic << BinaryVersion;
    llvm::encodeULEB128(Strings.size(), OS);
    for (llvm::StringRef S : Strings) {
      llvm::encodeULEB128(S.size(), OS);
      OS << S;
    }
    Body.flush();
    OS << BodyText;
    return Out;
  }

private:
  llvm::StringMap<unsigned> Index;
  std::vector<llvm::StringRef> Strings;
  std::string BodyText;
  llvm::raw_string_ostream Body{BodyText};
};

class Reader {
public:
  explicit Reader(llvm::StringRef Bytes) : Rest(Bytes) {}

  bool ok() const { return Error.empty(); }
  std::string Error;

  bool header() {
    if (!Rest.consume_front(Magic) || Rest.empty() ||
        Rest.front() != BinaryVersion)
      return fail("not version " + std::to_string(BinaryVersion) +
                  " binary facts");
    Rest = Rest.drop_front();
    uint64_t Count = number();
    for (uint64_t I = 0; I < Count && ok(); ++I) {
      uint64_t Size = number();
      if (Size > Rest.size()) {
        fail("a string runs past the end");
        break;
      }
      Strings.push_back(Rest.take_front(Size));
      Rest = Rest.drop_front(Size);
    }
    return ok();
  }

  uint64_t number() {
    unsigned Size = 0;
    const char *Error = nullptr;
    uint64_t N = llvm::decodeULEB128(
        reinterpret_cast<const uint8_t *>(Rest.data()), &Size,
        reinterpret_cast<const uint8_t *>(Rest.data() + Rest.size()), &Error);
    if (Error) {
      fail("a number is damaged");
      return 0;
    }
    Rest = Rest.drop_front(Size);
    return N;
  }
  unsigned small() {
    uint64_t N = number();
    if (N > std::numeric_limits<unsigned>::max())
      fail("a number is out of range");
    return static_cast<unsigned>(N);
  }
  bool flag() {
    if (Rest.empty())
      return fail("the facts end early");
    char C = Rest.front();
    Rest = Rest.drop_front();
    if (C != 0 && C != 1)
      return fail("a flag is neither 0 nor 1");
    return C;
  }
  std::string text() {
    uint64_t I = number();
    if (I >= Strings.size()) {
      fail("a string index is out of range");
      return "";
    }
    return Strings[I].str();
  }
  SourcePlace place() {
    SourcePlace P;
    P.File = text();
    P.Line = small();
    return P;
  }
  std::vector<std::pair<unsigned, std::string>> arguments() {
    std::vector<std::pair<unsigned, std::string>> Args(count());
    for (auto &[Index, Node] : Args) {
      Index = small();
      Node = text();
    }
    return Args;
  }
  /// A list's length, no more than the bytes left could hold.
  size_t count() {
    uint64_t N = number();
    if (N > Rest.size()) {
      fail("a list is longer than the facts");
      return 0;
    }
    return N;
  }
  template <typename T, typename Fn> void list(std::vector<T> &Items, Fn Each) {
    size_t N = count();
    Items.reserve(N);
    for (size_t I = 0; I < N && ok(); ++I)
      Items.push_back(Each());
  }
  bool atEnd() const { return Rest.empty(); }
  bool fail(const std::string &Why) {
    if (Error.empty())
      Error = Why;
    Rest = "";
    return false;
  }

private:
  llvm::StringRef Rest;
  std::vector<llvm::StringRef> Strings;
};

void writeSite(Writer &W, const Fact::Site &S) {
  W.text(S.Key);
  W.number(static_cast<unsigned>(S.Role));
  W.flag(S.Order.has_value());
  W.number(S.Order.value_or(0));
  W.text(S.Freed);
  W.text(S.FreedText);
  W.text(S.Call);
  W.place(S.At);
  W.flag(S.Guarded);
}

Fact::Site readSite(Reader &R) {
  Fact::Site S;
  S.Key = R.text();
  unsigned Role = R.small();
  if (Role > static_cast<unsigned>(PairingRole::Free)) {
    R.fail("unknown pairing role");
    Role = 0;
  }
  S.Role = static_cast<PairingRole>(Role);
  bool HasOrder = R.flag();
  uint64_t Order = R.number();
  if (HasOrder)
    S.Order = Order;
  S.Freed = R.text();
  S.FreedText = R.text();
  S.Call = R.text();
  S.At = R.place();
  S.Guarded = R.flag();
  return S;
}

void writeLevel(Writer &W, const Fact::LevelFact &L) {
  W.text(L.Node);
  W.text(L.Level);
  W.text(L.How);
  W.place(L.At);
  W.text(L.Mm);
}

Fact::LevelFact readLevel(Reader &R) {
  Fact::LevelFact L;
  L.Node = R.text();
  L.Level = R.text();
  L.How = R.text();
  L.At = R.place();
  L.Mm = R.text();
  return L;
}

void writeUnknown(Writer &W, const Fact::Unknown &U) {
  W.text(U.Node);
  W.text(U.How);
  W.place(U.At);
}

Fact::Unknown readUnknown(Reader &R) {
  Fact::Unknown U;
  U.Node = R.text();
  U.How = R.text();
  U.At = R.place();
  return U;
}

} // namespace

std::string factsToBinary(const ProvenanceFacts &F) {
  Writer W;
  W.text(F.Config);
  auto Site = [&](const Fact::Site &S) { writeSite(W, S); };
  auto Level = [&](const Fact::LevelFact &L) { writeLevel(W, L); };
  auto Unknown = [&](const Fact::Unknown &U) { writeUnknown(W, U); };
  W.list(F.Sites, Site);
  W.list(F.UnreachableSites, Site);
  W.list(F.Flows, [&](const Fact::Flow &Fl) {
    W.text(Fl.From);
    W.text(Fl.To);
    W.place(Fl.At);
    W.flag(Fl.NonNull);
  });
  W.list(F.Installs, Level);
  W.list(F.EntryReads, Level);
  W.list(F.Escapes, Unknown);
  W.list(F.UnknownOrigins, Unknown);
  W.list(F.NullOrigins, Unknown);
  W.list(F.Calls, [&](const Fact::Call &C) {
    W.text(C.Callee);
    W.text(C.CalleeName);
    W.arguments(C.Arguments);
    W.flag(C.Variadic);
    W.place(C.At);
  });
  W.list(F.IndirectCalls, [&](const Fact::IndirectCall &C) {
    W.text(C.Pointer);
    W.text(C.Result);
    W.arguments(C.Arguments);
    W.place(C.At);
  });
  W.list(F.AddressTakenFunctions, [&](const Fact::AddressTaken &A) {
    W.text(A.Function);
    W.text(A.Name);
    W.place(A.At);
  });
  W.list(F.Defined, [&](const std::string &D) { W.text(D); });
  W.number(F.Names.size());
  for (const auto &[Node, Name] : F.Names) {
    W.text(Node);
    W.text(Name);
  }
  return W.finish();
}

llvm::Expected<ProvenanceFacts> factsFromBinary(llvm::StringRef Bytes) {
  Reader R(Bytes);
  ProvenanceFacts F;
  if (R.header()) {
    F.Config = R.text();
    auto Site = [&] { return readSite(R); };
    auto Level = [&] { return readLevel(R); };
    auto Unknown = [&] { return readUnknown(R); };
    R.list(F.Sites, Site);
    R.list(F.UnreachableSites, Site);
    R.list(F.Flows, [&] {
      Fact::Flow Fl;
      Fl.From = R.text();
      Fl.To = R.text();
      Fl.At = R.place();
      Fl.NonNull = R.flag();
      return Fl;
    });
    R.list(F.Installs, Level);
    R.list(F.EntryReads, Level);
    R.list(F.Escapes, Unknown);
    R.list(F.UnknownOrigins, Unknown);
    R.list(F.NullOrigins, Unknown);
    R.list(F.Calls, [&] {
      Fact::Call C;
      C.Callee = R.text();
      C.CalleeName = R.text();
      C.Arguments = R.arguments();
      C.Variadic = R.flag();
      C.At = R.place();
      return C;
    });
    R.list(F.IndirectCalls, [&] {
      Fact::IndirectCall C;
      C.Pointer = R.text();
      C.Result = R.text();
      C.Arguments = R.arguments();
      C.At = R.place();
      return C;
    });
    R.list(F.AddressTakenFunctions, [&] {
      Fact::AddressTaken A;
      A.Function = R.text();
      A.Name = R.text();
      A.At = R.place();
      return A;
    });
    R.list(F.Defined, [&] { return R.text(); });
    for (size_t I = 0, N = R.count(); I < N && R.ok(); ++I) {
      std::string Node = R.text();
      F.Names[std::move(Node)] = R.text();
    }
    if (R.ok() && !R.atEnd())
      R.fail("bytes follow the facts");
  }
  if (!R.ok())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "damaged binary facts: " + R.Error);
  return std::move(F);
}

} // namespace pgmigrate
