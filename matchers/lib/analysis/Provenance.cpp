//===- Provenance.cpp -----------------------------------------------------===//
//
// solveProvenance(): join the facts (ProvenanceGraph), summarize each group
// that has a site (ProvenanceGroups), and decide each group as a whole: its
// first blocker refuses every site, else every site converts with the
// evidence nearest to it.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/Provenance.h"
#include "analysis/LevelTarget.h"
#include "analysis/NearestEvidence.h"
#include "analysis/ProvenanceGraph.h"
#include "analysis/ProvenanceGroups.h"
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace pgmigrate {

/// How many leading directories two paths share.
static std::string groupName(const GroupSummary &Group) {
  for (const MergedSite *Site : Group.Sites)
    if (Site->Role == PairingRole::Allocation)
      return "the object allocated" + atPlace(Site->At);
  return "the object freed" + atPlace(Group.Sites.front()->At);
}

/// A static function's or variable's name, FILE#name, declared in a .c file.
static bool isPrivateToCFile(llvm::StringRef Name) {
  size_t Hash = Name.rfind('#');
  return Hash != llvm::StringRef::npos && Name.take_front(Hash).endswith(".c");
}

// Whether what other units do with Node cannot change the group's
// decision. Forward nodes (where the pages go): a parameter's uses are the
// function's body, the same in every unit; a result may be taken onward by
// callers elsewhere. Backward nodes (where freed values come from): a
// parameter gets values from callers elsewhere; a result comes from the
// function's body. Fields and shared globals are touched anywhere.
static bool isUnitLocalNode(llvm::StringRef Node, bool Forward, bool Backward,
                            const ProvenanceGraph &Graph) {
  llvm::StringRef Function = node::functionOf(Node);
  // A function called through a pointer: its result and parameters meet
  // the units that make those calls.
  if (!Function.empty() &&
      Graph.calledThroughPointer(node::configOf(Node), Function))
    return false;
  switch (node::kindOf(Node)) {
  case node::Kind::Site:
  case node::Kind::Var:
  case node::Kind::Read:
  case node::Kind::Expr:
    return true;
  case node::Kind::Param:
    return !Backward || isPrivateToCFile(node::functionOf(Node));
  case node::Kind::Ret:
    return !Forward || isPrivateToCFile(node::functionOf(Node));
  case node::Kind::Global:
    return isPrivateToCFile(node::restOf(Node));
  case node::Kind::Field:
  case node::Kind::Fn:
  case node::Kind::Invalid: // the entry:CFG:LEVEL family of StrictFamilies
    break;
  }
  return false;
}

static bool isUnitLocal(const GroupSummary &Group,
                        const ProvenanceGraph &Graph) {
  auto In = [](const std::vector<std::string> &Sorted, const std::string &N) {
    return std::binary_search(Sorted.begin(), Sorted.end(), N);
  };
  return llvm::all_of(Group.Nodes,
                      [&](const std::string &N) {
                        return isUnitLocalNode(N, In(Group.Forward, N),
                                               In(Group.Backward, N), Graph);
                      }) &&
         llvm::all_of(Group.Sites, [](const MergedSite *Site) {
           return llvm::StringRef(Site->At.File).endswith(".c");
         });
}

/// The single order of a group's sites, if they have one.
static std::optional<uint64_t> orderOf(const GroupSummary &Group) {
  std::set<uint64_t> Orders;
  for (const MergedSite *Site : Group.Sites)
    for (const auto &[Config, Of] : Site->Orders)
      Orders.insert(Of.begin(), Of.end());
  if (Orders.size() != 1)
    return std::nullopt;
  return *Orders.begin();
}

// An installed table above order 0 may come back out of its entry and be
// freed, as a read, by a free the facts cannot match to it (entries join no
// groups): after the conversion, that free would release a compound page.
static std::string installedAboveOrderZero(const GroupSummary &Group,
                                           size_t Index,
                                           const EntryReadFrees &Frees) {
  std::optional<uint64_t> Order = orderOf(Group);
  if (!Order || *Order == 0)
    return "";
  // Its free is not seen (__free_pages(virt_to_page(p), order) is an
  // address computation to the facts): after the conversion it would free a
  // compound page through the other family.
  if (llvm::none_of(Group.Sites, [](const MergedSite *Site) {
        return Site->Role == PairingRole::Free;
      }))
    return "no free of its order " + std::to_string(*Order) +
           " pages is seen: above order 0 every free must be known";
  for (const LevelEvidence *Install : Group.Installs) {
    auto It = Frees.find({Install->Config, Install->Level});
    if (It == Frees.end())
      continue;
    // Any such free outside the group, not only the first of them.
    auto Other = llvm::find_if(
        It->second, [&](const auto &Free) { return Free.second != Index; });
    if (Other == It->second.end())
      continue;
    const MergedSite *Free = Other->first;
    return "order " + std::to_string(*Order) + " " + Install->Level +
           " tables of its group are installed in entries, and " + Free->Call +
           atPlace(Free->At) +
           " frees tables read out of such entries, whichever allocation "
           "they come from: above order 0 every free must be known";
  }
  return "";
}

/// What each unreachable free frees (its Freed node), with the free as a
/// message names it.
using UnreachableFrees = std::map<std::string, std::string>;

// A free in code the run's configurations never run stays on the old API;
// in a configuration that runs it, it may free this group's pages: the
// group must not convert without it.
static std::string unreachableFreeBlocker(const GroupSummary &Group,
                                          const UnreachableFrees &Frees) {
  for (const std::string &Node : Group.Nodes) {
    auto It = Frees.find(Node);
    if (It != Frees.end())
      return "its pages may also be freed by " + It->second +
             ", in code the run's configurations never run, which stays on "
             "the old API";
  }
  return "";
}

static void decideGroup(const GroupSummary &Group, unsigned Number,
                        const ProvenanceGraph &Graph,
                        const EntryReadFrees &ReadFrees,
                        const UnreachableFrees &DeadFrees,
                        ProvenanceResult &Result) {
  std::string Reason = groupBlocker(Group, Graph);
  if (Reason.empty())
    Reason = installedAboveOrderZero(Group, Number - 1, ReadFrees);
  if (Reason.empty())
    Reason = unreachableFreeBlocker(Group, DeadFrees);
  std::string Name = groupName(Group);
  bool Local = isUnitLocal(Group, Graph);
  std::map<std::string, std::string> NullTests;
  if (Reason.empty())
    NullTests = nullFrees(Group, Graph);

  std::string LevelWhy;
  std::string Level = groupLevel(Group, LevelWhy);
  std::string LevelBlocker;
  if (Reason.empty())
    LevelBlocker = levelBlocker(Group, Number - 1, ReadFrees);

  NearestEvidence Evidence(Group);
  for (const MergedSite *Site : Group.Sites) {
    SiteDecision &D = Result.Sites[Site->Key];
    D.Convert = Reason.empty();
    D.Reason = Reason;
    if (D.Convert) {
      D.Evidence = Evidence.describe(*Site);
      auto Null = NullTests.find(Site->Key);
      if (Null != NullTests.end())
        D.NullTest = Null->second;
    }
    D.Group = Number;
    D.GroupName = Name;
    D.Call = Site->Call;
    D.At = Site->At;
    D.UnitLocal = Local;
    D.Level = Level;
    D.LevelBlocker = LevelBlocker;
  }
}

/// The configurations in which each site is unreachable, by key, with one
/// description of the site (the least by place, then call).
using UnreachableSites =
    std::map<std::string,
             std::pair<ProvenanceFacts::Site, std::set<std::string>>>;

static UnreachableSites
unreachableSites(llvm::ArrayRef<ProvenanceFacts> Units) {
  UnreachableSites Found;
  for (const ProvenanceFacts &Unit : Units)
    for (const ProvenanceFacts::Site &S : Unit.UnreachableSites) {
      auto [It, New] = Found.try_emplace(S.Key, S, std::set<std::string>());
      ProvenanceFacts::Site &Kept = It->second.first;
      if (!New && (placeLess(S.At, Kept.At) ||
                   (!placeLess(Kept.At, S.At) && S.Call < Kept.Call)))
        Kept = S;
      It->second.second.insert(Unit.Config);
    }
  return Found;
}

// A site that only code no configuration of the run runs holds is its own
// group, refused: nothing shows what its page becomes.
static void decideUnreachable(const UnreachableSites &Sites,
                              ProvenanceResult &Result) {
  std::vector<const UnreachableSites::value_type *> Order;
  for (const auto &Entry : Sites)
    if (!Result.Sites.count(Entry.first))
      Order.push_back(&Entry);
  llvm::stable_sort(Order, [](const auto *A, const auto *B) {
    return placeLess(A->second.first.At, B->second.first.At);
  });
  for (const auto *Entry : Order) {
    const auto &[Site, Configs] = Entry->second;
    std::string Where;
    for (const std::string &Config : Configs)
      Where += (Where.empty() ? "" : ", ") + Config;
    SiteDecision &D = Result.Sites[Site.Key];
    D.Reason = "the call is in code that the run's configurations (" + Where +
               ") never run (a branch whose condition is a constant there, "
               "or code after a return): nothing shows what its page becomes";
    D.Group = ++Result.Groups;
    D.GroupName = (Site.Role == PairingRole::Free ? "the object freed"
                                                  : "the object allocated") +
                  atPlace(Site.At);
    D.Call = Site.Call;
    D.At = Site.At;
  }
}

ProvenanceResult solveProvenance(llvm::ArrayRef<ProvenanceFacts> Units,
                                 const KernelContracts &Contracts,
                                 const ProvenanceOptions &Options) {
  ProvenanceGraph Graph(Units, Contracts, Options);
  std::vector<GroupSummary> Groups = summarizeGroups(Graph);
  ProvenanceResult Result;
  Result.Groups = Groups.size();
  EntryReadFrees ReadFrees = entryReadFrees(Groups);
  UnreachableSites Dead = unreachableSites(Units);
  UnreachableFrees DeadFrees;
  for (const auto &[Key, Entry] : Dead)
    if (Entry.first.Role == PairingRole::Free && !Entry.first.Freed.empty())
      DeadFrees.try_emplace(Entry.first.Freed,
                            Entry.first.Call + atPlace(Entry.first.At));
  for (size_t I = 0; I < Groups.size(); ++I)
    decideGroup(Groups[I], I + 1, Graph, ReadFrees, DeadFrees, Result);
  decideUnreachable(Dead, Result);
  return Result;
}

} // namespace pgmigrate
