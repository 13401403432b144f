//===- ProvenanceGraph.cpp ------------------------------------------------===//

#include "analysis/ProvenanceGraph.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

namespace pgmigrate {

bool placeLess(const SourcePlace &A, const SourcePlace &B) {
  if (A.File == B.File)
    return A.Line < B.Line;
  llvm::StringRef RestA = A.File, RestB = B.File;
  while (!RestA.empty() && !RestB.empty()) {
    auto [HeadA, LastA] = RestA.rsplit('/');
    auto [HeadB, LastB] = RestB.rsplit('/');
    if (int Order = LastA.compare(LastB))
      return Order < 0;
    RestA = HeadA;
    RestB = HeadB;
  }
  return RestA.size() < RestB.size();
}

/// Whether A is a better place to show than B: any place is better than
/// none, an earlier one than a later one.
static bool placeBefore(const SourcePlace &A, const SourcePlace &B) {
  if (A.File.empty() || B.File.empty())
    return !A.File.empty() && B.File.empty();
  return placeLess(A, B);
}

/// Units that see one site describe it the same way, unless they disagree
/// (a macro expanded differently); keep the least description so that the
/// result does not depend on the order of the units.
static bool siteDescriptionLess(const ProvenanceFacts::Site &A,
                                const MergedSite &B) {
  auto Head = [](PairingRole Role, const std::string &Call) {
    return std::make_tuple(Role == PairingRole::None, Role, std::cref(Call));
  };
  if (Head(A.Role, A.Call) != Head(B.Role, B.Call))
    return Head(A.Role, A.Call) < Head(B.Role, B.Call);
  if (placeLess(A.At, B.At) || placeLess(B.At, A.At))
    return placeLess(A.At, B.At);
  return A.FreedText < B.FreedText;
}

static std::string rootFieldText(const KernelContracts::RootField &R) {
  return R.Record + "." + R.Field;
}

ProvenanceGraph::ProvenanceGraph(llvm::ArrayRef<ProvenanceFacts> Units,
                                 const KernelContracts &Contracts,
                                 const ProvenanceOptions &Options)
    : Contracts(Contracts), Options(Options) {
  for (const ProvenanceFacts &Unit : Units)
    addUnit(Unit);
  // Each address lost (followFunctionAddresses) may give more pointers
  // unknown targets: to a fixpoint (facts added twice are merged).
  for (size_t Lost = ~size_t(0); Lost != AddressTaken.size();) {
    Lost = AddressTaken.size();
    resolveIndirectCalls();
    followFunctionAddresses();
  }
  applyContracts();
  joinFamilies();
  finish();
}

unsigned ProvenanceGraph::idOf(llvm::StringRef Node) const {
  auto It = Ids.find(Node);
  assert(It != Ids.end() && "a node no fact mentions");
  return It->second;
}

std::string ProvenanceGraph::describe(llvm::StringRef Node) const {
  auto It = Names.find(Node.str());
  return It == Names.end() ? Node.str() : It->second;
}

bool ProvenanceGraph::defines(llvm::StringRef Config,
                              llvm::StringRef Function) const {
  return Defined.count({Config.str(), Function.str()});
}

const ProvenanceFacts::AddressTaken *
ProvenanceGraph::addressTaken(llvm::StringRef Config,
                              llvm::StringRef Function) const {
  auto It = AddressTaken.find({Config.str(), Function.str()});
  return It == AddressTaken.end() ? nullptr : &It->second;
}

unsigned ProvenanceGraph::intern(llvm::StringRef Node, const SourcePlace &At) {
  auto [It, New] = Ids.try_emplace(Node, NodeNames.size());
  if (New) {
    NodeNames.push_back(Node.str());
    FirstPlace.push_back(At);
    Succ.emplace_back();
    Pred.emplace_back();
  } else if (placeBefore(At, FirstPlace[It->second])) {
    FirstPlace[It->second] = At;
  }
  return It->second;
}

const KernelContracts::RootField *
ProvenanceGraph::rootFieldOf(llvm::StringRef Node) const {
  if (node::kindOf(Node) != node::Kind::Field)
    return nullptr;
  auto [Record, Field] = node::restOf(Node).rsplit('.');
  return Contracts.rootField(Record, Field);
}

void ProvenanceGraph::addUnit(const ProvenanceFacts &Unit) {
  for (const ProvenanceFacts::Site &S : Unit.Sites)
    addSite(Unit, S);
  for (const ProvenanceFacts::Flow &F : Unit.Flows)
    addFlow(Unit, F);
  for (const ProvenanceFacts::LevelFact &L : Unit.Installs)
    addEvidence(Unit.Config, L, /*Read=*/false);
  for (const ProvenanceFacts::LevelFact &L : Unit.EntryReads)
    addEvidence(Unit.Config, L, /*Read=*/true);
  for (const ProvenanceFacts::Unknown &U : Unit.Escapes)
    addUnknown(Escapes, U);
  for (const ProvenanceFacts::Unknown &U : Unit.UnknownOrigins)
    addUnknown(UnknownOrigins, U);
  for (const ProvenanceFacts::Unknown &U : Unit.NullOrigins)
    addUnknown(NullOrigins, U);
  for (const ProvenanceFacts::Call &C : Unit.Calls) {
    CallEvidence Call{Unit.Config, C};
    llvm::erase_if(Call.Call.Arguments, [](const auto &Argument) {
      return Argument.second.empty();
    });
    for (const auto &Argument : Call.Call.Arguments)
      intern(Argument.second, C.At);
    Calls.push_back(std::move(Call));
  }
  for (const ProvenanceFacts::IndirectCall &C : Unit.IndirectCalls) {
    if (C.Pointer.empty())
      continue;
    intern(C.Pointer, C.At);
    if (!C.Result.empty())
      intern(C.Result, C.At);
    IndirectCalls.push_back({Unit.Config, C});
  }
  addFunctions(Unit);
  for (const auto &[Node, Name] : Unit.Names) {
    auto [It, New] = Names.try_emplace(Node, Name);
    if (!New && Name < It->second)
      It->second = Name;
  }
}

void ProvenanceGraph::addSite(const ProvenanceFacts &Unit,
                              const ProvenanceFacts::Site &S) {
  if (S.Key.empty())
    return;
  std::string SiteNode = "site:" + S.Key;
  unsigned Id = intern(SiteNode, S.At);
  auto [It, New] = Sites.try_emplace(S.Key);
  MergedSite &M = It->second;
  if (New || siteDescriptionLess(S, M)) {
    M.Key = S.Key;
    M.Role = S.Role;
    M.Call = S.Call;
    M.FreedText = S.FreedText;
    M.At = S.At;
  }
  if (S.Order)
    M.Orders[Unit.Config].insert(*S.Order);
  M.Guarded = M.Guarded && S.Guarded;
  if (S.Freed.empty())
    return;
  M.Freed.insert(S.Freed);
  unsigned Freed = intern(S.Freed, S.At);
  // Freeing a root field's value frees a table read out of it: evidence,
  // not a join (every mm's root is its own object).
  if (const KernelContracts::RootField *R = rootFieldOf(S.Freed)) {
    addEvidence(
        Unit.Config,
        {SiteNode, R->Level,
         "read from " + rootFieldText(*R) + ", which holds a root (contract)",
         S.At, /*Mm=*/"other"},
        /*Read=*/true);
    return;
  }
  addEdge(Freed, Id);
}

void ProvenanceGraph::addEdge(unsigned From, unsigned To, bool NonNull) {
  if (From == To)
    return;
  auto [It, New] = EdgeNonNull.try_emplace({From, To}, NonNull);
  if (!New)
    It->second = It->second && NonNull;
  Succ[From].push_back(To);
  Pred[To].push_back(From);
}

void ProvenanceGraph::addFlow(const ProvenanceFacts &Unit,
                              const ProvenanceFacts::Flow &F) {
  if (F.From.empty() || F.To.empty())
    return;
  unsigned From = intern(F.From, F.At);
  unsigned To = intern(F.To, F.At);
  const KernelContracts::RootField *IntoRoot = rootFieldOf(F.To);
  const KernelContracts::RootField *OutOfRoot = rootFieldOf(F.From);
  if (IntoRoot)
    addEvidence(Unit.Config,
                {F.From, IntoRoot->Level,
                 "stored in " + rootFieldText(*IntoRoot) +
                     ", which holds a root (contract)",
                 F.At, /*Mm=*/"other"},
                /*Read=*/false);
  if (OutOfRoot)
    addEvidence(Unit.Config,
                {F.To, OutOfRoot->Level,
                 "read from " + rootFieldText(*OutOfRoot) +
                     ", which holds a root (contract)",
                 F.At, /*Mm=*/"other"},
                /*Read=*/true);
  if (!IntoRoot && !OutOfRoot)
    addEdge(From, To, F.NonNull);
}

void ProvenanceGraph::addEvidence(llvm::StringRef Config,
                                  const ProvenanceFacts::LevelFact &Fact,
                                  bool Read) {
  if (Fact.Node.empty())
    return;
  intern(Fact.Node, Fact.At);
  Evidence.push_back(
      {Config.str(), Fact.Node, Fact.Level, Fact.How, Fact.At, Read, Fact.Mm});
}

void ProvenanceGraph::addUnknown(std::vector<ProvenanceFacts::Unknown> &Into,
                                 const ProvenanceFacts::Unknown &U) {
  if (U.Node.empty())
    return;
  intern(U.Node, U.At);
  Into.push_back(U);
}

void ProvenanceGraph::addFunctions(const ProvenanceFacts &Unit) {
  for (const std::string &Function : Unit.Defined)
    Defined.insert({Unit.Config, Function});
  for (const ProvenanceFacts::AddressTaken &A : Unit.AddressTakenFunctions) {
    auto [It, New] = AddressTaken.try_emplace({Unit.Config, A.Function}, A);
    if (!New && (placeLess(A.At, It->second.At) ||
                 (!placeLess(It->second.At, A.At) && A.Name < It->second.Name)))
      It->second = A;
  }
}

// Through few nodes: only pointers carry a function's address.
std::pair<std::vector<unsigned>, bool>
ProvenanceGraph::pointerTargets(unsigned Pointer,
                                const llvm::DenseSet<unsigned> &Unknown) const {
  std::vector<unsigned> Functions;
  bool MayBeUnknown = false;
  llvm::DenseSet<unsigned> Seen{Pointer};
  std::vector<unsigned> Work{Pointer};
  while (!Work.empty()) {
    unsigned Id = Work.back();
    Work.pop_back();
    if (node::kindOf(NodeNames[Id]) == node::Kind::Fn)
      Functions.push_back(Id);
    MayBeUnknown = MayBeUnknown || Unknown.count(Id);
    // A parameter of a function called where the facts do not see may be
    // given any function there.
    llvm::StringRef Node = NodeNames[Id];
    if (node::kindOf(Node) == node::Kind::Param &&
        addressTaken(node::configOf(Node), node::functionOf(Node)))
      MayBeUnknown = true;
    for (unsigned From : Pred[Id])
      if (Seen.insert(From).second)
        Work.push_back(From);
  }
  llvm::sort(Functions);
  // Nothing in the run gives the pointer a function: it is set where the
  // facts do not see.
  if (Functions.empty())
    MayBeUnknown = true;
  return {Functions, MayBeUnknown};
}

// A call through a pointer calls each function whose address may reach the
// pointer: the call's arguments flow to the function's parameters, its
// result to the call's result. To a fixpoint, since a parameter so reached
// may itself be a pointer. A pointer that may also hold a function the
// facts do not know gives its results an unknown origin, and its page
// arguments escape.
void ProvenanceGraph::resolveIndirectCalls() {
  std::vector<std::set<unsigned>> Linked(IndirectCalls.size());
  std::vector<bool> UnknownDone(IndirectCalls.size());
  for (bool Changed = true; Changed;) {
    Changed = false;
    llvm::DenseSet<unsigned> UnknownNodes;
    for (const ProvenanceFacts::Unknown &U : UnknownOrigins)
      UnknownNodes.insert(Ids.lookup(U.Node));
    for (size_t I = 0; I < IndirectCalls.size(); ++I) {
      const auto &[Config, Call] = IndirectCalls[I];
      std::string Through = "the call through '" + describe(Call.Pointer) + "'";
      auto [Functions, Unknown] =
          pointerTargets(Ids.lookup(Call.Pointer), UnknownNodes);
      for (unsigned Fn : Functions) {
        if (!Linked[I].insert(Fn).second)
          continue;
        Changed = true;
        std::string Function = node::restOf(NodeNames[Fn]).str();
        PointerTargets.insert({Config, Function});
        if (!Call.Result.empty())
          addEdge(intern("ret:" + Config + ":" + Function, Call.At),
                  Ids.lookup(Call.Result));
        for (const auto &[Index, Argument] : Call.Arguments) {
          std::string Param =
              "param:" + Config + ":" + Function + ":" + std::to_string(Index);
          if (Argument.empty())
            addUnknown(
                UnknownOrigins,
                {Param,
                 "is given a value the facts do not follow by " + Through,
                 Call.At});
          else if (Argument == "null")
            addUnknown(NullOrigins,
                       {Param, "is given NULL by " + Through, Call.At});
          else
            addEdge(intern(Argument, Call.At), intern(Param, Call.At));
        }
      }
      if (!Unknown || UnknownDone[I])
        continue;
      UnknownDone[I] = true;
      Changed = true;
      std::string Why = "may hold a function the facts do not know";
      if (!Call.Result.empty())
        addUnknown(
            UnknownOrigins,
            {Call.Result, "comes from " + Through + ", which " + Why, Call.At});
      for (const auto &[Index, Argument] : Call.Arguments)
        if (!Argument.empty() && Argument != "null")
          addUnknown(Escapes,
                     {Argument, "is passed to " + Through + ", which " + Why,
                      Call.At});
    }
  }
}

// A function whose address reaches where the facts do not follow (an
// escape, a function no unit defines) may be called from anywhere: it is
// taken as address-taken there.
void ProvenanceGraph::followFunctionAddresses() {
  // Where each node's value is lost first (placeLess(): the message must
  // not depend on the order of the units).
  std::map<unsigned, SourcePlace> LostAt;
  auto Lose = [&](unsigned Id, const SourcePlace &At) {
    auto [It, New] = LostAt.try_emplace(Id, At);
    if (!New && placeLess(At, It->second))
      It->second = At;
  };
  for (const ProvenanceFacts::Unknown &U : Escapes)
    Lose(Ids.lookup(U.Node), U.At);
  for (const CallEvidence &C : Calls)
    if (!C.Call.Variadic && !defines(C.Config, C.Call.Callee) &&
        !Contracts.isReader(C.Call.Callee))
      for (const auto &Argument : C.Call.Arguments)
        Lose(Ids.lookup(Argument.second), C.Call.At);
  for (unsigned Fn = 0, N = NodeNames.size(); Fn < N; ++Fn) {
    if (node::kindOf(NodeNames[Fn]) != node::Kind::Fn)
      continue;
    llvm::DenseSet<unsigned> Seen{Fn};
    std::vector<unsigned> Work{Fn};
    std::optional<SourcePlace> Lost;
    while (!Work.empty()) {
      unsigned Id = Work.back();
      Work.pop_back();
      if (auto It = LostAt.find(Id); It != LostAt.end())
        if (!Lost || placeLess(It->second, *Lost))
          Lost = It->second;
      for (unsigned To : Succ[Id])
        if (Seen.insert(To).second)
          Work.push_back(To);
    }
    if (!Lost)
      continue;
    llvm::StringRef Node = NodeNames[Fn];
    std::string Config = node::configOf(Node).str();
    std::string Function = node::restOf(Node).str();
    std::string Name = describe(Node);
    if (llvm::StringRef(Name).endswith("()"))
      Name.resize(Name.size() - 2);
    ProvenanceFacts::AddressTaken A{Function, Name, *Lost};
    auto [It, New] = AddressTaken.try_emplace({Config, Function}, A);
    if (!New && placeLess(A.At, It->second.At))
      It->second = A;
  }
}

// The generic code installs what a hook's Alloc returns and, on a lost
// race, frees it through the hook's Free: within a configuration, every
// result of Alloc may flow to every freed parameter of Free.
void ProvenanceGraph::applyContracts() {
  // (config, hook) -> the hook's result nodes, and its freed parameters.
  std::map<std::pair<std::string, size_t>,
           std::pair<std::vector<unsigned>, std::vector<unsigned>>>
      Ends;
  for (unsigned Id = 0, N = NodeNames.size(); Id < N; ++Id) {
    llvm::StringRef Node = NodeNames[Id];
    // Function is "" (no hook's) unless Node is a param or a ret node.
    llvm::StringRef Function = node::functionOf(Node);
    bool Read = node::kindOf(Node) == node::Kind::Param;
    const KernelContracts::TableHooks *H =
        Read ? Contracts.hooksFreeing(Function)
             : Contracts.hooksAllocating(Function);
    if (H && Read && node::parameterIndexOf(Node) != H->FreeIndex)
      H = nullptr;
    if (!H)
      continue;
    std::string How =
        Read ? "freed by " + H->Free +
                   "(), which generic code calls with tables of that level "
                   "(contract)"
             : "returned by " + H->Alloc +
                   "(), which generic code installs (contract)";
    llvm::StringRef Config = node::configOf(Node);
    Evidence.push_back({Config.str(), Node.str(), H->Level, How, FirstPlace[Id],
                        Read,
                        // Generic code calls the hooks for every mm's tables.
                        /*Mm=*/"other"});
    auto &[Results, Freed] =
        Ends[{Config.str(), size_t(H - Contracts.Hooks.data())}];
    (Read ? Freed : Results).push_back(Id);
  }
  for (auto &[Hook, End] : Ends)
    for (unsigned Result : End.first)
      for (unsigned Freed : End.second)
        addEdge(Result, Freed);
}

// --strict-families: a table installed at a level of a configuration may
// be any table read out of an entry of that level.
void ProvenanceGraph::joinFamilies() {
  if (!Options.StrictFamilies)
    return;
  for (size_t I = 0, N = Evidence.size(); I < N; ++I) {
    std::string Family =
        "entry:" + Evidence[I].Config + ":" + Evidence[I].Level;
    unsigned Entry = intern(Family, SourcePlace());
    unsigned Node = Ids.lookup(Evidence[I].Node);
    if (Evidence[I].Read)
      addEdge(Entry, Node);
    else
      addEdge(Node, Entry);
  }
}

// Items in placeLess() order of their places, then by Key.
template <typename T, typename PlaceFn, typename KeyFn>
static void sortUnique(std::vector<T> &Items, PlaceFn Place, KeyFn Key) {
  llvm::sort(Items, [&](const T &A, const T &B) {
    if (placeLess(Place(A), Place(B)))
      return true;
    if (placeLess(Place(B), Place(A)))
      return false;
    return Key(A) < Key(B);
  });
  Items.erase(
      std::unique(Items.begin(), Items.end(),
                  [&](const T &A, const T &B) { return Key(A) == Key(B); }),
      Items.end());
}

// Sorted, so that whatever is "first" in a group does not depend on the
// order of the units; a fact that many units repeat (a header's) is kept
// once.
void ProvenanceGraph::finish() {
  for (auto *Edges : {&Succ, &Pred})
    for (std::vector<unsigned> &List : *Edges) {
      llvm::sort(List);
      List.erase(std::unique(List.begin(), List.end()), List.end());
    }
  sortUnique(
      Evidence, [](const LevelEvidence &E) -> auto & { return E.At; },
      [](const LevelEvidence &E) {
        return std::tie(E.At.File, E.At.Line, E.Node, E.Level, E.How, E.Read,
                        E.Config);
      });
  auto UnknownPlace = [](const ProvenanceFacts::Unknown &U) -> auto & {
    return U.At;
  };
  auto UnknownKey = [](const ProvenanceFacts::Unknown &U) {
    return std::tie(U.At.File, U.At.Line, U.Node, U.How);
  };
  sortUnique(Escapes, UnknownPlace, UnknownKey);
  sortUnique(UnknownOrigins, UnknownPlace, UnknownKey);
  sortUnique(NullOrigins, UnknownPlace, UnknownKey);
  sortUnique(
      Calls, [](const CallEvidence &C) -> auto & { return C.Call.At; },
      [](const CallEvidence &C) {
        return std::tie(C.Call.At.File, C.Call.At.Line, C.Call.Callee,
                        C.Call.CalleeName, C.Config, C.Call.Arguments,
                        C.Call.Variadic);
      });
}

} // namespace pgmigrate
