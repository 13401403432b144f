//===- UnitPrefilter.cpp --------------------------------------------------===//

#include "UnitPrefilter.h"
#include "TranslationUnitRunner.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace pgmigrate {

// The condition of the trigger names under --since: they count only in the
// scope's files.
static const char ScopeCondition[] = "S";

UnitPrefilter::UnitPrefilter(std::vector<std::string> TriggerNames,
                             std::string ClangResourceDir, unsigned Threads)
    : Triggers(std::move(TriggerNames)), Threads(Threads),
      Finder(Table, std::move(ClangResourceDir)) {}

namespace {

// Arguments that name this unit alone: the source, its outputs, and the
// module names Kbuild gives each object.
bool namesTheUnitAlone(llvm::StringRef Arg) {
  for (llvm::StringRef Prefix :
       {"-Wp,-MMD", "-Wp,-MD", "-DKBUILD_MODFILE=", "-DKBUILD_BASENAME=",
        "-DKBUILD_MODNAME=", "-D__KBUILD_MODNAME="})
    if (Arg.startswith(Prefix))
      return true;
  return Arg == "-MD" || Arg == "-MMD";
}

} // namespace

std::string UnitPrefilter::classOf(
    const std::vector<clang::tooling::CompileCommand> &Commands,
    const std::vector<unsigned> &Files) {
  std::string Key;
  for (const clang::tooling::CompileCommand &C : Commands) {
    Key += C.Directory + '\0';
    const std::vector<std::string> &Args = C.CommandLine;
    for (size_t I = 0; I < Args.size(); ++I) {
      llvm::StringRef A = Args[I];
      if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
        ++I;
        continue;
      }
      if (namesTheUnitAlone(A) || A == C.Filename ||
          llvm::sys::path::filename(A) == llvm::sys::path::filename(C.Filename))
        continue;
      // Kbuild gives each directory's units -I of that directory: a search
      // directory no #include of the unit can find a file in changes
      // nothing, and leaving it out puts units of many directories in one
      // class.
      if (A.startswith("-I")) {
        llvm::StringRef Dir = A.drop_front(2);
        bool Separate = Dir.empty() && I + 1 < Args.size();
        if (Separate)
          Dir = Args[I + 1];
        llvm::SmallString<256> Abs(Dir);
        llvm::sys::fs::make_absolute(C.Directory, Abs);
        llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
        if (!Dir.empty() && searchDirIsInert(std::string(Abs), Files)) {
          I += Separate;
          continue;
        }
      }
      Key += A.str() + '\0';
    }
    Key += '\1';
  }
  // A #define or #undef of a name no other file of the unit spells (nor
  // a ## can make) changes no header: the source's own helper macros. A
  // macro that only builds a string (pr_fmt) changes the text of strings,
  // never code: one class for every such definition.
  if (!Files.empty())
    for (const SourceSummary::Define &D :
         Table.summary(Files.front()).DefinesBeforeLastInclude)
      if (spelledInHeaders(D.Name, Files) || mayBePasted(D.Name))
        Key +=
            (D.BuildsAString ? "#define " + D.Name + " <a string>" : D.Text) +
            '\n';
  return Key;
}

bool UnitPrefilter::spelledInHeaders(const std::string &Name,
                                     const std::vector<unsigned> &Files) {
  auto It = Spelled.find(Name);
  if (It == Spelled.end())
    return false;
  auto Headers = llvm::ArrayRef(Files).drop_front();
  return llvm::any_of(It->second, [&](unsigned F) {
    return F != Files.front() &&
           std::binary_search(Headers.begin(), Headers.end(), F);
  });
}

bool UnitPrefilter::mayBePasted(const std::string &Name) {
  auto [It, New] = Pasteable.try_emplace(Name, false);
  if (New)
    It->second = llvm::any_of(
        Pastes, [&](const auto &P) { return pasteMatches(P.first, Name); });
  return It->second;
}

// Whether no #include of the files (the unit's source first) would find a
// file in Dir through the search path. A quoted #include of a file beside
// the including file finds that one first, whatever the search path.
bool UnitPrefilter::searchDirIsInert(const std::string &Dir,
                                     const std::vector<unsigned> &Files) {
  for (unsigned F : Files) {
    auto [It, New] = IncludesInto.try_emplace({Dir, F}, false);
    if (New) {
      llvm::StringRef Beside = llvm::sys::path::parent_path(Table.path(F));
      for (const SourceSummary::Include &Inc : Table.summary(F).Includes) {
        if (!Inc.Angled && existsIn(Beside.str(), Inc.Name))
          continue;
        if (existsIn(Dir, Inc.Name)) {
          It->second = true;
          break;
        }
      }
    }
    if (It->second)
      return false;
  }
  return true;
}

