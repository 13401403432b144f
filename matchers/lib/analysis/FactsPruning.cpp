//===- FactsPruning.cpp ---------------------------------------------------===//

#include "analysis/FactsPruning.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace pgmigrate {

namespace {

// A static function's or variable's name, FILE#name, declared in a .c
// file: no other unit sees it.
bool privateToCFile(llvm::StringRef Name) {
  size_t Hash = Name.rfind('#');
  return Hash != llvm::StringRef::npos && Name.take_front(Hash).endswith(".c");
}

bool reachesOtherUnits(llvm::StringRef Node) {
  switch (node::kindOf(Node)) {
  case node::Kind::Param:
  case node::Kind::Ret:
    return !privateToCFile(node::functionOf(Node));
  case node::Kind::Global:
    return !privateToCFile(node::restOf(Node));
  case node::Kind::Field:
    return true;
  default:
    return false;
  }
}

// What a component of the flow graph has that makes it worth keeping.
struct ComponentUse {
  bool Event = false;
  /// A value of unknown origin, or NULL, enters it.
  bool UnknownOrigin = false;
  unsigned Shared = 0;
  bool keep() const {
    return Event || Shared >= 2 || (Shared && UnknownOrigin);
  }
};

// The pointer, the result and the argument nodes of a call through a
// pointer ("" and "null" arguments are no nodes).
template <typename Fn>
void forEachNode(const ProvenanceFacts::IndirectCall &C, Fn F) {
  F(C.Pointer);
  if (!C.Result.empty())
    F(C.Result);
  for (const auto &A : C.Arguments)
    if (!A.second.empty() && A.second != "null")
      F(A.second);
}

template <typename T, typename Pred> void eraseIf(std::vector<T> &V, Pred P) {
  V.erase(std::remove_if(V.begin(), V.end(), P), V.end());
}

} // namespace

void pruneFacts(ProvenanceFacts &Facts) {
  // Components by node; leaders are the strings of Nodes (kept stable).
  llvm::StringSet<> Nodes;
  auto Add = [&](const std::string &N) { Nodes.insert(N); };
  for (const auto &S : Facts.Sites) {
    Add("site:" + S.Key);
    if (!S.Freed.empty())
      Add(S.Freed);
  }
  for (const auto &F : Facts.Flows) {
    Add(F.From);
    Add(F.To);
  }
  for (const auto &L : Facts.Installs)
    Add(L.Node);
  for (const auto &L : Facts.EntryReads)
    Add(L.Node);
  for (const auto &U : Facts.Escapes)
    Add(U.Node);
  for (const auto &U : Facts.UnknownOrigins)
    Add(U.Node);
  for (const auto &U : Facts.NullOrigins)
    Add(U.Node);
  // A call through a pointer joins its pointer, result and arguments: the
  // solve links them to the functions the pointer may hold.
  for (const auto &C : Facts.IndirectCalls)
    forEachNode(C, Add);

  llvm::EquivalenceClasses<llvm::StringRef> Components;
  for (const auto &Entry : Nodes)
    Components.insert(Entry.getKey());
  for (const auto &S : Facts.Sites)
    if (!S.Freed.empty())
      Components.unionSets("site:" + S.Key, S.Freed);
  for (const auto &F : Facts.Flows)
    Components.unionSets(F.From, F.To);
  for (const auto &C : Facts.IndirectCalls)
    forEachNode(
        C, [&](const std::string &N) { Components.unionSets(C.Pointer, N); });

  llvm::DenseMap<llvm::StringRef, ComponentUse> Uses;
  auto UseOf = [&](const std::string &N) -> ComponentUse & {
    return Uses[Components.getLeaderValue(N)];
  };
  for (const auto &Entry : Nodes)
    if (reachesOtherUnits(Entry.getKey()))
      ++UseOf(Entry.getKey().str()).Shared;
  for (const auto &S : Facts.Sites)
    UseOf("site:" + S.Key).Event = true;
  for (const auto &L : Facts.Installs)
    UseOf(L.Node).Event = true;
  for (const auto &C : Facts.IndirectCalls)
    UseOf(C.Pointer).Event = true;
  // An allocator's address: the calls through the pointers it reaches may
  // be in other units.
  for (const auto &Entry : Nodes)
    if (node::kindOf(Entry.getKey()) == node::Kind::Fn)
      UseOf(Entry.getKey().str()).Event = true;
  for (const auto &L : Facts.EntryReads)
    UseOf(L.Node).Event = true;
  for (const auto &U : Facts.Escapes)
    UseOf(U.Node).Event = true;
  // A NULL given to a shared node matters like any other origin: a free in
  // another unit may get it.
  for (const auto *List : {&Facts.UnknownOrigins, &Facts.NullOrigins})
    for (const auto &U : *List)
      UseOf(U.Node).UnknownOrigin = true;

  auto Dropped = [&](const std::string &N) { return !UseOf(N).keep(); };
  eraseIf(Facts.Flows, [&](const auto &F) { return Dropped(F.From); });
  eraseIf(Facts.Installs, [&](const auto &L) { return Dropped(L.Node); });
  eraseIf(Facts.EntryReads, [&](const auto &L) { return Dropped(L.Node); });
  eraseIf(Facts.Escapes, [&](const auto &U) { return Dropped(U.Node); });
  eraseIf(Facts.UnknownOrigins, [&](const auto &U) { return Dropped(U.Node); });
  eraseIf(Facts.NullOrigins, [&](const auto &U) { return Dropped(U.Node); });
  for (auto &C : Facts.Calls)
    eraseIf(C.Arguments, [&](const auto &A) {
      return !Nodes.count(A.second) || Dropped(A.second);
    });
  eraseIf(Facts.Calls, [](const auto &C) { return C.Arguments.empty(); });

  // Names and definitions of what is left: external definitions stay (a
  // call in another unit may need to know the function has a body).
  llvm::StringSet<> Kept, Functions;
  auto Keep = [&](const std::string &N) {
    Kept.insert(N);
    llvm::StringRef Fn = node::kindOf(N) == node::Kind::Fn
                             ? node::restOf(N)
                             : node::functionOf(N);
    if (!Fn.empty())
      Functions.insert(Fn);
  };
  for (const auto &S : Facts.Sites) {
    Keep("site:" + S.Key);
    if (!S.Freed.empty())
      Keep(S.Freed);
  }
  for (const auto &F : Facts.Flows) {
    Keep(F.From);
    Keep(F.To);
  }
  for (const auto *List : {&Facts.Installs, &Facts.EntryReads})
    for (const auto &L : *List)
      Keep(L.Node);
  for (const auto *List :
       {&Facts.Escapes, &Facts.UnknownOrigins, &Facts.NullOrigins})
    for (const auto &U : *List)
      Keep(U.Node);
  for (const auto &C : Facts.Calls) {
    Functions.insert(C.Callee);
    for (const auto &A : C.Arguments)
      Keep(A.second);
  }
  for (const auto &C : Facts.IndirectCalls)
    forEachNode(C, Keep);
  for (auto It = Facts.Names.begin(); It != Facts.Names.end();)
    It = Kept.count(It->first) ? std::next(It) : Facts.Names.erase(It);
  eraseIf(Facts.Defined, [&](const std::string &F) {
    return llvm::StringRef(F).contains('#') && !Functions.count(F);
  });
  llvm::sort(Facts.Defined);
  Facts.Defined.erase(std::unique(Facts.Defined.begin(), Facts.Defined.end()),
                      Facts.Defined.end());
}

} // namespace pgmigrate
