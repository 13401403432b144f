//===- TestingMutants.cpp -------------------------------------------------===//

#include "TestingMutants.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace pgmigrate {

namespace {

struct MutantName {
  llvm::StringLiteral Name;
  Mutant Kind;
};

constexpr MutantName MutantNames[] = {
    {"break-names", Mutant::BreakNames},
    {"keep-frees", Mutant::KeepFrees},
    {"keep-allocations", Mutant::KeepAllocations},
    {"wrong-order", Mutant::WrongOrder},
    {"drop-zeroing", Mutant::DropZeroing},
    {"skip-descriptor-uses", Mutant::SkipDescriptorUses},
    {"level-up", Mutant::LevelUp},
    {"level-pgtable-free", Mutant::LevelPgtableFree},
};

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

// The identifiers of Text, as [begin, end) offsets (numbers are skipped).
std::vector<std::pair<size_t, size_t>> identifiers(llvm::StringRef Text) {
  std::vector<std::pair<size_t, size_t>> Found;
  for (size_t I = 0; I < Text.size();) {
    if (!isIdentifierChar(Text[I])) {
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Text.size() && isIdentifierChar(Text[End]))
      ++End;
    if (!llvm::isDigit(Text[I]))
      Found.emplace_back(I, End);
    I = End;
  }
  return Found;
}

// A call of Name in Text: the offsets of its name and of its parentheses.
struct CallText {
  size_t Name = 0;
  size_t Open = 0;
  size_t Close = 0;
};

std::vector<CallText> callsOf(llvm::StringRef Text,
                              llvm::ArrayRef<std::string> Names) {
  std::vector<CallText> Calls;
  for (auto [Begin, End] : identifiers(Text)) {
    if (!llvm::is_contained(Names, Text.slice(Begin, End)))
      continue;
    size_t Open = End;
    while (Open < Text.size() && llvm::isSpace(Text[Open]))
      ++Open;
    if (Open == Text.size() || Text[Open] != '(')
      continue;
    int Depth = 0;
    for (size_t I = Open; I < Text.size(); ++I) {
      Depth += Text[I] == '(' ? 1 : Text[I] == ')' ? -1 : 0;
      if (Depth == 0) {
        Calls.push_back({Begin, Open, I});
        break;
      }
    }
  }
  return Calls;
}

// The offset just after the last top-level comma of a call's arguments,
// or the open parenthesis' when there is none.
size_t lastArgument(llvm::StringRef Text, const CallText &Call) {
  int Depth = 0;
  size_t After = Call.Open + 1;
  for (size_t I = Call.Open + 1; I < Call.Close; ++I) {
    Depth += Text[I] == '(' ? 1 : Text[I] == ')' ? -1 : 0;
    if (Depth == 0 && Text[I] == ',')
      After = I + 1;
  }
  return After;
}

using TextMutation = std::string (*)(llvm::StringRef Text,
                                     const CallText &Call);

// Text with every call of Names rewritten by Mutate (last call first, so
// the offsets of the others hold).
std::string mutateCalls(llvm::StringRef Text, llvm::ArrayRef<std::string> Names,
                        TextMutation Mutate) {
  std::string Out = Text.str();
  std::vector<CallText> Calls = callsOf(Text, Names);
  for (const CallText &Call : llvm::reverse(Calls))
    Out = Out.substr(0, Call.Name) + Mutate(Text, Call) +
          Out.substr(Call.Close + 1);
  return Out;
}

std::string withOrderZero(llvm::StringRef Text, const CallText &Call) {
  size_t Order = lastArgument(Text, Call);
  if (Text.slice(Order, Call.Close).trim() == "0")
    return Text.slice(Call.Name, Call.Close + 1).str();
  return (Text.slice(Call.Name, Order) + " 0)").str();
}

std::string withoutZeroing(llvm::StringRef Text, const CallText &Call) {
  size_t Order = lastArgument(Text, Call);
  llvm::StringRef Gfp = Text.slice(Call.Open + 1, Order - 1).trim();
  llvm::StringRef OrderText = Text.slice(Order, Call.Close).trim();
  return ("({ struct ptdesc *__mutant_pt = pagetable_alloc((" + Gfp +
          ") & ~__GFP_ZERO, " + OrderText +
          "); __mutant_pt ? ptdesc_address(__mutant_pt) : NULL; })")
      .str();
}

std::string oneLevelUp(llvm::StringRef Text, const CallText &Call) {
  // Not pud -> p4d -> pgd: the variables, parameters and fields a free
  // names seldom go that far up, and a name not in scope does not compile
  // (--verify then withdraws the file rather than the scenarios catching it).
  static const std::pair<llvm::StringRef, llvm::StringRef> Up[] = {
      {"pte", "pmd"}, {"pmd", "pud"}};
  llvm::StringRef Args = Text.slice(Call.Open, Call.Close + 1);
  std::string Out = Text.slice(Call.Name, Call.Open).str();
  size_t Copied = 0;
  for (auto [Begin, End] : identifiers(Args)) {
    llvm::StringRef Word = Args.slice(Begin, End);
    for (auto [From, To] : Up)
      if (Word == From) {
        Out += Args.slice(Copied, Begin);
        Out += To;
        Copied = End;
      }
  }
  return Out + Args.substr(Copied).str();
}

// pmd_free(&init_mm, p) -> FREE(p), FREE given by the caller through
// PgtableFreeName (a TextMutation takes no state).
std::string PgtableFreeName;
std::string withPgtableFree(llvm::StringRef Text, const CallText &Call) {
  size_t Pointer = lastArgument(Text, Call);
  return PgtableFreeName + "(" + Text.slice(Pointer, Call.Close).trim().str() +
         ")";
}

std::vector<clang::tooling::Replacement>
mutated(const std::vector<clang::tooling::Replacement> &Edits,
        llvm::ArrayRef<std::string> Names, TextMutation Mutate) {
  std::vector<clang::tooling::Replacement> Out;
  for (const clang::tooling::Replacement &R : Edits)
    Out.emplace_back(R.getFilePath(), R.getOffset(), R.getLength(),
                     mutateCalls(R.getReplacementText(), Names, Mutate));
  return Out;
}

bool spellsCall(const Finding &F, llvm::ArrayRef<std::string> Names) {
  return llvm::any_of(F.Replacements,
                      [&](const clang::tooling::Replacement &R) {
                        return !callsOf(R.getReplacementText(), Names).empty();
                      });
}

} // namespace

