//===- ProvenanceNode.cpp -------------------------------------------------===//
//
// The node-name grammar of ProvenanceFacts.h. A node is a prefix, a
// configuration (never containing ':'), and fields whose count the prefix
// fixes; FILE and FN may contain ':' and '/', so the last field is the part
// after the last ':' and FN is whatever lies between.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/ProvenanceFacts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace pgmigrate {
namespace node {

namespace {

/// A node split into its kind, its configuration and the rest.
struct NodeParts {
  Kind K = Kind::Invalid;
  llvm::StringRef Config;
  llvm::StringRef Rest;
  /// One definition of a variable or parameter ("...@OFFSET", "...@any").
  bool Definition = false;
};

bool isDecimal(llvm::StringRef Text) {
  return !Text.empty() && llvm::all_of(Text, llvm::isDigit);
}

/// "A:DIGITS" with A non-empty; a place may add "+DIGITS" (where a macro
/// spells it).
bool endsInNumber(llvm::StringRef Text) {
  auto [Head, Number] = Text.rsplit(':');
  auto [Offset, Spelled] = Number.split('+');
  return Head.size() < Text.size() && !Head.empty() && isDecimal(Offset) &&
         (Spelled.size() == Number.size() - Offset.size() - 1
              ? isDecimal(Spelled)
              : Offset.size() == Number.size());
}

/// Whether Rest is a valid tail for a node of kind K.
bool validRest(Kind K, llvm::StringRef Rest) {
  switch (K) {
  case Kind::Var:
  case Kind::Read:
  case Kind::Expr:
  case Kind::Param:
    return endsInNumber(Rest);
  case Kind::Field: {
    auto [Record, Field] = Rest.rsplit('.');
    return !Record.empty() && !Field.empty() && Record.size() < Rest.size();
  }
  case Kind::Ret:
  case Kind::Global:
  case Kind::Fn:
    return !Rest.empty();
  case Kind::Site:
  case Kind::Invalid:
    break;
  }
  return false;
}

NodeParts split(llvm::StringRef Node) {
  static const std::pair<llvm::StringLiteral, Kind> Prefixes[] = {
      {"site:", Kind::Site}, {"var:", Kind::Var},     {"param:", Kind::Param},
      {"ret:", Kind::Ret},   {"field:", Kind::Field}, {"global:", Kind::Global},
      {"read:", Kind::Read}, {"expr:", Kind::Expr},   {"fn:", Kind::Fn},
  };
  for (const auto &[Prefix, K] : Prefixes) {
    if (!Node.startswith(Prefix))
      continue;
    llvm::StringRef Tail = Node.drop_front(Prefix.size());
    if (K == Kind::Site)
      return Tail.empty() ? NodeParts() : NodeParts{K, "", Tail};
    auto [Config, Rest] = Tail.split(':');
    // A definition of a tracked variable or parameter (LocalDefinitions.h).
    bool Definition = false;
    if ((K == Kind::Var || K == Kind::Param) && Rest.contains('@')) {
      auto [Base, Which] = Rest.rsplit('@');
      if (Which != "any" && !isDecimal(Which))
        return {};
      Rest = Base;
      Definition = true;
    }
    if (Config.empty() || Config.size() == Tail.size() || !validRest(K, Rest))
      return {};
    return {K, Config, Rest, Definition};
  }
  return {};
}

} // namespace

Kind kindOf(llvm::StringRef Node) { return split(Node).K; }

llvm::StringRef functionOf(llvm::StringRef Node) {
  NodeParts Parts = split(Node);
  if (Parts.Definition)
    return ""; // a value the function gives its parameter, not the argument
  if (Parts.K == Kind::Ret)
    return Parts.Rest;
  if (Parts.K == Kind::Param)
    return Parts.Rest.rsplit(':').first;
  return "";
}

std::optional<unsigned> parameterIndexOf(llvm::StringRef Node) {
  NodeParts Parts = split(Node);
  unsigned Index = 0;
  if (Parts.K != Kind::Param || Parts.Definition ||
      Parts.Rest.rsplit(':').second.getAsInteger(10, Index))
    return std::nullopt;
  return Index;
}

llvm::StringRef configOf(llvm::StringRef Node) { return split(Node).Config; }

llvm::StringRef restOf(llvm::StringRef Node) { return split(Node).Rest; }

} // namespace node
} // namespace pgmigrate
