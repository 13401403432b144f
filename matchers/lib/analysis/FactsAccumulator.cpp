//===- FactsAccumulator.cpp -----------------------------------------------===//

#include "pgmigrate/FactsAccumulator.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include <numeric>
#include <tuple>

namespace pgmigrate {
namespace {

using Fact = ProvenanceFacts;

// Two facts are the same when every field is (the fields are those of the
// facts' JSON, so this is the equality the facts cache and shards keep).
auto fields(const SourcePlace &P) { return std::tie(P.File, P.Line); }
auto fields(const Fact::Site &S) {
  return std::tuple_cat(
      std::tie(S.Key, S.Role, S.Order, S.Freed, S.FreedText, S.Call, S.Guarded),
      fields(S.At));
}
auto fields(const Fact::Flow &F) {
  return std::tuple_cat(std::tie(F.From, F.To, F.NonNull), fields(F.At));
}
auto fields(const Fact::LevelFact &L) {
  return std::tuple_cat(std::tie(L.Node, L.Level, L.How, L.Mm), fields(L.At));
}
auto fields(const Fact::Unknown &U) {
  return std::tuple_cat(std::tie(U.Node, U.How), fields(U.At));
}
auto fields(const Fact::Call &C) {
  return std::tuple_cat(
      std::tie(C.Callee, C.CalleeName, C.Arguments, C.Variadic), fields(C.At));
}
auto fields(const Fact::IndirectCall &C) {
  return std::tuple_cat(std::tie(C.Pointer, C.Result, C.Arguments),
                        fields(C.At));
}
auto fields(const Fact::AddressTaken &A) {
  return std::tuple_cat(std::tie(A.Function, A.Name), fields(A.At));
}
auto fields(const std::string &S) { return std::tie(S); }

llvm::hash_code hashOne(const std::string &S) { return llvm::hash_value(S); }
llvm::hash_code hashOne(unsigned N) { return llvm::hash_value(N); }
llvm::hash_code hashOne(bool B) { return llvm::hash_value(B); }
llvm::hash_code hashOne(PairingRole R) {
  return llvm::hash_value(static_cast<int>(R));
}
llvm::hash_code hashOne(const std::optional<uint64_t> &O) {
  return llvm::hash_combine(O.has_value(), O.value_or(0));
}
llvm::hash_code
hashOne(const std::vector<std::pair<unsigned, std::string>> &Arguments) {
  llvm::hash_code H = llvm::hash_value(Arguments.size());
  for (const auto &[Index, Node] : Arguments)
    H = llvm::hash_combine(H, Index, Node);
  return H;
}

template <typename T> uint64_t hashOf(const T &Item) {
  return std::apply(
      [](const auto &...Field) {
        return static_cast<uint64_t>(llvm::hash_combine(hashOne(Field)...));
      },
      fields(Item));
}

/// Finds repeats among the items of one list of facts, and remembers for
/// each item the least order that gave it.
template <typename T> class UniqueIndex {
public:
  void add(std::vector<T> &Items, T &&Item, uint64_t Order) {
    uint64_t Hash = hashOf(Item);
    // DenseMap reserves its two largest keys.
    if (Hash >= ~uint64_t(0) - 1)
      Hash -= 2;
    auto [Head, New] = Heads.try_emplace(Hash, Items.size());
    if (!New) {
      for (unsigned I = Head->second; I != None; I = Next[I])
        if (fields(Items[I]) == fields(Item)) {
          Orders[I] = std::min(Orders[I], Order);
          return;
        }
      Next.push_back(Head->second);
      Head->second = Items.size();
    } else {
      Next.push_back(None);
    }
    Items.push_back(std::move(Item));
    Orders.push_back(Order);
  }

  void addAll(std::vector<T> &Items, std::vector<T> &From, uint32_t Unit) {
    for (size_t I = 0; I < From.size(); ++I)
      add(Items, std::move(From[I]), (uint64_t(Unit) << 32) | I);
    std::vector<T>().swap(From);
  }

  /// Puts Items in the order of their least orders; the index is empty
  /// after.
  void sort(std::vector<T> &Items) {
    std::vector<unsigned> ByOrder(Items.size());
    std::iota(ByOrder.begin(), ByOrder.end(), 0u);
    llvm::sort(ByOrder,
               [&](unsigned A, unsigned B) { return Orders[A] < Orders[B]; });
    std::vector<T> Sorted;
    Sorted.reserve(Items.size());
    for (unsigned I : ByOrder)
      Sorted.push_back(std::move(Items[I]));
    Items = std::move(Sorted);
    *this = UniqueIndex();
  }

private:
  static constexpr unsigned None = ~0u;
  std::vector<uint64_t> Orders;
  /// The next item with the same hash, or None.
  std::vector<unsigned> Next;
  /// The last item added of each hash.
  llvm::DenseMap<uint64_t, unsigned> Heads;
};

} // namespace

/// One configuration's facts, each once, in the order they came; the
/// indexes that find repeats.
struct FactsAccumulator::ConfigFacts {
  ProvenanceFacts Facts;
  UniqueIndex<Fact::Site> Sites, UnreachableSites;
  UniqueIndex<Fact::Flow> Flows;
  UniqueIndex<Fact::LevelFact> Installs, EntryReads;
  UniqueIndex<Fact::Unknown> Escapes, UnknownOrigins, NullOrigins;
  UniqueIndex<Fact::Call> Calls;
  UniqueIndex<Fact::IndirectCall> IndirectCalls;
  UniqueIndex<Fact::AddressTaken> AddressTaken;
  UniqueIndex<std::string> Defined;

