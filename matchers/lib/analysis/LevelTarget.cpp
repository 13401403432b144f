//===- LevelTarget.cpp ----------------------------------------------------===//

#include "analysis/LevelTarget.h"
#include "analysis/LevelConstructors.h"
#include "support/SourceText.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace pgmigrate {

EntryReadFrees entryReadFrees(llvm::ArrayRef<GroupSummary> Groups) {
  EntryReadFrees Frees;
  for (size_t G = 0; G < Groups.size(); ++G)
    for (const MergedSite *Site : Groups[G].Sites)
      if (Site->Role == PairingRole::Free)
        for (const LevelEvidence *Read : Groups[G].Reads) {
          auto &List = Frees[{Read->Config, Read->Level}];
          if (llvm::none_of(List,
                            [&](const auto &E) { return E.first == Site; }))
            List.emplace_back(Site, G);
        }
  return Frees;
}

std::string groupLevel(const GroupSummary &Group, std::string &Why) {
  std::set<std::string> Levels;
  for (const auto *List : {&Group.Installs, &Group.Reads})
    for (const LevelEvidence *E : *List)
      Levels.insert(E->Level);
  if (Levels.size() == 1)
    return *Levels.begin();
  Why = Levels.empty()
            ? "nothing shows its tables' level"
            : "its tables are of several levels (" +
                  llvm::join(Levels.begin(), Levels.end(), ", ") + ")";
  return "";
}

// Whether a level's kernel constructor leaves state that only its
// destructor undoes (asm-generic, Linux 6.12): pmd and pud tables get a
// page type (and pmd ones a split ptlock); kernel pte tables get none.
// (p4d: no asm-generic constructor, refused before this is asked.)
static bool constructorLeavesState(llvm::StringRef Level) {
  return Level != "pte";
}

// The first install or read that is not of a kernel table.
static const LevelEvidence *userTable(const GroupSummary &Group) {
  for (const auto *List : {&Group.Installs, &Group.Reads})
    for (const LevelEvidence *E : *List)
      if (E->Mm == "other")
        return E;
  return nullptr;
}

std::string levelBlocker(const GroupSummary &Group, size_t Index,
                         const EntryReadFrees &Frees) {
  std::string Why;
  std::string Level = groupLevel(Group, Why);
  if (Level.empty())
    return Why;
  LevelFunctions Functions = levelFunctions(Level);
  if (Functions.Constructor.empty())
    return Level + " tables have no per-level constructor to convert to";
  // The tool converts to asm-generic's constructors only (their semantics
  // are the model's), and Linux 6.12's asm-generic has none for p4d.
  if (Level == "p4d")
    return "p4d tables have no asm-generic constructor to convert to "
           "(p4d_alloc_one() is each arch's own)";
  if (const LevelEvidence *User = userTable(Group))
    return "its tables may be another mm's than init_mm's: " + User->How +
           atPlace(User->At) +
           (User->Read ? " reads them where" : " installs them where") +
           " an mm is in scope, and --target=level converts kernel tables "
           "only";
  std::set<uint64_t> Orders;
  for (const MergedSite *Site : Group.Sites)
    for (const auto &[Config, Of] : Site->Orders)
      Orders.insert(Of.begin(), Of.end());
  if (Orders.size() != 1 || *Orders.begin() != 0)
    return "its order is not 0: " + Functions.Constructor.str() +
           "() allocates one page";
  if (Group.Installs.empty() &&
      llvm::any_of(Group.Sites, [](const MergedSite *Site) {
        return Site->Role == PairingRole::Allocation;
      }))
    return "its tables are not installed in an entry the facts show, so "
           "nothing shows they are kernel tables";
  if (!constructorLeavesState(Level))
    return "";
  // pmd_free() and kin run the destructor: every table they free must have
  // had the constructor, and every constructed table must reach them.
  for (const LevelEvidence *Read : Group.Reads)
    return Functions.Destructor.str() + "() runs the " + Level +
           " destructor, and the group frees tables read out of entries (" +
           Read->How + atPlace(Read->At) +
           "), which may come from allocations that never ran the "
           "constructor";
  for (const LevelEvidence *Install : Group.Installs) {
    auto It = Frees.find({Install->Config, Level});
    if (It == Frees.end())
      continue;
    for (const auto &[Free, Group] : It->second)
      if (Group != Index)
        return Free->Call + atPlace(Free->At) + " frees " + Level +
               " tables read out of entries (" + Install->Config +
               "), whichever allocation they come from, not through " +
               Functions.Destructor.str() + "(): a " +
               Functions.Constructor.str() + "() table must be freed by " +
               Functions.Destructor.str() + "()";
  }
  return "";
}