bool UnitPrefilter::existsIn(const std::string &Dir, const std::string &Name) {
  auto [It, New] = Exists.try_emplace(Dir + '/' + Name, false);
  if (New)
    It->second = llvm::sys::fs::exists(It->first());
  return It->second;
}

std::vector<size_t> UnitPrefilter::start(
    const std::vector<std::vector<clang::tooling::CompileCommand>> &Commands) {
  Units.resize(Commands.size());
  for (size_t I = 0; I < Commands.size(); ++I) {
    Unit &U = Units[I];
    for (const clang::tooling::CompileCommand &C : Commands[I]) {
      // A command that cannot run is taken, so that it fails as it would
      // without the pre-filter (and its source, maybe a FIFO, is not read).
      if (std::string Why = whyNotRunnable(C); !Why.empty()) {
        U.Files.Complete = false;
        U.Files.Incomplete = "its command cannot run: " + Why;
        break;
      }
      UnitFileSet Set = Finder.filesOf(C);
      if (U.Files.Files.empty())
        U.Files = Set;
      else
        llvm::append_range(U.Files.Files, Set.Files);
      if (U.Files.Complete && !Set.Complete)
        U.Files.Incomplete = Set.Incomplete;
      U.Files.Complete &= Set.Complete;
    }
    Stats.FromDependencyFiles += U.Files.FromDependencyFile;
    Stats.Incomplete += !U.Files.Complete;
  }
  Table.summarizeAll(Threads);
  ReadBy.resize(Table.size());
  // The indexes: who spells what, which macros use what.
  for (unsigned F = 0; F < Table.size(); ++F) {
    const SourceSummary &S = Table.summary(F);
    for (const std::string &Id : S.Identifiers)
      Spelled[Id].push_back(F);
    for (const SourceSummary::Macro &M : S.Macros) {
      MacroDefinitions[M.Name].push_back(&M);
      for (const std::string &Id : M.Body)
        UsedBy[Id].push_back(M.Name);
      for (const std::string &P : M.Pastes)
        if (P != "*")
          Pastes.push_back({P, M.Name});
    }
  }
  // Spelled and UsedBy hold them now: a kernel database reads thousands
  // of files.
  Table.dropIndexedLists();
  for (unsigned I = 0; I < Pastes.size(); ++I) {
    llvm::StringRef P = Pastes[I].first;
    if (P.front() != '*')
      PastesByHead[P.take_until([](char C) { return C == '*'; })].push_back(I);
    else if (P.back() != '*')
      PastesByTail[P.rsplit('*').second].push_back(I);
    else
      PastesInside.push_back(I);
  }
  for (size_t I = 0; I < Units.size(); ++I) {
    Unit &U = Units[I];
    llvm::sort(U.Files.Files.begin() +
                   std::min<size_t>(1, U.Files.Files.size()),
               U.Files.Files.end());
    U.Files.Files.erase(std::unique(U.Files.Files.begin(), U.Files.Files.end()),
                        U.Files.Files.end());
    if (!U.Files.Files.empty())
      U.Class = classOf(Commands[I], U.Files.Files);
    for (unsigned F : U.Files.Files)
      ReadBy[F].push_back(I);
  }
  Stats.Units = Units.size();
  Stats.Files = Table.size();
  if (Changed)
    findScope();
  for (const std::string &T : Triggers)
    addName(!Changed || FollowEverything || WholeTreeTriggers.count(T)
                ? ""
                : ScopeCondition,
            T, "a rule's trigger");
  return next({});
}

void UnitPrefilter::setChangedFiles(std::set<std::string> Files,
                                    std::vector<std::string> WholeTree,
                                    bool StrictFamilies) {
  Changed = std::move(Files);
  WholeTreeTriggers.insert(WholeTree.begin(), WholeTree.end());
  // Reads out of entries join every group of their level: no flow tells
  // which units a group reaches.
  FollowEverything = StrictFamilies;
}

void UnitPrefilter::followEverything(llvm::StringRef Why) {
  FollowEverything = true;
  for (const std::string &T : Triggers)
    addName("", T, Why);
}

