//===- ProvenanceBlockers.cpp ---------------------------------------------===//
//
// What keeps an object group from converting, checked in a fixed order; the
// first blocker found is the reason of every site of the group. Each
// message names the node, what happens to it and where.
//
//===----------------------------------------------------------------------===//

#include "analysis/ProvenanceGroups.h"
#include "pgmigrate/Pairing.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Twine.h"
#include <algorithm>
#include <map>

namespace pgmigrate {

std::string atPlace(const SourcePlace &At) {
  if (At.File.empty())
    return "";
  return " at " + shortPlaceName(At.File, At.Line);
}

/// Node as messages name it: quoted, unless its name is a phrase that
/// already quotes what it names ("'pte' in alloc_pte_page()") or describes
/// it ("the result of p4d_alloc_one()").
static std::string quoted(const ProvenanceGraph &Graph, llvm::StringRef Node) {
  std::string Name = Graph.describe(Node);
  llvm::StringRef Text = Name;
  if (Text.contains('\'') || Text.startswith("the "))
    return Name;
  return "'" + Name + "'";
}

// a, b: a value that goes or comes from where the facts do not follow.
static std::string
unknownBlocker(llvm::ArrayRef<const ProvenanceFacts::Unknown *> Unknowns,
               const ProvenanceGraph &Graph) {
  if (Unknowns.empty())
    return "";
  const ProvenanceFacts::Unknown &U = *Unknowns.front();
  return quoted(Graph, U.Node) + " " + U.How + atPlace(U.At);
}

// c: a value passed to a function whose body no unit of the configuration
// has, unless the contracts say what that function does with it.
static std::string undefinedCalleeBlocker(const GroupSummary &Group,
                                          const ProvenanceGraph &Graph) {
  const KernelContracts &Contracts = Graph.contracts();
  for (const auto &[C, Argument] : Group.Calls) {
    const ProvenanceFacts::Call &Call = C->Call;
    // A variadic callee's declared parameters are not known: its extra
    // arguments are read (printk), so every argument is taken as read.
    if (Call.Variadic || Graph.defines(C->Config, Call.Callee) ||
        Contracts.isReader(Call.Callee) || Contracts.hooksFreeing(Call.Callee))
      continue;
    std::string Callee = Call.CalleeName.empty()
                             ? KernelContracts::plainName(Call.Callee).str()
                             : Call.CalleeName;
    return quoted(Graph, Call.Arguments[Argument].second) + " is passed to " +
           Callee + "()" + atPlace(Call.At) +
           ", which no compiled unit defines";
  }
  return "";
}

// d: a freed value returned by a function whose body no unit has.
static std::string undefinedResultBlocker(const GroupSummary &Group,
                                          const ProvenanceGraph &Graph) {
  for (const std::string &Node : Group.Backward) {
    if (node::kindOf(Node) != node::Kind::Ret)
      continue;
    llvm::StringRef Function = node::functionOf(Node);
    if (Graph.defines(node::configOf(Node), Function) ||
        Graph.contracts().hooksAllocating(Function))
      continue;
    return quoted(Graph, Node) + " comes from " +
           KernelContracts::plainName(Function).str() +
           "(), which no compiled unit defines";
  }
  return "";
}

// e: a function called through a pointer: a freed parameter may come from
// callers the facts do not know, a returned page may go to them.
static std::string addressTakenBlocker(const GroupSummary &Group,
                                       const ProvenanceGraph &Graph) {
  for (const std::string &Node : Group.Nodes) {
    node::Kind Kind = node::kindOf(Node);
    bool FreedParam =
        Kind == node::Kind::Param &&
        std::binary_search(Group.Backward.begin(), Group.Backward.end(), Node);
    bool ReturnedPage =
        Kind == node::Kind::Ret &&
        std::binary_search(Group.Forward.begin(), Group.Forward.end(), Node);
    if (!FreedParam && !ReturnedPage)
      continue;
    llvm::StringRef Function = node::functionOf(Node);
    const ProvenanceFacts::AddressTaken *A =
        Graph.addressTaken(node::configOf(Node), Function);
    if (!A)
      continue;
    std::string Name =
        A->Name.empty() ? KernelContracts::plainName(Function).str() : A->Name;
    std::string Place =
        A->At.File.empty()
            ? ""
            : " (at " + shortPlaceName(A->At.File, A->At.Line) + ")";
    return (Kind == node::Kind::Param
                ? quoted(Graph, Node) + " is a parameter of "
                : std::string("the page is returned by ")) +
           Name + "(), which is called through a function pointer" + Place;
  }
  return "";
}

/// Each order the group's sites have, with the first site (by key) that
/// has it.
static std::map<uint64_t, const MergedSite *>
ordersOf(const GroupSummary &Group) {
  std::map<uint64_t, const MergedSite *> FirstOfOrder;
  for (const MergedSite *Site : Group.Sites)
    for (const auto &[Config, Orders] : Site->Orders)
      for (uint64_t Order : Orders)
        FirstOfOrder.emplace(Order, Site);
  return FirstOfOrder;
}

// f: within a configuration and across them, one object has one order.
static std::string orderBlocker(const GroupSummary &Group) {
  std::map<uint64_t, const MergedSite *> Orders = ordersOf(Group);
  if (Orders.size() < 2)
    return "";
  std::string List;
  for (const auto &[Order, Site] : Orders)
    List += (List.empty() ? "" : ", ") +
            ("order " + llvm::Twine(Order) + atPlace(Site->At)).str();
  return "the page orders in its group disagree: " + List;
}

// g: above order 0, a table read out of an entry may have been allocated
// at order 0 by code the facts do not see.
static std::string readAboveOrderZeroBlocker(const GroupSummary &Group) {
  std::map<uint64_t, const MergedSite *> Orders = ordersOf(Group);
  if (Orders.size() != 1 || Orders.begin()->first == 0 || Group.Reads.empty())
    return "";
  return "order " + std::to_string(Orders.begin()->first) +
         " tables of its group are also read out of page-table entries, "
         "whose allocator is not known: above order 0 every origin must be "
         "known";
}

// Why Node may hold NULL, or "": it is given NULL, it is a field or a
// global (NULL until set), or it is the page of an allocation (NULL when the
// allocation fails).
static std::string nullSource(const ProvenanceGraph &Graph,
                              llvm::StringRef Node) {
  for (const ProvenanceFacts::Unknown &U : Graph.nullOrigins())
    if (U.Node == Node)
      return quoted(Graph, Node) + " " + U.How + atPlace(U.At);
  switch (node::kindOf(Node)) {
  case node::Kind::Field:
  case node::Kind::Global:
    return quoted(Graph, Node) + " is NULL until it is set";
  case node::Kind::Site: {
    auto It = Graph.sites().find(node::restOf(Node).str());
    if (It != Graph.sites().end() && It->second.Role == PairingRole::Allocation)
      return "the page from " + It->second.Call + atPlace(It->second.At) +
             " is NULL when the allocation fails";
    return "";
  }
  default:
    return "";
  }
}

// A parameter whose value a kernel hook's contract gives: generic code
// never frees a NULL table.
static bool nonNullByContract(const ProvenanceGraph &Graph, unsigned Id) {
  llvm::StringRef Node = Graph.nodeName(Id);
  const KernelContracts::TableHooks *H =
      node::kindOf(Node) == node::Kind::Param
          ? Graph.contracts().hooksFreeing(node::functionOf(Node))
          : nullptr;
  return H && node::parameterIndexOf(Node) == H->FreeIndex;
}

// i: free_page(0) does nothing, pgtable_free(NULL) is not allowed: a free
// that the code does not guard and that may get NULL from some origin
// converts only under a NULL test the conversion adds.
std::map<std::string, std::string> nullFrees(const GroupSummary &Group,
                                             const ProvenanceGraph &Graph) {
  std::map<std::string, std::string> Frees;
  for (const MergedSite *Site : Group.Sites) {
    if (Site->Role != PairingRole::Free || Site->Guarded)
      continue;
    unsigned Start = Graph.idOf("site:" + Site->Key);
    std::vector<unsigned> Work{Start};
    llvm::DenseSet<unsigned> Seen{Start};
    while (!Work.empty()) {
      unsigned Id = Work.back();
      Work.pop_back();
      if (Id != Start) {
        std::string Why = nullSource(Graph, Graph.nodeName(Id));
        if (!Why.empty()) {
          Frees[Site->Key] = "the free" + atPlace(Site->At) +
                             " may be given NULL (" + Why + "), which " +
                             Site->Call +
                             " ignores and pgtable_free() does not accept";
          break;
        }
      }
      // A table read out of an entry is never NULL, whatever was installed
      // there (--strict-families joins installs to reads).
      if (nonNullByContract(Graph, Id) ||
          node::kindOf(Graph.nodeName(Id)) == node::Kind::Read)
        continue;
      for (unsigned From : Graph.predecessors(Id))
        if (!Graph.nonNullEdge(From, Id) && Seen.insert(From).second)
          Work.push_back(From);
    }
  }
  return Frees;
}

/// The group's object for the no-evidence message: the page its first
/// allocation returns, else the value its first free frees.
static std::string objectOf(const GroupSummary &Group,
                            const ProvenanceGraph &Graph) {
  for (const MergedSite *Site : Group.Sites)
    if (Site->Role == PairingRole::Allocation)
      return (Site->Call.empty() ? "the page allocated"
                                 : "the page from " + Site->Call) +
             atPlace(Site->At);
  const MergedSite *Free = Group.Sites.front();
  for (const MergedSite *Site : Group.Sites)
    if (Site->Role == PairingRole::Free) {
      Free = Site;
      break;
    }
  if (!Free->Freed.empty())
    return quoted(Graph, *Free->Freed.begin());
  if (!Free->FreedText.empty())
    return "'" + Free->FreedText + "'";
  return quoted(Graph, "site:" + Free->Key);
}

// h: nothing shows the object is a page table.
static std::string noEvidenceBlocker(const GroupSummary &Group,
                                     const ProvenanceGraph &Graph) {
  if (!Group.Installs.empty() || !Group.Reads.empty())
    return "";
  return "no page-table evidence: " + objectOf(Group, Graph) +
         " is never installed in a page-table entry nor read out of one";
}

std::string groupBlocker(const GroupSummary &Group,
                         const ProvenanceGraph &Graph) {
  std::string Reason = unknownBlocker(Group.Escapes, Graph);
  if (Reason.empty())
    Reason = unknownBlocker(Group.UnknownOrigins, Graph);
  if (Reason.empty())
    Reason = undefinedCalleeBlocker(Group, Graph);
  if (Reason.empty())
    Reason = undefinedResultBlocker(Group, Graph);
  if (Reason.empty())
    Reason = addressTakenBlocker(Group, Graph);
  if (Reason.empty())
    Reason = orderBlocker(Group);
  if (Reason.empty())
    Reason = readAboveOrderZeroBlocker(Group);
  if (Reason.empty())
    Reason = noEvidenceBlocker(Group, Graph);
  return Reason;
}

} // namespace pgmigrate
