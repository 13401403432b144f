//===- ProvenanceGroups.cpp -----------------------------------------------===//

#include "analysis/ProvenanceGroups.h"
#include "analysis/UnionFind.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

namespace {

// The nodes reachable from Start along Next (successors or predecessors),
// sorted. Seen is all clear on entry and on return: one scratch set serves
// every call, so that a site costs what it reaches, not the graph's size.
template <typename NextFn>
std::vector<unsigned> reach(unsigned Start, NextFn Next,
                            llvm::BitVector &Seen) {
  std::vector<unsigned> Reached{Start};
  Seen.set(Start);
  for (size_t I = 0; I < Reached.size(); ++I)
    for (unsigned To : Next(Reached[I]))
      if (!Seen.test(To)) {
        Seen.set(To);
        Reached.push_back(To);
      }
  for (unsigned Id : Reached)
    Seen.reset(Id);
  llvm::sort(Reached);
  return Reached;
}

// The sorted union of the sorted sets Sets.
std::vector<unsigned>
unionOf(const std::vector<const std::vector<unsigned> *> &Sets) {
  std::vector<unsigned> All;
  for (const std::vector<unsigned> *Set : Sets)
    All.insert(All.end(), Set->begin(), Set->end());
  llvm::sort(All);
  All.erase(std::unique(All.begin(), All.end()), All.end());
  return All;
}

std::vector<std::string> namesOf(const ProvenanceGraph &Graph,
                                 const std::vector<unsigned> &Set) {
  std::vector<std::string> Names;
  for (unsigned Id : Set)
    Names.push_back(Graph.nodeName(Id).str());
  llvm::sort(Names);
  return Names;
}

// Sets the bits of Set in Bits (all clear before); clear() undoes it.
class MarkedSet {
public:
  MarkedSet(llvm::BitVector &Bits, const std::vector<unsigned> &Set)
      : Bits(Bits), Set(Set) {
    for (unsigned Id : Set)
      Bits.set(Id);
  }
  ~MarkedSet() {
    for (unsigned Id : Set)
      Bits.reset(Id);
  }
  bool test(unsigned Id) const { return Bits.test(Id); }

private:
  llvm::BitVector &Bits;
  const std::vector<unsigned> &Set;
};

// What a group's nodes touch: installs and reads, escapes, unknown origins,
// calls that pass its pages.
void collectEvidence(const ProvenanceGraph &Graph, const MarkedSet &All,
                     const MarkedSet &Fwd, const MarkedSet &Bwd,
                     GroupSummary &Group) {
  for (const LevelEvidence &E : Graph.evidence())
    if (All.test(Graph.idOf(E.Node)))
      (E.Read ? Group.Reads : Group.Installs).push_back(&E);
  // A page that escapes may be freed where the facts do not look; a free
  // of a value of unknown origin may free a page of another allocator.
  for (const ProvenanceFacts::Unknown &U : Graph.escapes())
    if (Fwd.test(Graph.idOf(U.Node)))
      Group.Escapes.push_back(&U);
  for (const ProvenanceFacts::Unknown &U : Graph.unknownOrigins())
    if (Bwd.test(Graph.idOf(U.Node)))
      Group.UnknownOrigins.push_back(&U);
  for (const CallEvidence &C : Graph.calls())
    for (size_t I = 0; I < C.Call.Arguments.size(); ++I)
      if (Fwd.test(Graph.idOf(C.Call.Arguments[I].second)))
        Group.Calls.push_back({&C, I});
}

} // namespace

// Reach sets are kept sparse (sorted node ids), and the node sets of the
// whole graph are scratch bit vectors set and cleared around each use:
// memory and time grow with what the sites reach, not with sites times
// nodes (a generated file with 20,000 sites in one group).
std::vector<GroupSummary> summarizeGroups(const ProvenanceGraph &Graph) {
  // Sites in placeLess() order, what each reaches: forward from an
  // allocation, backward from a free (both from a site of no role).
  std::vector<const MergedSite *> Sites;
  for (const auto &[Key, Site] : Graph.sites())
    Sites.push_back(&Site);
  llvm::stable_sort(Sites, [](const MergedSite *A, const MergedSite *B) {
    return placeLess(A->At, B->At);
  });
  llvm::BitVector Scratch(Graph.nodeCount());
  llvm::DenseMap<unsigned, size_t> SiteOfNode;
  std::vector<std::vector<unsigned>> Forward, Backward;
  for (size_t I = 0; I < Sites.size(); ++I) {
    const MergedSite &Site = *Sites[I];
    unsigned Id = Graph.idOf("site:" + Site.Key);
    SiteOfNode[Id] = I;
    bool Allocates = Site.Role != PairingRole::Free;
    bool Frees = Site.Role != PairingRole::Allocation;
    Forward.push_back(
        Allocates
            ? reach(
                  Id, [&](unsigned N) { return Graph.successors(N); }, Scratch)
            : std::vector<unsigned>());
    Backward.push_back(
        Frees ? reach(
                    Id, [&](unsigned N) { return Graph.predecessors(N); },
                    Scratch)
              : std::vector<unsigned>());
  }
  // An allocation joins every site its page reaches.
  UnionFind Joins;
  for (size_t I = 0; I < Sites.size(); ++I)
    Joins.add();
  for (size_t A = 0; A < Sites.size(); ++A)
    for (unsigned Id : Forward[A]) {
      auto It = SiteOfNode.find(Id);
      if (It != SiteOfNode.end() && It->second != A)
        Joins.unite(A, It->second);
    }
  // --strict-families: the tables installed at one level of a
  // configuration are one object with its entries.
  llvm::DenseMap<unsigned, size_t> FirstAtEntry;
  for (size_t A = 0; A < Sites.size(); ++A)
    for (unsigned Id : Forward[A])
      if (Graph.nodeName(Id).startswith("entry:")) {
        auto [It, New] = FirstAtEntry.try_emplace(Id, A);
        if (!New)
          Joins.unite(It->second, A);
      }

  // Groups numbered by their first site (Sites is in placeLess() order).
  std::vector<GroupSummary> Groups;
  std::vector<std::vector<const std::vector<unsigned> *>> MemberForward,
      MemberBackward;
  llvm::DenseMap<unsigned, size_t> Index;
  for (size_t I = 0; I < Sites.size(); ++I) {
    auto [It, New] = Index.try_emplace(Joins.find(I), Groups.size());
    if (New) {
      Groups.emplace_back();
      MemberForward.emplace_back();
      MemberBackward.emplace_back();
    }
    Groups[It->second].Sites.push_back(Sites[I]);
    MemberForward[It->second].push_back(&Forward[I]);
    MemberBackward[It->second].push_back(&Backward[I]);
  }

  llvm::BitVector FwdBits(Graph.nodeCount()), BwdBits(Graph.nodeCount());
  for (size_t G = 0; G < Groups.size(); ++G) {
    GroupSummary &Group = Groups[G];
    std::vector<unsigned> Fwd = unionOf(MemberForward[G]);
    std::vector<unsigned> Bwd = unionOf(MemberBackward[G]);
    std::vector<unsigned> All = unionOf({&Fwd, &Bwd});
    Group.Nodes = namesOf(Graph, All);
    Group.Forward = namesOf(Graph, Fwd);
    Group.Backward = namesOf(Graph, Bwd);
    MarkedSet AllSet(Scratch, All), FwdSet(FwdBits, Fwd), BwdSet(BwdBits, Bwd);
    collectEvidence(Graph, AllSet, FwdSet, BwdSet, Group);
  }
  return Groups;
}

} // namespace pgmigrate
