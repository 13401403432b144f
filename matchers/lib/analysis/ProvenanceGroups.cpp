//===- ProvenanceGroups.cpp -----------------------------------------------===//

#include "analysis/ProvenanceGroups.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

std::vector<GroupSummary> summarizeGroups(const ProvenanceGraph &Graph) {
  std::vector<GroupSummary> Groups;
  // Group (union-find representative) -> its index in Groups. Sites are
  // visited in key order, so groups are numbered by their least site key.
  llvm::DenseMap<unsigned, size_t> Index;
  for (const auto &[Key, Site] : Graph.sites()) {
    auto [It, New] = Index.try_emplace(Graph.groupOf(Graph.idOf("site:" + Key)),
                                       Groups.size());
    if (New)
      Groups.emplace_back();
    Groups[It->second].Sites.push_back(&Site);
  }
  auto GroupOfId = [&](unsigned Id) -> GroupSummary * {
    auto It = Index.find(Graph.groupOf(Id));
    return It == Index.end() ? nullptr : &Groups[It->second];
  };
  auto GroupOf = [&](llvm::StringRef Node) {
    return GroupOfId(Graph.idOf(Node));
  };
  for (unsigned Id = 0; Id < Graph.nodeCount(); ++Id)
    if (GroupSummary *G = GroupOfId(Id))
      G->Nodes.push_back(Graph.nodeName(Id).str());
  for (GroupSummary &G : Groups)
    llvm::sort(G.Nodes);
  for (const LevelEvidence &E : Graph.evidence())
    if (GroupSummary *G = GroupOf(E.Node))
      (E.Read ? G->Reads : G->Installs).push_back(&E);
  for (const ProvenanceFacts::Unknown &U : Graph.escapes())
    if (GroupSummary *G = GroupOf(U.Node))
      G->Escapes.push_back(&U);
  for (const ProvenanceFacts::Unknown &U : Graph.unknownOrigins())
    if (GroupSummary *G = GroupOf(U.Node))
      G->UnknownOrigins.push_back(&U);
  for (const CallEvidence &C : Graph.calls())
    for (size_t I = 0; I < C.Call.Arguments.size(); ++I)
      if (GroupSummary *G = GroupOf(C.Call.Arguments[I].second))
        G->Calls.push_back({&C, I});
  return Groups;
}

} // namespace pgmigrate
