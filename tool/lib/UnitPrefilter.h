//===- UnitPrefilter.h - Parse only the units that can matter ---*- C++ -*-===//
//
// Most units of a kernel database cannot yield a finding or a fact the
// solve uses. The pre-filter finds the others without parsing them, in
// rounds that end at a fixpoint:
//
//  1. Tokens. T starts as the rules' trigger names (Rule::addTriggerNames)
//     and grows with every name the provenance solve may connect to a site:
//     after each round, the functions (parameters, results, addresses),
//     fields and globals the sites parsed so far reach.
//     T is closed over macros: a macro whose replacement list spells a name
//     of T, or whose ## can make one (`name##_init`), is in T.
//  2. Files. A file is relevant when it spells a name of T (SourceSummary:
//     every #if branch, strings included), or holds a local node of a site
//     component (a variable, an entry read).
//  3. Units. A unit whose source is relevant is parsed. A relevant file the
//     unit only includes is parsed in as few units as give the same result:
//     one per class of units that read it, where a class is the compile
//     command (less the source, the outputs and the KBUILD_* names) and
//     the #define/#undef lines the source has before its last #include
//     (less those of names no other file of the unit spells; a macro that
//     only builds a string, like pr_fmt, counts as "a string").
//     Units of one class preprocess a header the same way, so one of them
//     shows every finding and fact the header's code gives. A unit whose
//     set of files cannot be told (a computed #include) is parsed.
//
// The solve's reach is followed as the solve follows it (forward from
// allocations, backward from frees, through table-hook contracts and calls
// through pointers); a field's name matters only in units that read a file
// spelling its struct. A ## with a literal part is followed to each of its
// invocations, whose arguments say what it makes.
//
// With a scope (--since), a rule's trigger names count only in the scope's
// files: the files that changed and the sources of the units that read
// one. A unit outside it is parsed only for the flow of the scope's sites
// (step 1's names, followed from those sites and from every site their
// flow meets), so their object groups are seen whole; the caller keeps
// only the findings of those groups. Names
// whose renames must see every unit (name-conflicts') count everywhere.
// Where a group's decision rests on sites no flow connects to it (a group
// above order 0 is refused when any free of tables read out of entries of
// its level exists; --strict-families joins reads to every group of their
// level), the triggers count everywhere again and every site is followed.
//
// It is on by default (--no-prefilter); make check asserts the same
// output with and without it. What is assumed (tool/README.md,
// "Pre-filter"): a name the solve needs is spelled in some file the unit
// reads, or made by a ## with a literal part; a paste of parameters alone
// (`a##b`) is not followed.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_UNITPREFILTER_H
#define PGMIGRATE_TOOL_UNITPREFILTER_H

#include "UnitFiles.h"
#include "pgmigrate/ProvenanceFacts.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pgmigrate {

struct PrefilterStats {
  unsigned Units = 0, Parsed = 0, Rounds = 0;
  /// Units parsed for a header (not for their own source).
  unsigned ForHeaders = 0;
  unsigned Files = 0, FromDependencyFiles = 0, Incomplete = 0;
  unsigned Tokens = 0;
};

class UnitPrefilter {
public:
  UnitPrefilter(std::vector<std::string> TriggerNames,
                std::string ClangResourceDir, unsigned Threads);

  /// --since: Changed (real paths) are the files that changed; the trigger
  /// names but WholeTree then count only in the scope (see above). Call
  /// before start().
  void setChangedFiles(std::set<std::string> Changed,
                       std::vector<std::string> WholeTree, bool StrictFamilies);

  /// With changed files, after start(): the scope's files (real paths):
  /// the changed files and the sources of the units that read one.
  std::vector<std::string> scopeFiles() const;

  /// Learns what each unit reads (Commands[I]: the commands of unit I);
  /// returns the units to parse first, in increasing order.
  std::vector<size_t> start(
      const std::vector<std::vector<clang::tooling::CompileCommand>> &Commands);

  /// Tells what a parsed unit read (real paths). Call for every unit of
  /// the last round.
  void parsed(size_t Unit, const std::vector<std::string> &ReadFiles);

  /// The units to parse in the next round, given the facts of every unit
  /// parsed so far (each fact once: FactsAccumulator::sofar()); empty at
  /// the fixpoint.
  std::vector<size_t> next(std::vector<const ProvenanceFacts *> Facts);

  const PrefilterStats &stats() const { return Stats; }

