//===- PairingKey.h - The group a finding pairs in --------------*- C++ -*-===//
//
// A pairing key names a group of sites that convert together or not at all
// (see Pairing.h): one object group of the provenance solve (Provenance.h),
// the allocations and frees that values flow between.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PAIRINGKEY_H
#define PGMIGRATE_PAIRINGKEY_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

class PairingKey {
public:
  /// Object group Group (numbered by the solve), described by Name ("the
  /// object allocated at arch/x86/mm/init_64.c:120"). UnitLocal: every
  /// part of the group is private to one translation unit.
  static PairingKey object(unsigned Group, llvm::StringRef Name,
                           bool UnitLocal);

  unsigned group() const { return Group; }
  bool unitLocal() const { return UnitLocal; }

  /// The group, for messages.
  std::string describe() const { return Name; }

  /// By group number, which the solve gives in the order of the groups'
  /// first sites, so messages list groups in a fixed order.
  friend bool operator<(const PairingKey &LHS, const PairingKey &RHS) {
    return LHS.Group < RHS.Group;
  }
  friend bool operator==(const PairingKey &LHS, const PairingKey &RHS) {
    return LHS.Group == RHS.Group;
  }
  friend bool operator!=(const PairingKey &LHS, const PairingKey &RHS) {
    return !(LHS == RHS);
  }

private:
  PairingKey() = default;

  unsigned Group = 0;
  std::string Name;
  bool UnitLocal = false;
};

} // namespace pgmigrate

#endif // PGMIGRATE_PAIRINGKEY_H
