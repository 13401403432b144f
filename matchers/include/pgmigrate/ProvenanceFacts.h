//===- ProvenanceFacts.h - What one unit does with page values --*- C++ -*-===//
//
// The whole-program provenance analysis (Provenance.h) decides whether a
// page from the page allocator is a page table and which allocations and
// frees must move to the new API together. It works on facts: each
// translation unit yields one compact record of what its code does with
// values that can hold a page (pointers and pointer-wide integers), and one
// solve over the facts of every unit of every database decides.
//
// A value lives in nodes, named by strings that every unit spells the same
// way (the grammar is in ProvenanceNode below). Flows connect nodes;
// installs into page-table entries and reads out of them say which nodes
// hold tables of which level; escapes and unknown origins say where a
// value goes or comes from beyond what the facts show.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PROVENANCEFACTS_H
#define PGMIGRATE_PROVENANCEFACTS_H

#include "pgmigrate/Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgmigrate {

/// Node names. Every node but a site is private to one configuration (the
/// target architecture of the unit, e.g. "x86_64"): a header's function
/// compiled for two arches is two functions. A site is shared: it is one
/// edit, whatever configuration sees it.
///
///   site:SITE               the page an allocation site returns, or the
///                           value a free site frees (SITE: siteKey())
///   var:CFG:FILE:OFFSET     a local variable, by its declaration
///   param:CFG:FN:INDEX      parameter INDEX (0-based) of function FN
///   ret:CFG:FN              what function FN returns
///   field:CFG:RECORD.FIELD  a struct field, whatever the object (RECORD:
///                           the struct's tag or typedef name, or
///                           FILE:OFFSET when it has neither)
///   global:CFG:NAME         a variable with static storage (NAME:
///                           FILE#name when it has internal linkage or is
///                           a static local)
///   read:CFG:FILE:OFFSET    a table read out of a page-table entry there
///   expr:CFG:FILE:OFFSET    a value with more than one origin (a ?: there,
///                           or the result of a call through a pointer)
///   fn:CFG:FN               the address of function FN (only of a function
///                           that returns a page-wide value: an allocator
///                           passed as a pointer)
///
/// FN is the function's name when it has external linkage, FILE#name when
/// it is static (FILE: where it is first declared). An OFFSET may add
/// "+OFFSET" (where a macro spells the code). A var or param node may end in
/// "@OFFSET" (the value a write there gives the variable) or "@any" (every
/// value it is given): see LocalDefinitions.h. functionOf() and
/// parameterIndexOf() are empty for those: a parameter written by its
/// function no longer holds its argument.
namespace node {
enum class Kind {
  Site,
  Var,
  Param,
  Ret,
  Field,
  Global,
  Read,
  Expr,
  Fn,
  Invalid
};
Kind kindOf(llvm::StringRef Node);
/// The FN of a param or ret node, else "".
llvm::StringRef functionOf(llvm::StringRef Node);
/// The CFG of a node, "" for a site.
llvm::StringRef configOf(llvm::StringRef Node);
/// The INDEX of a param node.
std::optional<unsigned> parameterIndexOf(llvm::StringRef Node);
/// What follows the CFG ("RECORD.FIELD" of a field, NAME of a global, ...);
/// SITE for a site node; "" for an invalid node.
llvm::StringRef restOf(llvm::StringRef Node);
} // namespace node

/// A place in the source, for messages.
struct SourcePlace {
  std::string File; ///< absolute path
  unsigned Line = 0;
};

/// Everything one translation unit says about page values.
struct ProvenanceFacts {
  /// The configuration: the unit's target architecture ("x86_64",
  /// "aarch64", ...).
  std::string Config;

  /// A candidate allocation or free of the page-allocator family
  /// (get_zeroed_page(), __get_free_page(s)(), free_page(s)()).
  struct Site {
    /// siteKey() of the call; equals Finding::ObjectSite.
    std::string Key;
    PairingRole Role = PairingRole::None;
    /// The page order, when the unit evaluates it to a constant.
    std::optional<uint64_t> Order;
    /// Free sites: the node freed, or "" when the freed value is none
    /// (an expression such as p + 1: its origin is unknown).
    std::string Freed;
    /// Free sites: the freed expression as written, for messages.
    std::string FreedText;
    /// The call as written, for messages ("get_zeroed_page()").
    std::string Call;
    SourcePlace At;
    /// Free sites: the call runs only where the freed expression is not
    /// NULL (inside `if (p)`, after `if (!p) return;`). free_page(0) does
    /// nothing; pgtable_free(NULL) is not allowed.
    bool Guarded = false;
  };

  /// The value of From may be the value of To.
  struct Flow {
    std::string From, To;
    SourcePlace At;
    /// The code tests the value for NULL before it flows (a call made
    /// after `if (!p) return;`): no NULL takes this flow.
    bool NonNull = false;
  };