std::optional<Mutant> parseMutant(llvm::StringRef Name) {
  if (Name.empty())
    return Mutant::None;
  for (const MutantName &M : MutantNames)
    if (M.Name == Name)
      return M.Kind;
  return std::nullopt;
}

std::string mutantNames() {
  std::string Names;
  for (const MutantName &M : MutantNames)
    Names += (Names.empty() ? "" : ", ") + M.Name.str();
  return Names;
}

void mutateFindings(Mutant Kind, const MigrationOptions &Options,
                    std::vector<Finding> &Findings) {
  const std::vector<std::string> Alloc = {Options.AllocName,
                                          Options.AllocName + "_noprof"};
  const std::vector<std::string> Free = {Options.FreeName};
  for (Finding &F : Findings) {
    if (F.Kind != FindingKind::Converted)
      continue;
    bool Allocates = spellsCall(F, Alloc);
    bool Frees = spellsCall(F, Free);
    switch (Kind) {
    case Mutant::KeepFrees:
      if (Frees && !Allocates)
        F.Replacements.clear();
      break;
    case Mutant::KeepAllocations:
      if (Allocates && !Frees)
        F.Replacements.clear();
      break;
    case Mutant::WrongOrder:
      F.Replacements = mutated(F.Replacements, Alloc, withOrderZero);
      break;
    case Mutant::DropZeroing:
      // Only tables that rely on zeroing: a site that gains it did not.
      if (!llvm::StringRef(F.Message + F.MessageNote).contains("gains zeroing"))
        F.Replacements = mutated(F.Replacements, Alloc, withoutZeroing);
      break;
    case Mutant::LevelUp:
      F.Replacements = mutated(F.Replacements, Free, oneLevelUp);
      break;
    case Mutant::LevelPgtableFree:
      PgtableFreeName = Options.FreeName;
      F.Replacements =
          mutated(F.Replacements, {"pmd_free", "pud_free"}, withPgtableFree);
      break;
    case Mutant::None:
    case Mutant::BreakNames:
    case Mutant::SkipDescriptorUses:
      return;
    }
  }
}

clang::tooling::Replacements
breakApiNames(const clang::tooling::Replacements &Edits,
              const MigrationOptions &Options) {
  clang::tooling::Replacements Broken;
  for (const clang::tooling::Replacement &R : Edits) {
    llvm::StringRef Text = R.getReplacementText();
    std::string New;
    size_t Copied = 0;
    for (auto [Begin, End] : identifiers(Text)) {
      llvm::StringRef Word = Text.slice(Begin, End);
      if (Word != Options.AllocName && Word != Options.FreeName)
        continue;
      New += Text.slice(Copied, End);
      New += "_broken";
      Copied = End;
    }
    New += Text.substr(Copied);
    llvm::cantFail(Broken.add(clang::tooling::Replacement(
        R.getFilePath(), R.getOffset(), R.getLength(), New)));
  }
  return Broken;
}

} // namespace pgmigrate