  /// Do(index, list, Unit's list) for each list of facts.
  template <typename Fn> void eachList(ProvenanceFacts &Unit, Fn Do) {
    ProvenanceFacts &F = Facts;
    Do(Sites, F.Sites, Unit.Sites);
    Do(UnreachableSites, F.UnreachableSites, Unit.UnreachableSites);
    Do(Flows, F.Flows, Unit.Flows);
    Do(Installs, F.Installs, Unit.Installs);
    Do(EntryReads, F.EntryReads, Unit.EntryReads);
    Do(Escapes, F.Escapes, Unit.Escapes);
    Do(UnknownOrigins, F.UnknownOrigins, Unit.UnknownOrigins);
    Do(NullOrigins, F.NullOrigins, Unit.NullOrigins);
    Do(Calls, F.Calls, Unit.Calls);
    Do(IndirectCalls, F.IndirectCalls, Unit.IndirectCalls);
    Do(AddressTaken, F.AddressTakenFunctions, Unit.AddressTakenFunctions);
    Do(Defined, F.Defined, Unit.Defined);
  }

  void add(ProvenanceFacts &Unit, uint32_t Order) {
    eachList(Unit, [&](auto &Index, auto &List, auto &From) {
      Index.addAll(List, From, Order);
    });
    // The solve names a node by the least name any unit gives it.
    for (auto &[Node, Name] : Unit.Names) {
      auto [It, New] = Facts.Names.try_emplace(Node, Name);
      if (!New && Name < It->second)
        It->second = std::move(Name);
    }
  }

  ProvenanceFacts finish() {
    ProvenanceFacts None;
    eachList(None, [](auto &Index, auto &List, auto &) { Index.sort(List); });
    return std::move(Facts);
  }
};

FactsAccumulator::FactsAccumulator() = default;
FactsAccumulator::~FactsAccumulator() = default;
FactsAccumulator::FactsAccumulator(FactsAccumulator &&) = default;
FactsAccumulator &FactsAccumulator::operator=(FactsAccumulator &&) = default;

void FactsAccumulator::add(ProvenanceFacts Unit, uint32_t Order) {
  assert(!IsFinished && "facts added after they were taken");
  std::unique_ptr<ConfigFacts> &Slot = ByConfig[Unit.Config];
  if (!Slot) {
    Slot = std::make_unique<ConfigFacts>();
    Slot->Facts.Config = Unit.Config;
  }
  Slot->add(Unit, Order);
}

std::vector<const ProvenanceFacts *> FactsAccumulator::sofar() const {
  std::vector<const ProvenanceFacts *> Out;
  for (const auto &[Config, C] : ByConfig)
    Out.push_back(&C->Facts);
  return Out;
}

const std::vector<ProvenanceFacts> &FactsAccumulator::facts() const {
  if (!IsFinished) {
    for (auto &[Config, C] : ByConfig)
      Finished.push_back(C->finish());
    ByConfig.clear();
    IsFinished = true;
  }
  return Finished;
}

std::vector<ProvenanceFacts> FactsAccumulator::take() {
  facts();
  std::vector<ProvenanceFacts> Out = std::move(Finished);
  Finished.clear();
  return Out;
}

} // namespace pgmigrate