// The changed files and the sources of the units that read one. A unit
// whose files cannot be told may read one: its source is in. A source
// that is in counts in every unit that compiles it (another database's),
// so its sites are seen by as many units as in a full run.
void UnitPrefilter::findScope() {
  std::set<unsigned> ChangedIds;
  for (const std::string &Path : *Changed)
    if (std::optional<unsigned> Id = Table.find(Path))
      ChangedIds.insert(*Id);
  Scope = ChangedIds;
  for (const Unit &U : Units) {
    if (U.Files.Files.empty())
      continue;
    bool Reads = !U.Files.Complete ||
                 llvm::any_of(U.Files.Files,
                              [&](unsigned F) { return ChangedIds.count(F); });
    if (Reads)
      Scope.insert(U.Files.Files.front());
  }
  if (Trace)
    for (unsigned F : Scope)
      *Trace << "pre-filter: in scope: " << Table.path(F)
             << (ChangedIds.count(F) ? " (changed)" : " (reads a changed file)")
             << "\n";
}

bool UnitPrefilter::inScope(llvm::StringRef Path) {
  auto [It, New] = ScopeCache.try_emplace(Path, false);
  if (New) {
    std::optional<unsigned> Id = Table.find(Path);
    llvm::SmallString<256> Real;
    if (!Id && !llvm::sys::fs::real_path(Path, Real))
      Id = Table.find(Real);
    It->second = Id && Scope.count(*Id);
  }
  return It->second;
}

std::vector<std::string> UnitPrefilter::scopeFiles() const {
  std::vector<std::string> Files;
  for (unsigned F : Scope)
    Files.push_back(Table.path(F));
  return Files;
}

void UnitPrefilter::parsed(size_t Index, const std::vector<std::string> &Read) {
  Unit &U = Units[Index];
  U.Parsed = true;
  for (const std::string &Path : Read)
    U.Read.insert(Table.idOf(Path));
  if (ReadBy.size() < Table.size())
    ReadBy.resize(Table.size());
}

namespace {

// "FILE" of a local node's "FILE:OFFSET[+OFFSET][@...]".
llvm::StringRef fileOfLocal(llvm::StringRef Rest) {
  Rest = Rest.take_front(Rest.find('@'));
  return Rest.rsplit(':').first;
}

// The identifier of a function or global name: "FILE#name" -> "name".
llvm::StringRef identifierOf(llvm::StringRef Name) {
  size_t Hash = Name.rfind('#');
  return Hash == llvm::StringRef::npos ? Name : Name.drop_front(Hash + 1);
}

} // namespace

void UnitPrefilter::addName(const std::string &Condition, llvm::StringRef Name,
                            llvm::StringRef Why) {
  NameSet &Set = NameSets[Condition];
  Set.DefinitionsOnly = Condition == "D";
  if (Name.empty() || !Set.Names.insert(Name).second)
    return;
  Set.New.push_back(Name.str());
  if (Trace)
    *Trace << "pre-filter: name " << Name
           << (Condition.empty() ? "" : " (where " + Condition + ")") << ": "
           << Why << "\n";
}

void UnitPrefilter::closeOverMacros(NameSet &Set) {
  while (!Set.New.empty()) {
    std::string T = std::move(Set.New.back());
    Set.New.pop_back();
    bool Maker = Set.Makers.count(T);
    auto Add = [&](llvm::StringRef Name) {
      if (Maker)
        Set.Makers.insert(Name);
      if (Set.Names.insert(Name).second) {
        Set.New.push_back(Name.str());
        if (Trace)
          *Trace << "pre-filter: name " << Name << ": its macro uses " << T
                 << "\n";
      }
    };
    // A function is defined where its name is written, or made by a ##;
    // a macro that only mentions it is a caller's.
    auto It = UsedBy.find(T);
    if (It != UsedBy.end() && (!Set.DefinitionsOnly || Maker))
      for (llvm::StringRef Macro : It->second)
        Add(Macro);
    findPastesOf(T, Set);
  }
}