  /// Says why each name and each unit is taken (--prefilter-trace).
  void setTrace(llvm::raw_ostream *OS) { Trace = OS; }

private:
  struct NameSet;
  struct Unit {
    UnitFileSet Files;
    std::string Class;
    bool Parsed = false;
    std::set<unsigned> Read;
  };
  /// Units of one class preprocess a header alike. Files: what the unit
  /// reads, its source first.
  std::string classOf(const std::vector<clang::tooling::CompileCommand> &C,
                      const std::vector<unsigned> &Files);
  bool searchDirIsInert(const std::string &Dir,
                        const std::vector<unsigned> &Files);
  bool existsIn(const std::string &Dir, const std::string &Name);
  /// Whether a file of the unit other than its source (Files.front())
  /// spells Name.
  bool spelledInHeaders(const std::string &Name,
                        const std::vector<unsigned> &Files);
  /// Whether some macro's ## (with a literal part) can make Name.
  bool mayBePasted(const std::string &Name);
  void closeOverMacros(NameSet &Set);
  /// Where a ## may make Name: marks the files whose code, and adds the
  /// macros whose replacement lists, invoke a macro that can.
  void findPastesOf(const std::string &Name, NameSet &Set);
  struct PasteSite {
    std::string InMacro; ///< "" for a file's code
    unsigned File = 0;
    std::vector<std::string> Patterns;
  };
  /// The invocations of a pasting macro, with what each can make.
  const std::vector<PasteSite> &pasteSitesOf(const std::string &Macro);
  std::vector<size_t> select();
  void traceUnit(const Unit &U);

  std::vector<std::string> Triggers;
  /// --since: the changed files, the triggers that count everywhere, and
  /// the scope's file ids (set by start()).
  std::optional<std::set<std::string>> Changed;
  std::set<std::string> WholeTreeTriggers;
  std::set<unsigned> Scope;
  /// The scope's groups may depend on sites no flow reaches (a site above
  /// order 0, --strict-families): every site is followed, as without a
  /// scope.
  bool FollowEverything = false;
  void followEverything(llvm::StringRef Why);
  void findScope();
  /// Whether a site's file (as its key spells it) is in the scope.
  bool inScope(llvm::StringRef Path);
  llvm::StringMap<bool> ScopeCache;
  unsigned Threads;
  SourceFileTable Table;
  UnitFilesFinder Finder;
  std::vector<Unit> Units;
  /// Whether a file has an #include that finds a file in a directory
  /// (searchDirIsInert), and whether DIR/NAME exists.
  std::map<std::pair<std::string, unsigned>, bool> IncludesInto;
  llvm::StringMap<bool> Exists;
  llvm::StringMap<bool> Pasteable;
  /// File id -> the units whose set holds it.
  std::vector<std::vector<size_t>> ReadBy;
  /// Identifier -> the files that spell it.
  llvm::StringMap<std::vector<unsigned>> Spelled;
  /// Identifier -> the macros whose replacement list spells it (names
  /// owned by Table's summaries, which live as long as the pre-filter).
  llvm::StringMap<std::vector<llvm::StringRef>> UsedBy;
  /// Macros with a ## that has a literal part: (pattern, name), indexed by
  /// the pattern's leading literal, or its trailing one when it starts
  /// with '*' (then in PastesByTail), or neither (PastesInside).
  std::vector<std::pair<std::string, std::string>> Pastes;
  llvm::StringMap<std::vector<unsigned>> PastesByHead, PastesByTail;
  std::vector<unsigned> PastesInside;
  /// Every macro definition by name.
  llvm::StringMap<std::vector<const SourceSummary::Macro *>> MacroDefinitions;
  llvm::StringMap<std::vector<PasteSite>> PasteSites;
  /// Names that matter, closed over macros, each set with the condition a
  /// unit must meet for them to matter in it: none (""), or, for a field's
  /// name, that the unit reads a file that spells its record ("R:" tag),
  /// or the file of an anonymous one ("F:" path): no unit can use a field
  /// without its struct's definition. "D": names of functions whose
  /// definition alone matters, found where they are written or made by a
  /// ##, not through the macros that call them.
  struct NameSet {
    llvm::StringSet<> Names;
    /// Names not yet closed over macros.
    std::vector<std::string> New;
    /// Files whose code invokes a macro whose ## may make one of Names.
    std::set<unsigned> PasteFiles;
    /// The "D" set: a macro that mentions a name is a caller, not followed;
    /// macros that make one with ## (and the macros that use those) are.
    bool DefinitionsOnly = false;
    llvm::StringSet<> Makers;
  };
  std::map<std::string, NameSet> NameSets;
  void addName(const std::string &Condition, llvm::StringRef Name,
               llvm::StringRef Why);
  /// The units that meet Condition (cached).
  const std::set<size_t> &unitsMeeting(const std::string &Condition);
  std::map<std::string, std::set<size_t>> Meeting;
  /// Files of local nodes (var, read, expr) in site components.
  std::set<std::string> LocalFiles;
  /// The facts of the units parsed so far, for the components (next()).
  std::vector<const ProvenanceFacts *> AllFacts;
  PrefilterStats Stats;
  llvm::raw_ostream *Trace = nullptr;
};

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_UNITPREFILTER_H
