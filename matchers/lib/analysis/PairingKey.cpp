//===- PairingKey.cpp -----------------------------------------------------===//

#include "pgmigrate/PairingKey.h"

namespace pgmigrate {

PairingKey PairingKey::object(unsigned Group, llvm::StringRef Name,
                              bool UnitLocal) {
  PairingKey Key;
  Key.Group = Group;
  Key.Name = Name.str();
  Key.UnitLocal = UnitLocal;
  return Key;
}

} // namespace pgmigrate