const std::set<size_t> &
UnitPrefilter::unitsMeeting(const std::string &Condition) {
  auto [It, New] = Meeting.try_emplace(Condition);
  if (New && llvm::StringRef(Condition).startswith("F:")) {
    // A file no unit was seen to read: every unit, to be safe.
    std::optional<unsigned> F =
        Table.find(llvm::StringRef(Condition).drop_front(2));
    if (F && *F < ReadBy.size() && !ReadBy[*F].empty())
      It->second.insert(ReadBy[*F].begin(), ReadBy[*F].end());
    else
      for (size_t I = 0; I < Units.size(); ++I)
        It->second.insert(I);
  } else if (New && llvm::StringRef(Condition).startswith("R:")) {
    auto Files = Spelled.find(llvm::StringRef(Condition).drop_front(2));
    if (Files != Spelled.end())
      for (unsigned F : Files->second)
        It->second.insert(ReadBy[F].begin(), ReadBy[F].end());
  }
  return It->second;
}

const std::vector<UnitPrefilter::PasteSite> &
UnitPrefilter::pasteSitesOf(const std::string &Macro) {
  auto Cached = PasteSites.find(Macro);
  if (Cached != PasteSites.end())
    return Cached->second;
  std::vector<PasteSite> Sites;
  const auto &Definitions = MacroDefinitions[Macro];
  // In other macros' replacement lists.
  auto Users = UsedBy.find(Macro);
  if (Users != UsedBy.end()) {
    std::set<std::string> Names;
    for (llvm::StringRef User : Users->second)
      Names.insert(User.str());
    for (const std::string &User : Names)
      for (const SourceSummary::Macro *Enclosing : MacroDefinitions[User])
        for (const MacroArguments &Args : invocationsOf(Macro, "", Enclosing))
          for (const SourceSummary::Macro *D : Definitions)
            Sites.push_back({User, 0, instantiatePastes(*D, Args, Enclosing)});
  }
  // In files' code.
  auto Files = Spelled.find(Macro);
  if (Files != Spelled.end())
    for (unsigned F : Files->second) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
          llvm::MemoryBuffer::getFile(Table.path(F), /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
      if (!Buffer) {
        // Unreadable now: whatever it invokes may make anything.
        Sites.push_back({"", F, {"*"}});
        continue;
      }
      for (const MacroArguments &Args :
           invocationsOf(Macro, (*Buffer)->getBuffer(), nullptr))
        for (const SourceSummary::Macro *D : Definitions)
          Sites.push_back({"", F, instantiatePastes(*D, Args, nullptr)});
    }
  return PasteSites[Macro] = std::move(Sites);
}

void UnitPrefilter::findPastesOf(const std::string &Name, NameSet &Set) {
  // The macros whose ## runs can make Name at all.
  std::set<std::string> Macros;
  auto Try = [&](unsigned I) {
    if (pasteMatches(Pastes[I].first, Name))
      Macros.insert(Pastes[I].second);
  };
  for (size_t Len = 1; Len <= Name.size(); ++Len) {
    auto Head = PastesByHead.find(llvm::StringRef(Name).take_front(Len));
    if (Head != PastesByHead.end())
      llvm::for_each(Head->second, Try);
    auto Tail = PastesByTail.find(llvm::StringRef(Name).take_back(Len));
    if (Tail != PastesByTail.end())
      llvm::for_each(Tail->second, Try);
  }
  llvm::for_each(PastesInside, Try);
  // Then where they are invoked with arguments that make it.
  for (const std::string &Macro : Macros)
    for (const PasteSite &Site : pasteSitesOf(Macro)) {
      if (!llvm::any_of(Site.Patterns, [&](const std::string &P) {
            return pasteMatches(P, Name);
          }))
        continue;
      if (Trace)
        *Trace << "pre-filter: " << Macro << "'s ## may make " << Name << " in "
               << (Site.InMacro.empty() ? Table.path(Site.File)
                                        : "macro " + Site.InMacro)
               << "\n";
      if (Site.InMacro.empty()) {
        Set.PasteFiles.insert(Site.File);
        continue;
      }
      Set.Makers.insert(Site.InMacro);
      if (Set.Names.insert(Site.InMacro).second)
        Set.New.push_back(Site.InMacro);
    }
}

