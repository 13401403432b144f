//===- Pairing.cpp --------------------------------------------------------===//

#include "pgmigrate/Pairing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>
#include <map>
#include <set>

namespace pgmigrate {

// Keys are "level:<arch>:<level>" and
// "local:<offset>:<function>:<variable>:<file>" (the file last: it may hold
// colons).

std::string levelPairingKey(llvm::StringRef Arch, llvm::StringRef Level) {
  return ("level:" + Arch + ":" + Level).str();
}

std::string localPairingKey(llvm::StringRef File, unsigned DeclOffset,
                            llvm::StringRef Variable,
                            llvm::StringRef Function) {
  return ("local:" + llvm::Twine(DeclOffset) + ":" + Function + ":" + Variable +
          ":" + File)
      .str();
}

std::string describePairingKey(llvm::StringRef Key) {
  llvm::SmallVector<llvm::StringRef, 5> Parts;
  if (Key.startswith("level:")) {
    Key.split(Parts, ':', 2);
    if (Parts.size() == 3)
      return (Parts[2] + " tables of " +
              (Parts[1] == "generic" ? "code outside arch/"
                                     : ("arch/" + Parts[1]).str()))
          .str();
  } else if (Key.startswith("local:")) {
    Key.split(Parts, ':', 4);
    if (Parts.size() == 5)
      return ("variable '" + Parts[3] + "' of " + Parts[2] + "()").str();
  }
  return Key.str();
}

std::string shortSiteName(const Finding &F) {
  llvm::StringRef Path = F.FilePath;
  size_t At = Path.rfind("/arch/");
  if (At != llvm::StringRef::npos)
    Path = Path.drop_front(At + 1);
  return (Path + ":" + llvm::Twine(F.Line)).str();
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

// The message of a conversion that is withdrawn: the reason, then what it
// would have done.
static std::string withdrawn(const Finding &F, const std::string &Reason) {
  llvm::StringRef Was = F.Message;
  return "not converted: " + Reason + "; it would " +
         (Was.consume_front("replace ") ? "replace " + Was.str()
                                        : "do: " + Was.str());
}

void applyPairing(std::vector<Finding> &Findings) {
  for (Finding &F : Findings) {
    llvm::sort(F.PairingKeys);
    F.PairingKeys.erase(std::unique(F.PairingKeys.begin(), F.PairingKeys.end()),
                        F.PairingKeys.end());
  }
  // Members in a fixed order whatever the input order.
  std::vector<size_t> Order(Findings.size());
  for (size_t I = 0; I < Findings.size(); ++I)
    Order[I] = I;
  llvm::stable_sort(Order, [&](size_t A, size_t B) {
    if (Findings[A] != Findings[B])
      return Findings[A] < Findings[B];
    return Findings[A].PairingKeys < Findings[B].PairingKeys;
  });

  std::map<std::string, std::vector<size_t>> Groups; // key -> members
  for (size_t I : Order) {
    std::set<std::string> Keys(Findings[I].PairingKeys.begin(),
                               Findings[I].PairingKeys.end());
    for (const std::string &Key : Keys)
      Groups[Key].push_back(I);
  }

  std::vector<bool> Blocked(Findings.size(), false);
  std::deque<size_t> Queue;
  auto Block = [&](size_t I, const std::string &Reason) {
    Finding &F = Findings[I];
    F.Message = withdrawn(F, Reason);
    F.Kind = FindingKind::Refused;
    F.Replacements.clear();
    Blocked[I] = true;
    Queue.push_back(I);
  };

  // Members that disagree on the order: every converted member is refused.
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
        Block(I, "the page orders in its pairing group (" +
                     describePairingKey(Key) + ") disagree: " + Orders);
  }

  // Members that are not converted block their groups, and what they block
  // blocks further: breadth first, so each message names the nearest cause.
  for (size_t I : Order)
    if (!Blocked[I] && !Findings[I].PairingKeys.empty() &&
        Findings[I].Kind != FindingKind::Converted) {
      Blocked[I] = true;
      Queue.push_back(I);
    }
  std::set<std::string> Done;
  while (!Queue.empty()) {
    size_t Blocker = Queue.front();
    Queue.pop_front();
    std::set<std::string> Keys(Findings[Blocker].PairingKeys.begin(),
                               Findings[Blocker].PairingKeys.end());
    for (const std::string &Key : Keys) {
      if (!Done.insert(Key).second)
        continue;
      for (size_t I : Groups[Key]) {
        if (Blocked[I] || Findings[I].Kind != FindingKind::Converted)
          continue;
        const Finding &B = Findings[Blocker];
        Block(I, "it pairs (" + describePairingKey(Key) + ") with " +
                     roleName(B.Role).str() + " at " + shortSiteName(B) + " [" +
                     B.Rule + "], which is not converted");
      }
    }
  }
}

} // namespace pgmigrate
