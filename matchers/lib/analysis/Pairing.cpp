//===- Pairing.cpp --------------------------------------------------------===//

#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>
#include <map>
#include <set>

namespace pgmigrate {

std::string shortPlaceName(llvm::StringRef File, unsigned Line) {
  size_t At = File.rfind("/arch/");
  if (At != llvm::StringRef::npos)
    File = File.drop_front(At + 1);
  return (File + ":" + llvm::Twine(Line)).str();
}

std::string shortSiteName(const Finding &F) {
  return shortPlaceName(F.FilePath, F.Line);
}

static llvm::StringRef roleName(PairingRole Role) {
  switch (Role) {
  case PairingRole::Allocation:
    return "the allocation";
  case PairingRole::Free:
    return "the free";
  case PairingRole::None:
    break;
  }
  return "the site";
}

std::string withdrawnMessage(const Finding &F, llvm::StringRef Reason) {
  llvm::StringRef Was = F.Message;
  return "not converted: " + Reason.str() + "; it would " +
         (Was.consume_front("replace ") ? "replace " + Was.str()
                                        : "do: " + Was.str());
}

namespace {

/// One run of the pairing pass over a set of findings.
class PairingPass {
public:
  explicit PairingPass(std::vector<Finding> &Findings)
      : Findings(Findings), Blocked(Findings.size(), false) {}

  void run() {
    groupMembers();
    blockDisagreeingOrders();
    propagateBlocks();
  }

private:
  /// Sorts each finding's keys and puts the members of each group in a
  /// fixed order whatever the input order.
  void groupMembers() {
    for (Finding &F : Findings) {
      llvm::sort(F.PairingKeys);
      F.PairingKeys.erase(
          std::unique(F.PairingKeys.begin(), F.PairingKeys.end()),
          F.PairingKeys.end());
    }
    Order.resize(Findings.size());
    for (size_t I = 0; I < Findings.size(); ++I)
      Order[I] = I;
    llvm::stable_sort(Order, [&](size_t A, size_t B) {
      if (Findings[A] != Findings[B])
        return Findings[A] < Findings[B];
      return Findings[A].PairingKeys < Findings[B].PairingKeys;
    });
    for (size_t I : Order) {
      std::set<PairingKey> Keys(Findings[I].PairingKeys.begin(),
                                Findings[I].PairingKeys.end());
      for (const PairingKey &Key : Keys)
        Groups[Key].push_back(I);
    }
  }

  void block(size_t I, const std::string &Reason) {
    Finding &F = Findings[I];
    F.Message = withdrawnMessage(F, Reason);
    F.Kind = FindingKind::Refused;
    F.Replacements.clear();
    Blocked[I] = true;
    Queue.push_back(I);
  }

  /// Members that disagree on the order: every converted member is refused.
  void blockDisagreeingOrders() {
    for (auto &[Key, Members] : Groups) {
      std::map<uint64_t, size_t> FirstOfOrder;
      for (size_t I : Members)
        if (Findings[I].Order)
          FirstOfOrder.emplace(*Findings[I].Order, I);
      if (FirstOfOrder.size() < 2)
        continue;
      std::string Orders;
      for (auto &[Value, I] : FirstOfOrder)
        Orders += (Orders.empty() ? "" : ", ") +
                  ("order " + llvm::Twine(Value) + " at " +
                   shortSiteName(Findings[I]) + " [" + Findings[I].Rule + "]")
                      .str();
      for (size_t I : Members)
        if (!Blocked[I] && Findings[I].Kind == FindingKind::Converted)
          block(I, "the page orders in its pairing group (" + Key.describe() +
                       ") disagree: " + Orders);
    }
  }

  /// Members that are not converted block their groups, and what they
  /// block blocks further: breadth first, so each message names the
  /// nearest cause.
  void propagateBlocks() {
    for (size_t I : Order)
      if (!Blocked[I] && !Findings[I].PairingKeys.empty() &&
          Findings[I].Kind != FindingKind::Converted) {
        Blocked[I] = true;
        Queue.push_back(I);
      }
    std::set<PairingKey> Done;
    while (!Queue.empty()) {
      size_t Blocker = Queue.front();
      Queue.pop_front();
      std::set<PairingKey> Keys(Findings[Blocker].PairingKeys.begin(),
                                Findings[Blocker].PairingKeys.end());
      for (const PairingKey &Key : Keys) {
        if (!Done.insert(Key).second)
          continue;
        for (size_t I : Groups[Key]) {
          if (Blocked[I] || Findings[I].Kind != FindingKind::Converted)
            continue;
          const Finding &B = Findings[Blocker];
          block(I, "it pairs (" + Key.describe() + ") with " +
                       roleName(B.Role).str() + " at " + shortSiteName(B) +
                       " [" + B.Rule + "], which is not converted");
        }
      }
    }
  }

  std::vector<Finding> &Findings;
  std::vector<size_t> Order;
  std::map<PairingKey, std::vector<size_t>> Groups; // key -> members
  std::vector<bool> Blocked;
  std::deque<size_t> Queue;
};

} // namespace

void applyPairing(std::vector<Finding> &Findings) {
  PairingPass(Findings).run();
}

} // namespace pgmigrate
