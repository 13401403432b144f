//===- PairingKey.h - The group a finding pairs in --------------*- C++ -*-===//
//
// A pairing key names a group of sites that convert together or not at all
// (see Pairing.h): every table of one level in one arch, or one local
// variable of one function.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PAIRINGKEY_H
#define PGMIGRATE_PAIRINGKEY_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pgmigrate {

class PairingKey {
public:
  enum class Kind {
    /// Every table of Level ("pte", "pmd", "pud", "p4d") in Arch (the name
    /// under arch/, or "generic"): reaches across translation units.
    Level,
    /// One local variable: declared at DeclOffset of File, named Variable,
    /// in Function.
    Local,
  };

  static PairingKey level(llvm::StringRef Arch, llvm::StringRef Level);
  static PairingKey local(llvm::StringRef File, unsigned DeclOffset,
                          llvm::StringRef Variable, llvm::StringRef Function);

  Kind kind() const { return K; }
  /// Level keys.
  llvm::StringRef arch() const { return Arch; }
  llvm::StringRef level() const { return Level; }
  /// Local keys.
  llvm::StringRef file() const { return File; }
  unsigned declOffset() const { return DeclOffset; }
  llvm::StringRef variable() const { return Variable; }
  llvm::StringRef function() const { return Function; }

  /// The group, for messages: "pte tables of arch/x86", "pmd tables of code
  /// outside arch/", "variable 'pte' of alloc_pte_page()".
  std::string describe() const;

  /// Level keys before local keys; within a kind, the order of the fields
  /// written as text and joined by ':' (level: arch, level; local: offset
  /// in decimal, function, variable, file). Messages list groups in this
  /// order, so it must not change.
  friend bool operator<(const PairingKey &LHS, const PairingKey &RHS);
  friend bool operator==(const PairingKey &LHS, const PairingKey &RHS);
  friend bool operator!=(const PairingKey &LHS, const PairingKey &RHS) {
    return !(LHS == RHS);
  }

private:
  PairingKey() = default;
  /// The fields joined as operator< compares them.
  std::string orderText() const;

  Kind K = Kind::Level;
  std::string Arch, Level;
  std::string File, Variable, Function;
  unsigned DeclOffset = 0;
};

} // namespace pgmigrate

#endif // PGMIGRATE_PAIRINGKEY_H