namespace {

// The directed flow graph of the facts seen so far, with the edges the
// solve adds (ProvenanceGraph): a free site's freed node to the site, a
// table hook's result to its free's parameter (the contract), and a call
// through a pointer to every function whose address reaches the pointer.
class FlowGraph {
public:
  unsigned id(llvm::StringRef Node) {
    auto [It, New] = Ids.try_emplace(Node, Names.size());
    if (New) {
      Names.push_back(Node.str());
      Succ.emplace_back();
      Pred.emplace_back();
    }
    return It->second;
  }
  const std::string &name(unsigned Id) const { return Names[Id]; }
  bool edge(llvm::StringRef From, llvm::StringRef To) {
    unsigned A = id(From), B = id(To);
    if (A == B || !Edges.insert({A, B}).second)
      return false;
    Succ[A].push_back(B);
    Pred[B].push_back(A);
    return true;
  }
  /// Every node reachable from Starts, forward or backward.
  std::set<unsigned> reach(const std::vector<unsigned> &Starts,
                           bool Forward) const {
    std::set<unsigned> Seen(Starts.begin(), Starts.end());
    std::vector<unsigned> Work(Starts.begin(), Starts.end());
    while (!Work.empty()) {
      unsigned N = Work.back();
      Work.pop_back();
      for (unsigned To : Forward ? Succ[N] : Pred[N])
        if (Seen.insert(To).second)
          Work.push_back(To);
    }
    return Seen;
  }

private:
  llvm::StringMap<unsigned> Ids;
  std::vector<std::string> Names;
  std::vector<std::vector<unsigned>> Succ, Pred;
  std::set<std::pair<unsigned, unsigned>> Edges;
};

struct TableHook {
  const char *Alloc, *Free;
  unsigned FreeArgument;
};
const TableHook TableHooks[] = {
#define TABLE_HOOKS(Level, Alloc, Free, FreeArgument)                          \
  {#Alloc, #Free, FreeArgument},
#include "contracts/kernel-hooks.def"
};

// Fields that hold a root the way an entry does: stores and loads are
// evidence, not flows (the contract), so they join nothing.
const char *const RootFields[] = {
#define ROOT_FIELD(Record, Field, Level) #Record "." #Field,
#include "contracts/kernel-hooks.def"
};

bool isRootField(llvm::StringRef Node) {
  return node::kindOf(Node) == node::Kind::Field &&
         llvm::is_contained(RootFields, node::restOf(Node));
}

bool isNode(const std::string &N) { return !N.empty() && N != "null"; }

} // namespace

std::vector<size_t>
UnitPrefilter::next(std::vector<const ProvenanceFacts *> Facts) {
  AllFacts = std::move(Facts);
  FlowGraph Graph;
  struct SiteNode {
    unsigned Id;
    PairingRole Role;
    bool AboveOrderZero;
    bool InScope;
  };
  std::vector<SiteNode> SiteNodes;
  std::set<std::string> Configs;
  for (const ProvenanceFacts *F : AllFacts) {
    Configs.insert(F->Config);
    for (const auto *List : {&F->Sites, &F->UnreachableSites})
      for (const auto &S : *List) {
        unsigned Site = Graph.id("site:" + S.Key);
        SiteNodes.push_back(
            {Site, S.Role, S.Order && *S.Order > 0,
             !Changed || FollowEverything || inScope(fileOfLocal(S.Key))});
        if (!S.Freed.empty() && !isRootField(S.Freed))
          Graph.edge(S.Freed, "site:" + S.Key);
      }
    for (const auto &Flow : F->Flows)
      if (!isRootField(Flow.From) && !isRootField(Flow.To))
        Graph.edge(Flow.From, Flow.To);
  }
  for (const std::string &Config : Configs)
    for (const TableHook &H : TableHooks)
      for (const std::string &Alloc :
           {std::string(H.Alloc), std::string(H.Alloc) + "_noprof"})
        for (const std::string &Free :
             {std::string(H.Free), std::string(H.Free) + "_noprof"})
          Graph.edge("ret:" + Config + ":" + Alloc,
                     "param:" + Config + ":" + Free + ":" +
                         std::to_string(H.FreeArgument));
  // Calls through pointers, to a fixpoint: each function whose address
  // reaches the pointer gets the arguments and gives the result.
  for (bool Added = true; Added;) {
    Added = false;
    for (const ProvenanceFacts *F : AllFacts)
      for (const auto &C : F->IndirectCalls)
        for (unsigned N : Graph.reach({Graph.id(C.Pointer)}, false)) {
          if (node::kindOf(Graph.name(N)) != node::Kind::Fn)
            continue;
          std::string Fn = node::restOf(Graph.name(N)).str();
          if (!C.Result.empty())
            Added |= Graph.edge("ret:" + F->Config + ":" + Fn, C.Result);
          for (const auto &A : C.Arguments)
            if (isNode(A.second))
              Added |= Graph.edge(A.second, "param:" + F->Config + ":" + Fn +
                                                ":" + std::to_string(A.first));
        }
  }
  // What the solve looks at: forward from allocations, backward from frees,
  // and the pointers of the calls through which they go. With a scope,
  // from its sites and the sites their flow meets, to a fixpoint: those
  // are their object groups; a site of a unit parsed for a group's flow
  // that no such flow meets is not followed.
  std::vector<unsigned> Allocations, Frees;
  std::set<unsigned> Seeds;
  std::set<unsigned> Forward, Backward;
  bool SeedAboveOrderZero = false;
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const SiteNode &S : SiteNodes) {
      if (Seeds.count(S.Id) ||
          !(S.InScope || Forward.count(S.Id) || Backward.count(S.Id)))
        continue;
      Seeds.insert(S.Id);
      SeedAboveOrderZero |= S.AboveOrderZero;
      if (S.Role != PairingRole::Free)
        Allocations.push_back(S.Id);
      if (S.Role != PairingRole::Allocation)
        Frees.push_back(S.Id);
      Grew = true;
    }
    if (Grew) {
      Forward = Graph.reach(Allocations, true);
      Backward = Graph.reach(Frees, false);
    }
  }
  // An installed group above order 0 is decided by every free of tables
  // read out of entries of its level, which no flow connects to it (the
  // solve's installedAboveOrderZero()): the scope is then the whole tree,
  // as without --since (the output still keeps the scope's groups only).
  if (Changed && !FollowEverything && SeedAboveOrderZero) {
    followEverything("a site of the scope allocates or frees above order 0, "
                     "which frees of tables read out of entries anywhere "
                     "decide");
    return next(std::move(AllFacts));
  }
  std::set<unsigned> Relevant = Backward;
  for (const ProvenanceFacts *F : AllFacts)
    for (const auto &C : F->IndirectCalls) {
      bool Carries =
          (!C.Result.empty() && Relevant.count(Graph.id(C.Result))) ||
          llvm::any_of(C.Arguments, [&](const auto &A) {
            return isNode(A.second) && Forward.count(Graph.id(A.second));
          });
      if (Carries) {
        std::set<unsigned> Origins = Graph.reach({Graph.id(C.Pointer)}, false);
        Relevant.insert(Origins.begin(), Origins.end());
      }
    }
  Relevant.insert(Forward.begin(), Forward.end());

  auto AddToken = [&](llvm::StringRef Name) {
    addName("", Name, "in the flow of a site");
  };
  // Only the body of a function says where a parameter's value goes, and
  // where a result comes from: its definition alone matters for them (the
  // callers pass and take values, which matters the other way).
  auto AddDefinition = [&](llvm::StringRef Name, llvm::StringRef Why) {
    addName("D", Name, Why);
  };
  // A call that passes a site's page: whether some unit defines the callee.
  for (const ProvenanceFacts *F : AllFacts)
    for (const auto &C : F->Calls)
      if (llvm::any_of(C.Arguments, [&](const auto &A) {
            return isNode(A.second) && Forward.count(Graph.id(A.second));
          }))
        AddDefinition(identifierOf(C.Callee), "called with a site's page");
  for (unsigned Id : Relevant) {
    llvm::StringRef N = Graph.name(Id);
    switch (node::kindOf(N)) {
    case node::Kind::Param:
      if (Backward.count(Id))
        AddToken(identifierOf(node::functionOf(N)));
      else
        AddDefinition(identifierOf(node::functionOf(N)),
                      "its parameter gets a site's page");
      break;
    case node::Kind::Ret:
      if (Forward.count(Id))
        AddToken(identifierOf(node::functionOf(N)));
      else
        AddDefinition(identifierOf(node::functionOf(N)),
                      "its result may reach a free");
      break;
    case node::Kind::Fn:
    case node::Kind::Global:
      AddToken(identifierOf(node::restOf(N)));
      break;
    case node::Kind::Field: {
      auto [Record, Field] = node::restOf(N).rsplit('.');
      // An anonymous record is FILE:OFFSET: the unit must read FILE.
      if (Record.contains('/'))
        addName("F:" + fileOfLocal(Record).str(), Field,
                "a field in the flow of a site");
      else
        addName("R:" + Record.str(), Field, "a field in the flow of a site");
      break;
    }
    case node::Kind::Var:
    case node::Kind::Read:
    case node::Kind::Expr:
      LocalFiles.insert(fileOfLocal(node::restOf(N)).str());
      break;
    default:
      break;
    }
  }
  Stats.Tokens = 0;
  for (auto &[Condition, Set] : NameSets) {
    closeOverMacros(Set);
    Stats.Tokens += Set.Names.size();
  }
  std::vector<size_t> Selected = select();
  if (!Selected.empty())
    ++Stats.Rounds;
  Stats.Parsed += Selected.size();
  return Selected;
}

