//===- PairingKey.cpp -----------------------------------------------------===//

#include "pgmigrate/PairingKey.h"
#include "llvm/ADT/Twine.h"
#include <tuple>

namespace pgmigrate {

PairingKey PairingKey::level(llvm::StringRef Arch, llvm::StringRef Level) {
  PairingKey Key;
  Key.K = Kind::Level;
  Key.Arch = Arch.str();
  Key.Level = Level.str();
  return Key;
}

PairingKey PairingKey::local(llvm::StringRef File, unsigned DeclOffset,
                             llvm::StringRef Variable,
                             llvm::StringRef Function) {
  PairingKey Key;
  Key.K = Kind::Local;
  Key.File = File.str();
  Key.DeclOffset = DeclOffset;
  Key.Variable = Variable.str();
  Key.Function = Function.str();
  return Key;
}

std::string PairingKey::describe() const {
  if (K == Kind::Level)
    return Level + " tables of " +
           (Arch == "generic" ? "code outside arch/" : "arch/" + Arch);
  return "variable '" + Variable + "' of " + Function + "()";
}

// Arch names and levels are short; a local key's text is built only when
// two local keys compare, which the pairing pass does a few times per key.
std::string PairingKey::orderText() const {
  if (K == Kind::Level)
    return Arch + ":" + Level;
  return (llvm::Twine(DeclOffset) + ":" + Function + ":" + Variable + ":" +
          File)
      .str();
}

bool operator<(const PairingKey &LHS, const PairingKey &RHS) {
  if (LHS.K != RHS.K)
    return LHS.K == PairingKey::Kind::Level;
  return LHS.orderText() < RHS.orderText();
}

bool operator==(const PairingKey &LHS, const PairingKey &RHS) {
  return std::tie(LHS.K, LHS.Arch, LHS.Level, LHS.File, LHS.DeclOffset,
                  LHS.Variable, LHS.Function) ==
         std::tie(RHS.K, RHS.Arch, RHS.Level, RHS.File, RHS.DeclOffset,
                  RHS.Variable, RHS.Function);
}

} // namespace pgmigrate