// "GFP_KERNEL | __GFP_ZERO" -> {"GFP_KERNEL", "__GFP_ZERO"}.
static std::set<std::string> gfpTerms(llvm::StringRef Gfp) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Gfp.split(Parts, '|');
  std::set<std::string> Terms;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    while (Part.startswith("(") && Part.endswith(")"))
      Part = Part.drop_front().drop_back().trim();
    Terms.insert(Part.str());
  }
  return Terms;
}

static std::string gfpProblem(llvm::StringRef Gfp, llvm::StringRef Ctor) {
  std::set<std::string> Terms = gfpTerms(Gfp);
  Terms.erase("__GFP_ZERO");
  if (Terms == std::set<std::string>{"GFP_KERNEL"} ||
      Terms == std::set<std::string>{"GFP_PGTABLE_KERNEL"})
    return "";
  std::string Words = "its gfp mask '" + oneLine(Gfp) + "' ";
  if (Gfp.contains("ACCOUNT"))
    return Words + "accounts the page to a memory cgroup, which " + Ctor.str() +
           "(&init_mm, ...) does not (it allocates with GFP_PGTABLE_KERNEL)";
  return Words + "is not GFP_KERNEL: " + Ctor.str() +
         "() allocates with GFP_PGTABLE_KERNEL (GFP_KERNEL | __GFP_ZERO), "
         "which may sleep and keeps no other flag";
}

static bool typeFits(llvm::StringRef Type, llvm::StringRef Level) {
  return Type == "void *" || Type == (Level + "_t *").str();
}

std::string levelFormProblem(const Finding &F, llvm::StringRef Level) {
  const LevelForm &L = F.Level;
  if (L.Call.empty() || !L.Problem.empty())
    return L.Problem.empty() ? "the rule has no per-level form of this site"
                             : L.Problem;
  // The level form replaces the call in the edits: an edit that does not
  // spell it would stay on the new API while the rest of the group moves.
  if (llvm::none_of(F.Replacements, [&](const clang::tooling::Replacement &R) {
        return R.getReplacementText().contains(L.Call);
      }))
    return "its edits do not spell the new API's call '" + L.Call +
           "' the per-level form replaces";
  auto Unavailable = L.Unavailable.find(Level.str());
  if (Unavailable != L.Unavailable.end())
    return Unavailable->second;
  LevelFunctions Functions = levelFunctions(Level);
  bool Allocation = F.Role == PairingRole::Allocation;
  if (Allocation) {
    if (std::string Gfp = gfpProblem(L.Gfp, Functions.Constructor);
        !Gfp.empty())
      return Gfp;
    if (Functions.TakesAddress && L.Address.empty())
      return Functions.Constructor.str() +
             "() takes the address the table maps, and " + L.NoAddress;
  }
  if (L.Type.empty())
    return "the type of " +
           (Allocation ? std::string("its value") : "'" + L.Freed + "'") +
           " is not known";
  if (!typeFits(L.Type, Level))
    return (Allocation ? "its value is used as '" : "it frees a '") + L.Type +
           "', not a " + Level.str() + "_t pointer";
  return "";
}

void applyLevelForm(Finding &F, llvm::StringRef Level) {
  const LevelForm &L = F.Level;
  LevelFunctions Functions = levelFunctions(Level);
  std::string New;
  if (F.Role == PairingRole::Allocation) {
    bool NoProf = llvm::StringRef(L.Call).contains("_noprof(");
    New = Functions.Constructor.str() + (NoProf ? "_noprof" : "") +
          "(&init_mm" + (Functions.TakesAddress ? ", " + L.Address : "") + ")";
  } else {
    New = Functions.Destructor.str() + "(&init_mm, " + L.Freed + ")";
  }
  auto Rewrite = [&](std::vector<clang::tooling::Replacement> &Edits) {
    for (clang::tooling::Replacement &R : Edits) {
      std::string Text = R.getReplacementText().str();
      size_t At = Text.find(L.Call);
      if (At == std::string::npos)
        continue;
      Text.replace(At, L.Call.size(), New);
      R = clang::tooling::Replacement(R.getFilePath(), R.getOffset(),
                                      R.getLength(), Text);
    }
  };
  Rewrite(F.Replacements);
  Rewrite(F.GuardedReplacements);
  F.Level.Applied = Level.str();
  for (std::string *Message : {&F.Message, &F.GuardedMessage}) {
    std::string Call = oneLine(L.Call);
    size_t At = Message->find(Call);
    if (At != std::string::npos)
      Message->replace(At, Call.size(), New);
  }
}

} // namespace pgmigrate
