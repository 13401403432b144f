//===- Maintainers.cpp ----------------------------------------------------===//

#include "Maintainers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace pgmigrate {

namespace {

// Glob match of one component pattern ('*', '?') against Text.
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text) {
  if (Pattern.empty())
    return Text.empty();
  if (Pattern.front() == '*') {
    for (size_t I = 0; I <= Text.size(); ++I)
      if (globMatch(Pattern.drop_front(), Text.drop_front(I)))
        return true;
    return false;
  }
  if (Text.empty())
    return false;
  if (Pattern.front() != '?' && Pattern.front() != Text.front())
    return false;
  return globMatch(Pattern.drop_front(), Text.drop_front());
}

} // namespace

bool maintainerPatternMatches(llvm::StringRef Pattern, llvm::StringRef Relative,
                              unsigned &Depth) {
  bool Directory = Pattern.endswith("/");
  llvm::SmallVector<llvm::StringRef, 8> Want, Have;
  Pattern.rtrim('/').split(Want, '/', -1, false);
  Relative.split(Have, '/', -1, false);
  if (Want.size() > Have.size() || (!Directory && Want.size() != Have.size()))
    return false;
  for (size_t I = 0; I < Want.size(); ++I)
    if (!globMatch(Want[I], Have[I]))
      return false;
  // A pattern that only names the whole tree ("*", "*/") is the catch-all.
  Depth = llvm::all_of(Want, [](llvm::StringRef W) { return W == "*"; })
              ? 0
              : Want.size();
  return true;
}

MaintainersFile MaintainersFile::parse(llvm::StringRef Text) {
  MaintainersFile File;
  MaintainerSection Current;
  bool InSection = false;
  auto Close = [&] {
    if (InSection && !Current.Files.empty())
      File.Sections.push_back(std::move(Current));
    Current = MaintainerSection();
    InSection = false;
  };
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.rtrim();
    if (Line.empty()) {
      Close();
      continue;
    }
    if (Line.size() > 2 && Line[1] == ':' &&
        (Line[2] == '\t' || Line[2] == ' ') && InSection) {
      llvm::StringRef Value = Line.drop_front(2).trim();
      // A list's note ("(moderated for non-subscribers)") is not its address.
      if (Line[0] == 'L')
        Value = Value.split(' ').first;
      std::pair<char, std::vector<std::string> *> Fields[] = {
          {'M', &Current.Maintainers},
          {'R', &Current.Reviewers},
          {'L', &Current.Lists},
          {'F', &Current.Files},
          {'X', &Current.Excludes}};
      for (auto [Letter, Values] : Fields)
        if (Line[0] == Letter)
          Values->push_back(Value.str());
      continue;
    }
    // A title: a new section starts (the preamble's lines have no fields
    // that follow, and are dropped for lack of F: patterns).
    Close();
    Current.Title = Line.str();
    InSection = true;
  }
  Close();
  return File;
}

llvm::Expected<MaintainersFile> MaintainersFile::read(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read '" + Path +
                                       "': " + Buffer.getError().message());
  return parse((*Buffer)->getBuffer());
}

std::vector<MaintainersFile::Match>
MaintainersFile::sectionsFor(llvm::StringRef Relative) const {
  std::vector<Match> Matches;
  for (const MaintainerSection &S : Sections) {
    unsigned Best = 0, Depth = 0;
    bool Covered = false;
    for (const std::string &Pattern : S.Files)
      if (maintainerPatternMatches(Pattern, Relative, Depth)) {
        Covered = true;
        Best = std::max(Best, Depth);
      }
    for (const std::string &Pattern : S.Excludes)
      if (maintainerPatternMatches(Pattern, Relative, Depth))
        Covered = false;
    if (Covered)
      Matches.push_back({&S, Best});
  }
  llvm::stable_sort(Matches, [](const Match &A, const Match &B) {
    return A.Depth > B.Depth;
  });
  return Matches;
}

} // namespace pgmigrate