// Why a unit is parsed for its own source: a name it spells.
void UnitPrefilter::traceUnit(const Unit &U) {
  *Trace << "pre-filter: unit ";
  if (U.Files.Files.empty() || !U.Files.Complete) {
    *Trace << (U.Files.Files.empty() ? "?" : Table.path(U.Files.Files.front()))
           << ": its #include lines cannot be followed (" << U.Files.Incomplete
           << ")\n";
    return;
  }
  unsigned Source = U.Files.Files.front();
  *Trace << Table.path(Source) << ": its source is relevant";
  for (const auto &[Condition, Set] : NameSets) {
    // The least name of the set the source spells.
    std::optional<llvm::StringRef> Least;
    for (const auto &Name : Set.Names) {
      auto Files = Spelled.find(Name.getKey());
      if (Files != Spelled.end() && llvm::is_contained(Files->second, Source) &&
          (!Least || Name.getKey() < *Least))
        Least = Name.getKey();
    }
    if (Least) {
      *Trace << " (it spells " << *Least << ")\n";
      return;
    }
  }
  *Trace << "\n";
}

std::vector<size_t> UnitPrefilter::select() {
  if (ReadBy.size() < Table.size())
    ReadBy.resize(Table.size());
  // The relevant files of each condition; local nodes' files have none.
  std::map<std::string, std::set<unsigned>> Relevant;
  for (const auto &[Condition, Set] : NameSets) {
    std::set<unsigned> &Files = Relevant[Condition];
    for (const auto &Entry : Set.Names) {
      auto It = Spelled.find(Entry.getKey());
      if (It != Spelled.end())
        Files.insert(It->second.begin(), It->second.end());
    }
    Files.insert(Set.PasteFiles.begin(), Set.PasteFiles.end());
    if (Condition == ScopeCondition)
      for (auto It = Files.begin(); It != Files.end();)
        It = Scope.count(*It) ? std::next(It) : Files.erase(It);
  }
  for (const std::string &Path : LocalFiles)
    Relevant[""].insert(Table.idOf(Path));
  if (ReadBy.size() < Table.size())
    ReadBy.resize(Table.size());
  auto Meets = [&](const std::string &Condition, size_t I) {
    return Condition.empty() || Condition == "D" ||
           Condition == ScopeCondition || unitsMeeting(Condition).count(I);
  };

  std::set<size_t> Chosen;
  for (size_t I = 0; I < Units.size(); ++I) {
    const Unit &U = Units[I];
    if (U.Parsed || Chosen.count(I))
      continue;
    bool Take = !U.Files.Complete || U.Files.Files.empty();
    for (const auto &[Condition, Files] : Relevant)
      Take =
          Take || (Files.count(U.Files.Files.front()) && Meets(Condition, I));
    if (!Take)
      continue;
    Chosen.insert(I);
    if (Trace)
      traceUnit(U);
  }
  // A relevant file that units include: one unit per class that reads it.
  unsigned ForHeaders = 0;
  for (const auto &[Condition, Files] : Relevant)
    for (unsigned F : Files) {
      std::map<std::string, std::vector<size_t>> ByClass;
      for (size_t I : ReadBy[F])
        if (Meets(Condition, I))
          ByClass[Units[I].Class].push_back(I);
      for (const auto &[Class, Members] : ByClass) {
        bool Covered = llvm::any_of(Members, [&](size_t I) {
          return Chosen.count(I) || (Units[I].Parsed && Units[I].Read.count(F));
        });
        if (Covered)
          continue;
        for (size_t I : Members)
          if (!Units[I].Parsed) {
            Chosen.insert(I);
            ++ForHeaders;
            if (Trace)
              *Trace << "pre-filter: unit "
                     << Table.path(Units[I].Files.Files.front()) << ": for "
                     << Table.path(F) << "\n";
            break;
          }
      }
    }
  Stats.ForHeaders += ForHeaders;
  return std::vector<size_t>(Chosen.begin(), Chosen.end());
}

} // namespace pgmigrate
