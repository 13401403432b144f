//===- ProvenanceGroups.cpp -----------------------------------------------===//

#include "analysis/ProvenanceGroups.h"
#include "analysis/UnionFind.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

namespace {

// The nodes reachable from Start along Next (successors or predecessors).
template <typename NextFn>
llvm::BitVector reach(const ProvenanceGraph &Graph, unsigned Start,
                      NextFn Next) {
  llvm::BitVector Seen(Graph.nodeCount());
  std::vector<unsigned> Work{Start};
  Seen.set(Start);
  while (!Work.empty()) {
    unsigned Id = Work.back();
    Work.pop_back();
    for (unsigned To : Next(Id))
      if (!Seen.test(To)) {
        Seen.set(To);
        Work.push_back(To);
      }
  }
  return Seen;
}

std::vector<std::string> namesOf(const ProvenanceGraph &Graph,
                                 const llvm::BitVector &Set) {
  std::vector<std::string> Names;
  for (unsigned Id : Set.set_bits())
    Names.push_back(Graph.nodeName(Id).str());
  llvm::sort(Names);
  return Names;
}

} // namespace

std::vector<GroupSummary> summarizeGroups(const ProvenanceGraph &Graph) {
  // Sites in placeLess() order, what each reaches: forward from an
  // allocation, backward from a free (both from a site of no role).
  std::vector<const MergedSite *> Sites;
  for (const auto &[Key, Site] : Graph.sites())
    Sites.push_back(&Site);
  llvm::stable_sort(Sites, [](const MergedSite *A, const MergedSite *B) {
    return placeLess(A->At, B->At);
  });
  std::vector<unsigned> SiteIds;
  std::vector<llvm::BitVector> Forward, Backward;
  for (const MergedSite *SitePtr : Sites) {
    const MergedSite &Site = *SitePtr;
    unsigned Id = Graph.idOf("site:" + Site.Key);
    SiteIds.push_back(Id);
    bool Allocates = Site.Role != PairingRole::Free;
    bool Frees = Site.Role != PairingRole::Allocation;
    Forward.push_back(
        Allocates
            ? reach(Graph, Id, [&](unsigned N) { return Graph.successors(N); })
            : llvm::BitVector(Graph.nodeCount()));
    Backward.push_back(
        Frees ? reach(Graph, Id,
                      [&](unsigned N) { return Graph.predecessors(N); })
              : llvm::BitVector(Graph.nodeCount()));
  }
  // An allocation joins every site its page reaches.
  UnionFind Joins;
  for (size_t I = 0; I < Sites.size(); ++I)
    Joins.add();
  for (size_t A = 0; A < Sites.size(); ++A)
    for (size_t F = 0; F < Sites.size(); ++F)
      if (A != F && Forward[A].test(SiteIds[F]))
        Joins.unite(A, F);
  // --strict-families: the tables installed at one level of a
  // configuration are one object with its entries.
  llvm::DenseMap<unsigned, size_t> FirstAtEntry;
  for (size_t A = 0; A < Sites.size(); ++A)
    for (unsigned Id : Forward[A].set_bits())
      if (Graph.nodeName(Id).startswith("entry:")) {
        auto [It, New] = FirstAtEntry.try_emplace(Id, A);
        if (!New)
          Joins.unite(It->second, A);
      }

  // Groups numbered by their first site (Sites is in placeLess() order).
  std::vector<GroupSummary> Groups;
  std::vector<llvm::BitVector> GroupForward, GroupBackward;
  llvm::DenseMap<unsigned, size_t> Index;
  for (size_t I = 0; I < Sites.size(); ++I) {
    auto [It, New] = Index.try_emplace(Joins.find(I), Groups.size());
    if (New) {
      Groups.emplace_back();
      GroupForward.emplace_back(Graph.nodeCount());
      GroupBackward.emplace_back(Graph.nodeCount());
    }
    Groups[It->second].Sites.push_back(Sites[I]);
    GroupForward[It->second] |= Forward[I];
    GroupBackward[It->second] |= Backward[I];
  }

  for (size_t G = 0; G < Groups.size(); ++G) {
    GroupSummary &Group = Groups[G];
    const llvm::BitVector &Fwd = GroupForward[G], &Bwd = GroupBackward[G];
    llvm::BitVector All = Fwd;
    All |= Bwd;
    Group.Nodes = namesOf(Graph, All);
    Group.Forward = namesOf(Graph, Fwd);
    Group.Backward = namesOf(Graph, Bwd);
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
  return Groups;
}

} // namespace pgmigrate