  /// Node holds a table of Level ("pte", "pmd", "pud", "p4d", "pgd" for a
  /// root): it is installed into an entry, or read out of one.
  struct LevelFact {
    std::string Node;
    std::string Level;
    /// For messages: "installed by pmd_populate_kernel()", "from
    /// pud_pgtable()".
    std::string How;
    SourcePlace At;
    /// Installs: whose tables the entry is in. "init_mm" (the mm argument
    /// is &init_mm), "" (no mm is named and none is in scope: kernel code
    /// such as x86's set_memory.c), or "other" (an mm other than init_mm
    /// is named or in scope). Entry reads: "other" when the reading
    /// function has an mm in scope, else "".
    std::string Mm;
  };

  /// Node's value goes (Escape) or comes from (Origin) somewhere the facts
  /// do not follow: stored through a pointer, passed to inline asm, its
  /// address taken, given the result of arithmetic.
  struct Unknown {
    std::string Node;
    /// For messages: "is stored through a pointer", "is given 'p + 1'".
    std::string How;
    SourcePlace At;
  };

  /// A direct call: the argument nodes flow to the callee's parameters
  /// (also as Flows); kept so that a call of a function no unit defines can
  /// be told from one whose body ignores the value.
  struct Call {
    std::string Callee; ///< FN
    std::string CalleeName;
    /// (argument index, node) for each argument that is a node.
    std::vector<std::pair<unsigned, std::string>> Arguments;
    /// The function takes more arguments than it declares (printk).
    bool Variadic = false;
    SourcePlace At;
  };

  /// A call through the function pointer held in node Pointer (a
  /// parameter, field, variable or global): every function whose fn node
  /// may reach Pointer may be called. The solve adds the flows of the
  /// arguments into its parameters and of its result into Result.
  struct IndirectCall {
    std::string Pointer;
    std::string Result; ///< an expr node
    /// (argument index, node) for each argument that is a node.
    std::vector<std::pair<unsigned, std::string>> Arguments;
    SourcePlace At;
  };

  /// A function whose address is taken where the facts do not follow it
  /// (not into a pointer that a fn node can flow through): it may be
  /// called with values the facts do not see, and its result goes wherever
  /// those calls put it.
  struct AddressTaken {
    std::string Function; ///< FN
    std::string Name;
    SourcePlace At;
  };

  std::vector<Site> Sites;
  /// Sites in code this configuration never runs (a branch of a constant
  /// condition, code after a return): Key, Role, Call, At, and for a free
  /// the node it would free. They do nothing here, but a group whose pages
  /// such a free may free elsewhere must not convert without it.
  std::vector<Site> UnreachableSites;
  std::vector<Flow> Flows;
  std::vector<LevelFact> Installs;
  std::vector<LevelFact> EntryReads;
  std::vector<Unknown> Escapes;
  std::vector<Unknown> UnknownOrigins;
  /// Node is given NULL (or 0) there.
  std::vector<Unknown> NullOrigins;
  std::vector<Call> Calls;
  std::vector<IndirectCall> IndirectCalls;
  std::vector<AddressTaken> AddressTakenFunctions;
  /// Every function with a body in the unit (FN).
  std::vector<std::string> Defined;
  /// How to name each node in a message: "'pte' in alloc_pte_page()",
  /// "image->arch.p4d", "the result of p4d_alloc_one()".
  std::map<std::string, std::string> Names;
};

/// The facts as JSON (one object), and back. Reading checks the shape and
/// says what is wrong.
std::string factsToJson(const ProvenanceFacts &Facts);
llvm::Expected<ProvenanceFacts> factsFromJson(llvm::StringRef Json);
/// The facts of many units as one per configuration, each fact once (a
/// header's facts repeat in every unit that reads it). The solve over the
/// result is the solve over Units.
std::vector<ProvenanceFacts>
mergeFactsByConfig(std::vector<ProvenanceFacts> Units);

/// The facts as bytes (strings kept once, any bytes exactly), and back:
/// what the facts cache and shard files store. Reading checks every
/// length and index and says what is damaged.
std::string factsToBinary(const ProvenanceFacts &Facts);
llvm::Expected<ProvenanceFacts> factsFromBinary(llvm::StringRef Bytes);

/// The facts as a JSON value, to embed in a larger document (a string
/// that is not UTF-8 is written fixed), and back.
llvm::json::Value factsToJsonValue(const ProvenanceFacts &Facts);
llvm::Expected<ProvenanceFacts>
factsFromJsonValue(const llvm::json::Value &Value);

} // namespace pgmigrate

#endif // PGMIGRATE_PROVENANCEFACTS_H
