//===- ProvenanceGraph.h - The facts of a run joined into groups -*- C++
//-*-===//
//
// The first half of the provenance solve (Provenance.h): every node of
// every unit's facts, with the directed edges values take between them
// (flows, a free site's freed value into the site, a hook's result into its
// free under the kernel contracts); the facts that say something about a
// node, merged across units, sorted, and with the contracts' evidence
// added. Forming and deciding the groups is left to the caller.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_PROVENANCEGRAPH_H
#define PGMIGRATE_ANALYSIS_PROVENANCEGRAPH_H

#include "pgmigrate/Provenance.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pgmigrate {

/// Whether A comes before B: files compared by their path components from
/// the last one (file name, then its directory, ...), then lines. Whatever
/// is "first" in a group is chosen in this order, which does not depend on
/// where the tree and the headers outside it are checked out (by absolute
/// path, a tree in /tmp sorts before headers in /work, after ones in /build).
bool placeLess(const SourcePlace &A, const SourcePlace &B);

/// A node holds a table of Level: installed into an entry or read out of
/// one, by a unit's facts or by a contract.
struct LevelEvidence {
  std::string Config;
  std::string Node;
  std::string Level;
  std::string How;
  /// File is "" when nothing places the node.
  SourcePlace At;
  /// Read out of an entry (or a root field, or freed by a contract's free
  /// hook): the table's allocator is not known.
  bool Read = false;
  /// An install: whose tables (ProvenanceFacts::LevelFact::Mm).
  std::string Mm;
};

/// A call of a unit, with the unit's configuration.
struct CallEvidence {
  std::string Config;
  ProvenanceFacts::Call Call;
};

/// One site as every unit that sees it describes it.
struct MergedSite {
  std::string Key;
  PairingRole Role = PairingRole::None;
  std::string Call;
  std::string FreedText;
  SourcePlace At;
  /// The nodes freed, as the units name them.
  std::set<std::string> Freed;
  /// The orders the units evaluate, by configuration.
  std::map<std::string, std::set<uint64_t>> Orders;
  /// Free sites: every unit sees the call guarded against NULL.
  bool Guarded = true;
};

/// The facts of every unit of a run, joined. Built whole by the
/// constructor; the result depends only on the facts, not on their order.
class ProvenanceGraph {
public:
  ProvenanceGraph(llvm::ArrayRef<ProvenanceFacts> Units,
                  const KernelContracts &Contracts,
                  const ProvenanceOptions &Options);

  unsigned nodeCount() const { return NodeNames.size(); }
  llvm::StringRef nodeName(unsigned Id) const { return NodeNames[Id]; }
  /// The nodes Id's value may flow to, and those it may come from.
  llvm::ArrayRef<unsigned> successors(unsigned Id) const { return Succ[Id]; }
  llvm::ArrayRef<unsigned> predecessors(unsigned Id) const { return Pred[Id]; }
  /// Every flow from From to To tests the value for NULL first.
  bool nonNullEdge(unsigned From, unsigned To) const {
    auto It = EdgeNonNull.find({From, To});
    return It != EdgeNonNull.end() && It->second;
  }
  /// The id of a node that some fact mentions.
  unsigned idOf(llvm::StringRef Node) const;

  /// How messages name Node: its Names entry (the least one when units
  /// differ), else the node itself.
  std::string describe(llvm::StringRef Node) const;

  /// By key.
  const std::map<std::string, MergedSite> &sites() const { return Sites; }
  /// Sorted by place, then by text.
  llvm::ArrayRef<LevelEvidence> evidence() const { return Evidence; }
  llvm::ArrayRef<ProvenanceFacts::Unknown> escapes() const { return Escapes; }
  llvm::ArrayRef<ProvenanceFacts::Unknown> unknownOrigins() const {
    return UnknownOrigins;
  }
  llvm::ArrayRef<ProvenanceFacts::Unknown> nullOrigins() const {
    return NullOrigins;
  }
  llvm::ArrayRef<CallEvidence> calls() const { return Calls; }

  /// Some unit of Config defines Function (FN).
  bool defines(llvm::StringRef Config, llvm::StringRef Function) const;
  /// Where Function (FN) of Config first has its address taken, or null.
  const ProvenanceFacts::AddressTaken *
  addressTaken(llvm::StringRef Config, llvm::StringRef Function) const;
  const KernelContracts &contracts() const { return Contracts; }
  /// Some call through a pointer of Config may call Function (FN): its
  /// parameters and result meet units the function's own does not see.
  bool calledThroughPointer(llvm::StringRef Config,
                            llvm::StringRef Function) const {
    return PointerTargets.count({Config.str(), Function.str()});
  }

private:
  unsigned intern(llvm::StringRef Node, const SourcePlace &At);
  const KernelContracts::RootField *rootFieldOf(llvm::StringRef Node) const;
  void addUnit(const ProvenanceFacts &Unit);
  void addSite(const ProvenanceFacts &Unit, const ProvenanceFacts::Site &S);
  void addFlow(const ProvenanceFacts &Unit, const ProvenanceFacts::Flow &F);
  void addEvidence(llvm::StringRef Config,
                   const ProvenanceFacts::LevelFact &Fact, bool Read);
  void addUnknown(std::vector<ProvenanceFacts::Unknown> &Into,
                  const ProvenanceFacts::Unknown &U);
  void addFunctions(const ProvenanceFacts &Unit);
  void applyContracts();
  void resolveIndirectCalls();
  void followFunctionAddresses();
  /// The fn nodes whose address may reach Pointer, and whether a value of
  /// unknown origin may too.
  std::pair<std::vector<unsigned>, bool>
  pointerTargets(unsigned Pointer,
                 const llvm::DenseSet<unsigned> &UnknownNodes) const;
  void joinFamilies();
  void addEdge(unsigned From, unsigned To, bool NonNull = false);
  void finish();

  const KernelContracts &Contracts;
  const ProvenanceOptions &Options;

  llvm::StringMap<unsigned> Ids;
  std::vector<std::string> NodeNames;
  /// The least place of a fact that mentions each node.
  std::vector<SourcePlace> FirstPlace;
  std::vector<std::vector<unsigned>> Succ, Pred;
  std::map<std::pair<unsigned, unsigned>, bool> EdgeNonNull;

  std::map<std::string, MergedSite> Sites;
  std::vector<LevelEvidence> Evidence;
  std::vector<ProvenanceFacts::Unknown> Escapes, UnknownOrigins, NullOrigins;
  std::vector<CallEvidence> Calls;
  /// Calls through pointers, with their configuration.
  std::vector<std::pair<std::string, ProvenanceFacts::IndirectCall>>
      IndirectCalls;
  std::set<std::pair<std::string, std::string>> Defined;
  /// (config, FN) of every function a call through a pointer may call.
  std::set<std::pair<std::string, std::string>> PointerTargets;
  std::map<std::pair<std::string, std::string>, ProvenanceFacts::AddressTaken>
      AddressTaken;
  std::map<std::string, std::string> Names;
};

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_PROVENANCEGRAPH_H
