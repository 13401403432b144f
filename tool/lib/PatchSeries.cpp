//===- PatchSeries.cpp ----------------------------------------------------===//

#include "PatchSeries.h"
#include "DiffWriter.h"
#include "Maintainers.h"
#include "OutputFile.h"
#include "SourceRoot.h"
#include "pgmigrate/ApiText.h"
#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include <ctime>
#include <map>
#include <set>

namespace pgmigrate {

namespace {

// The kinds of patch, in the order the series puts them.
enum class PatchKind { Rename, Api, Conversion, DescriptorRename };

struct PlannedPatch {
  PatchKind Kind;
  /// The arch (renames) or the area (conversions): "x86/mm/pat".
  std::string Area;
  std::vector<const Finding *> Findings;
};

std::vector<std::string> components(llvm::StringRef Path) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Path.split(Parts, '/', -1, false);
  return {Parts.begin(), Parts.end()};
}

// The area of a file, as the kernel's subject prefixes name it: the
// directory under arch/ ("x86/mm/pat"), a file of arch/<a>/kernel/ by its
// stem ("x86/kexec" for machine_kexec_64.c, "x86/ldt"), a platform by its
// name ("x86/efi"), an arch header of the page tables as "<a>/mm",
// include/asm-generic as "asm-generic", include/linux as "mm".
std::string areaOf(llvm::StringRef Relative) {
  std::vector<std::string> Parts = components(Relative);
  if (Parts.empty())
    return "treewide";
  std::string Name = Parts.back();
  Parts.pop_back();
  llvm::StringRef Stem = llvm::StringRef(Name).rsplit('.').first;
  if (Parts.size() >= 2 && Parts[0] == "arch") {
    const std::string &Arch = Parts[1];
    if (Parts.size() >= 3 && Parts[2] == "include")
      return Stem.startswith("pgalloc") || Stem.startswith("pgtable") ||
                     Stem.startswith("page") || Stem.startswith("tlb")
                 ? Arch + "/mm"
                 : Arch;
    if (Parts.size() == 3 && Parts[2] == "kernel") {
      Stem.consume_front("machine_");
      if (!Stem.consume_back("_64"))
        Stem.consume_back("_32");
      return Arch + "/" + Stem.str();
    }
    if (Parts.size() >= 4 && Parts[2] == "platform")
      return Arch + "/" + Parts[3];
    Parts.erase(Parts.begin());
    return llvm::join(Parts, "/");
  }
  if (Parts.size() >= 2 && Parts[0] == "include" && Parts[1] == "asm-generic")
    return "asm-generic";
  if (Parts.size() >= 2 && Parts[0] == "include" && Parts[1] == "linux")
    return "mm";
  return Parts.empty() ? "treewide" : llvm::join(Parts, "/");
}

std::string archOf(llvm::StringRef Relative) {
  std::vector<std::string> Parts = components(Relative);
  return Parts.size() > 2 && Parts[0] == "arch" ? Parts[1] : "treewide";
}

// The longest common leading directories of Areas ("x86/mm" and
// "x86/kernel" give "x86").
std::string commonArea(const std::set<std::string> &Areas) {
  std::vector<std::string> Common = components(*Areas.begin());
  for (const std::string &Area : Areas) {
    std::vector<std::string> Parts = components(Area);
    size_t N = 0;
    while (N < Common.size() && N < Parts.size() && Common[N] == Parts[N])
      ++N;
    Common.resize(N);
  }
  return Common.empty() ? "treewide" : llvm::join(Common, "/");
}

// Words of Text filled into lines of at most Width columns; a line that
// starts with "- " continues with two spaces.
std::string wrap(llvm::StringRef Text, unsigned Width = 72) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    std::string Indent = Line.startswith("- ") ? "  " : "";
    llvm::SmallVector<llvm::StringRef, 32> Words;
    Line.split(Words, ' ', -1, false);
    std::string Current;
    for (llvm::StringRef Word : Words) {
      if (!Current.empty() && Current.size() + 1 + Word.size() > Width) {
        Out += Current + "\n";
        Current = Indent;
      }
      if (!Current.empty() && Current != Indent)
        Current += " ";
      Current += Word.str();
    }
    Out += Current + "\n";
  }
  return Out;
}

std::string place(const Finding &F, llvm::StringRef Root) {
  std::optional<std::string> Relative = relativeToRoot(Root, F.FilePath);
  return (Relative ? *Relative : F.FilePath) + ":" + std::to_string(F.Line);
}

// "'pgtable_free' ... renamed to '__pgtable_free'": the two names.
std::optional<std::pair<std::string, std::string>>
renamePair(const Finding &F) {
  llvm::Regex Rename("^'([A-Za-z_0-9]+)'.*renamed to '([A-Za-z_0-9]+)'");
  llvm::SmallVector<llvm::StringRef, 3> Match;
  if (!Rename.match(F.Message, &Match))
    return std::nullopt;
  return std::make_pair(Match[1].str(), Match[2].str());
}

std::string renameSubject(const PlannedPatch &P) {
  std::set<std::pair<std::string, std::string>> Pairs;
  for (const Finding *F : P.Findings)
    if (auto Pair = renamePair(*F))
      Pairs.insert(*Pair);
  if (Pairs.size() == 1)
    return P.Area + ": Rename " + Pairs.begin()->first + " to " +
           Pairs.begin()->second;
  return P.Area + ": Rename the names that clash with the page table API";
}

std::string renameBody(const PlannedPatch &P, const MigrationOptions &Options,
                       llvm::StringRef Root) {
  std::string Body =
      "The generic page table API adds " + Options.AllocName + "() and " +
      Options.FreeName +
      "() to include/linux/mm.h. These declarations use the same names, "
      "and would clash with it or be expanded by its macro, so rename "
      "them first:\n\n";
  for (const Finding *F : P.Findings)
    Body += "- " + place(*F, Root) + ": " + F->Message + "\n";
  return wrap(llvm::StringRef(Body).rtrim());
}

std::string conversionBody(const PlannedPatch &P,
                           const MigrationOptions &Options,
                           llvm::StringRef Root) {
  std::string Body =
      Options.LevelTarget
          ? "Allocate and free these kernel page tables with their level's "
            "constructor and destructor (pte_alloc_one_kernel() and "
            "pte_free_kernel(), pmd_alloc_one() and pmd_free(), ...) "
            "instead of raw pages, as other kernel page tables are: they "
            "get their level's ptdesc state and go back through the "
            "destructor that undoes it. Every allocation and free of one "
            "object changes in this patch, together.\n\n"
          : "Allocate and free these page tables with " + Options.AllocName +
                "() and " + Options.FreeName +
                "(), the address-based page table API: " + Options.AllocName +
                "() always returns a zeroed table, and " + Options.FreeName +
                "() frees it through its ptdesc. Every allocation and free of "
                "one object changes in this patch, together.\n\n";
  for (const Finding *F : P.Findings)
    Body += "- " + place(*F, Root) + ": " + F->Message + "\n";
  return wrap(llvm::StringRef(Body).rtrim());
}

std::string descriptorRenameBody(const PlannedPatch &P,
                                 const MigrationOptions &Options,
                                 llvm::StringRef Root, bool ApiAdded) {
  const std::string &New = Options.DescriptorAllocName;
  std::string Body =
      "pagetable_alloc() returns a page table's descriptor (struct ptdesc), "
      "while " +
      Options.AllocName +
      "() returns its address. Name the descriptor allocator like the other "
      "descriptor allocators (folio_alloc()): rename pagetable_alloc() to " +
      New + "() and pagetable_alloc_noprof() to " + New +
      "_noprof(), the declarations and every caller at once" +
      (ApiAdded ? ", " + Options.AllocName + "() among them" : "") +
      ". pagetable_free() keeps its name. No functional change.\n\n";
  for (const Finding *F : P.Findings)
    Body += "- " + place(*F, Root) + ": " + F->Message + "\n";
  return wrap(llvm::StringRef(Body).rtrim());
}

// The reason of a refusal, without its places and names.
std::string reasonOf(llvm::StringRef Message) {
  llvm::StringRef Text = Message;
  Text.consume_front("not converted: ");
  Text = Text.split("; it would replace").first;
  Text = Text.split("; ").first;
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\'') {
      size_t End = Text.find('\'', I + 1);
      if (End != llvm::StringRef::npos) {
        Out += "'...'";
        I = End;
        continue;
      }
    }
    Out += Text[I];
  }
  llvm::Regex Place("[A-Za-z0-9_./-]+\\.[chS]:[0-9]+");
  while (Place.match(Out))
    Out = Place.sub("...", Out);
  llvm::Regex Line("line [0-9]+");
  while (Line.match(Out))
    Out = Line.sub("line ...", Out);
  return Out;
}

// The API added to Contents of include/linux/mm.h or mm/memory.c, as
// --verify and kernel-e2e add it (pgmigrate/ApiText.h).
std::string withApi(llvm::StringRef Relative, llvm::StringRef Contents,
                    const MigrationOptions &Options) {
  return Relative == "include/linux/mm.h"
             ? withApiDeclarations(Contents, Options)
             : withApiDefinitions(Contents, Options);
}

// To: the maintainers of the sections that cover the files (the catch-all
// aside); Cc: their reviewers, and the lists of every covering section.
void addressPatch(const MaintainersFile &Maintainers,
                  const std::map<std::string, std::string> &Files,
                  SeriesPatch &Out) {
  auto Add = [](std::vector<std::string> &To, const std::string &Address) {
    if (!llvm::is_contained(To, Address))
      To.push_back(Address);
  };
  for (const auto &[Relative, Real] : Files)
    for (const MaintainersFile::Match &M : Maintainers.sectionsFor(Relative)) {
      if (M.Depth > 0) {
        for (const std::string &A : M.Section->Maintainers)
          Add(Out.To, A);
        for (const std::string &A : M.Section->Reviewers)
          Add(Out.Cc, A);
      }
      for (const std::string &A : M.Section->Lists)
        Add(Out.Cc, A);
    }
  llvm::erase_if(Out.Cc, [&](const std::string &A) {
    return llvm::is_contained(Out.To, A);
  });
}

// The patches of the series, in order, without their text.
std::vector<PlannedPatch> planPatches(const PipelineResult &Result,
                                      const SeriesOptions &SeriesOpts,
                                      const MaintainersFile *Maintainers) {
  std::map<std::string, PlannedPatch> Renames;
  PlannedPatch Descriptor{PatchKind::DescriptorRename, "mm", {}};
  std::map<std::string, std::vector<const Finding *>> ByArea;
  // The subject areas of the files of each split key.
  std::map<std::string, std::set<std::string>> SubjectAreas;
  llvm::EquivalenceClasses<std::string> Areas;
  std::map<unsigned, std::set<std::string>> AreasOfGroup;
  for (const Finding &F : Result.Findings) {
    if (F.Kind != FindingKind::Converted || F.Replacements.empty())
      continue;
    std::optional<std::string> Relative =
        relativeToRoot(Result.Root, F.FilePath);
    std::string Path = Relative ? *Relative : F.FilePath;
    if (F.Rule == "name-conflicts") {
      PlannedPatch &P = Renames[archOf(Path)];
      P.Kind = PatchKind::Rename;
      P.Area = archOf(Path);
      P.Findings.push_back(&F);
      continue;
    }
    if (F.Rule == "rename-descriptor") {
      Descriptor.Findings.push_back(&F);
      continue;
    }
    std::string Area = areaOf(Path);
    if (Maintainers) {
      std::vector<MaintainersFile::Match> Sections =
          Maintainers->sectionsFor(Path);
      if (!Sections.empty() && Sections.front().Depth > 0)
        Area = Sections.front().Section->Title;
    }
    SubjectAreas[Area].insert(areaOf(Path));
    Areas.insert(Area);
    ByArea[Area].push_back(&F);
    for (const PairingKey &Key : F.PairingKeys)
      AreasOfGroup[Key.group()].insert(Area);
  }
  for (const auto &[Group, Set] : AreasOfGroup)
    for (const std::string &Area : Set)
      Areas.unionSets(*Set.begin(), Area);

  std::vector<PlannedPatch> Patches;
  for (auto &[Arch, P] : Renames)
    Patches.push_back(std::move(P));
  if (SeriesOpts.IncludeApi)
    Patches.push_back({PatchKind::Api, "mm", {}});
  std::map<std::string, std::set<std::string>> Merged;
  for (const auto &[Area, Findings] : ByArea)
    Merged[Areas.getLeaderValue(Area)].insert(Area);
  std::vector<PlannedPatch> Conversions;
  for (const auto &[Root, Members] : Merged) {
    std::set<std::string> Subjects;
    for (const std::string &Area : Members)
      Subjects.insert(SubjectAreas[Area].begin(), SubjectAreas[Area].end());
    PlannedPatch P{PatchKind::Conversion, commonArea(Subjects), {}};
    for (const std::string &Area : Members)
      llvm::append_range(P.Findings, ByArea[Area]);
    Conversions.push_back(std::move(P));
  }
  llvm::stable_sort(Conversions,
                    [](const PlannedPatch &A, const PlannedPatch &B) {
                      return A.Area < B.Area;
                    });
  llvm::append_range(Patches, Conversions);
  // Last: the conversions take the calls they rewrite out of its way, and
  // it renames the declarations and every use left at once (the API's own
  // call in mm/memory.c too).
  if (!Descriptor.Findings.empty())
    Patches.push_back(std::move(Descriptor));
  return Patches;
}

} // namespace

llvm::Expected<Series> planSeries(const PipelineResult &Result,
                                  const MigrationOptions &Options,
                                  const SeriesOptions &SeriesOpts) {
  std::optional<MaintainersFile> Maintainers;
  if (SeriesOpts.SplitByMaintainers) {
    llvm::SmallString<256> Path(Result.Root);
    llvm::sys::path::append(Path, "MAINTAINERS");
    llvm::Expected<MaintainersFile> Read = MaintainersFile::read(Path);
    if (!Read)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "--split=maintainers: " +
                                         llvm::toString(Read.takeError()));
    Maintainers = std::move(*Read);
  }
  std::vector<PlannedPatch> Planned =
      planPatches(Result, SeriesOpts, Maintainers ? &*Maintainers : nullptr);
  Series S;

  // Each file's contents before the series, then after each patch: the
  // edits of the patches so far applied to the original, and the API once
  // its patch has passed.
  std::map<std::string, const FileChange *> ChangeOf;
  for (const FileChange &Change : Result.Changes)
    ChangeOf[Change.Path] = &Change;
  std::map<std::string, clang::tooling::Replacements> Applied;
  bool ApiAdded = false;
  // The API's text calls the descriptor allocator by its old name until
  // the patch that renames it.
  MigrationOptions ApiOptions = Options;
  ApiOptions.RenameDescriptorApi = false;
  auto Original = [&](const std::string &Path) -> llvm::Expected<std::string> {
    if (auto It = ChangeOf.find(Path); It != ChangeOf.end())
      return It->second->Old;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(),
                                     "--series: cannot read '" + Path +
                                         "': " + Buffer.getError().message());
    return (*Buffer)->getBuffer().str();
  };
  auto Contents = [&](const std::string &Path,
                      llvm::StringRef Relative) -> llvm::Expected<std::string> {
    llvm::Expected<std::string> Old = Original(Path);
    if (!Old)
      return Old.takeError();
    llvm::Expected<std::string> New =
        clang::tooling::applyAllReplacements(*Old, Applied[Path]);
    if (!New)
      return New.takeError();
    bool ApiFile =
        Relative == "include/linux/mm.h" || Relative == "mm/memory.c";
    return ApiAdded && ApiFile ? withApi(Relative, *New, ApiOptions) : *New;
  };

  for (const PlannedPatch &P : Planned) {
    // The files the patch changes, by path relative to the root.
    std::map<std::string, std::string> Files; // relative -> real
    if (P.Kind == PatchKind::Api ||
        (P.Kind == PatchKind::DescriptorRename && ApiAdded)) {
      for (const char *Relative : {"include/linux/mm.h", "mm/memory.c"}) {
        llvm::SmallString<256> Path(Result.Root);
        llvm::sys::path::append(Path, Relative);
        Files[Relative] = std::string(Path);
      }
    }
    for (const Finding *F : P.Findings)
      for (const clang::tooling::Replacement &R : F->Replacements) {
        std::string Real = R.getFilePath().str();
        std::optional<std::string> Relative = relativeToRoot(Result.Root, Real);
        if (!Relative)
          return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                         "--series: '" + Real +
                                             "' is outside the root");
        Files[*Relative] = Real;
      }
    std::map<std::string, std::string> Before;
    for (const auto &[Relative, Real] : Files) {
      llvm::Expected<std::string> Text = Contents(Real, Relative);
      if (!Text)
        return Text.takeError();
      Before[Relative] = std::move(*Text);
    }
    if (P.Kind == PatchKind::Api)
      ApiAdded = true;
    if (P.Kind == PatchKind::DescriptorRename)
      ApiOptions = Options;
    for (const Finding *F : P.Findings)
      for (const clang::tooling::Replacement &R : F->Replacements)
        if (llvm::Error E = Applied[R.getFilePath().str()].add(R))
          return E;
    SeriesPatch Out;
    for (const auto &[Relative, Real] : Files) {
      llvm::Expected<std::string> After = Contents(Real, Relative);
      if (!After)
        return After.takeError();
      Out.Diff += unifiedDiff(Relative, Before[Relative], *After);
    }
    switch (P.Kind) {
    case PatchKind::Rename:
      Out.Subject = renameSubject(P);
      Out.Body = renameBody(P, Options, Result.Root);
      break;
    case PatchKind::Api:
      Out.Subject =
          "mm: Add " + Options.AllocName + "() and " + Options.FreeName + "()";
      Out.Body =
          wrap("Add an address-based page table API on top of ptdescs: " +
               Options.AllocName +
               "(gfp, order) allocates a zeroed table and "
               "returns its address, " +
               Options.FreeName +
               "(addr) frees it. Arch code allocates page tables with "
               "get_zeroed_page(), __get_free_pages() or pagetable_alloc() and "
               "ptdesc_address(), and frees them with free_page() or "
               "pagetable_free(virt_to_ptdesc()); the patches that follow move "
               "it to one API.");
      break;
    case PatchKind::Conversion:
      Out.Subject = Options.LevelTarget
                        ? P.Area + ": Use the per-level page table constructors"
                        : P.Area + ": Convert page table allocations to " +
                              Options.AllocName + "()";
      Out.Body = conversionBody(P, Options, Result.Root);
      break;
    case PatchKind::DescriptorRename:
      Out.Subject = "mm: Rename pagetable_alloc() to " +
                    Options.DescriptorAllocName + "()";
      Out.Body = descriptorRenameBody(P, Options, Result.Root, ApiAdded);
      break;
    }
    if (Maintainers)
      addressPatch(*Maintainers, Files, Out);
    if (!Out.Diff.empty())
      S.Patches.push_back(std::move(Out));
  }

  // Every file ends as the run would write it.
  for (const FileChange &Change : Result.Changes) {
    std::optional<std::string> Relative =
        relativeToRoot(Result.Root, Change.Path);
    llvm::Expected<std::string> Last =
        Contents(Change.Path, Relative ? *Relative : "");
    if (!Last)
      return Last.takeError();
    bool ApiFile = Relative && (*Relative == "include/linux/mm.h" ||
                                *Relative == "mm/memory.c");
    if (*Last != Change.New && !(ApiAdded && ApiFile))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "internal error: the series does not give '" + Change.Path +
              "' as the run rewrites it");
  }

  // The cover letter.
  bool HasRenames = llvm::any_of(Planned, [](const PlannedPatch &P) {
    return P.Kind == PatchKind::Rename;
  });
  unsigned Converted = 0, Refused = 0;
  std::map<std::string, std::vector<const Finding *>> ByReason;
  for (const Finding &F : Result.Findings) {
    Converted += F.Kind == FindingKind::Converted;
    if (F.Kind == FindingKind::Converted)
      continue;
    ++Refused;
    ByReason[reasonOf(F.Message)].push_back(&F);
  }
  S.CoverSubject = "Convert page table allocations to " + Options.AllocName +
                   "() and " + Options.FreeName + "()";
  if (Options.LevelTarget)
    S.CoverSubject = "Use the per-level constructors for kernel page tables";
  std::string Cover =
      Options.LevelTarget
          ? "This series moves kernel page tables that arch code allocates "
            "as raw pages to their level's constructor and destructor "
            "(pte_alloc_one_kernel()/pte_free_kernel(), "
            "pmd_alloc_one()/pmd_free(), ...). " +
                std::to_string(Converted) + " sites change; " +
                std::to_string(Refused) + " are left as they are. " +
                (HasRenames ? "Renames of clashing names come first, then "
                            : "") +
                "one patch per area; every allocation and free of an object "
                "is in the same patch, so each prefix of the series "
                "builds.\n\n"
          : "This series moves page table allocations and frees to the "
            "address-based page table API, " +
                Options.AllocName + "() and " + Options.FreeName + "(). " +
                std::to_string(Converted) + " sites change; " +
                std::to_string(Refused) + " are left as they are. " +
                (HasRenames ? "Renames of clashing names come first, then "
                            : "") +
                (SeriesOpts.IncludeApi ? "the API, then " : "") +
                "one patch per area; every allocation and free of an object is "
                "in "
                "the same patch, so each prefix of the series builds" +
                (SeriesOpts.IncludeApi
                     ? std::string(".\n\n")
                     : " on a tree that has " + Options.AllocName + "() and " +
                           Options.FreeName +
                           "() (--series-include-api adds them "
                           "as a patch of the series).\n\n");
  for (size_t I = 0; I < S.Patches.size(); ++I)
    Cover += "- " + std::to_string(I + 1) + "/" +
             std::to_string(S.Patches.size()) + " " + S.Patches[I].Subject +
             "\n";
  if (!ByReason.empty()) {
    Cover += "\nSites left as they are, by reason:\n";
    std::vector<std::pair<std::string, std::vector<const Finding *>>> Sorted(
        ByReason.begin(), ByReason.end());
    llvm::stable_sort(Sorted, [](const auto &A, const auto &B) {
      return A.second.size() > B.second.size();
    });
    for (const auto &[Reason, Findings] : Sorted) {
      Cover += "\n- " + Reason + " (" + std::to_string(Findings.size()) + "):";
      for (const Finding *F : Findings)
        Cover += " " + place(*F, Result.Root);
      Cover += "\n";
    }
  }
  S.CoverBody = wrap(llvm::StringRef(Cover).rtrim());
  return S;
}

namespace {

// A subject as git format-patch names its file.
std::string slug(llvm::StringRef Subject) {
  std::string Out;
  for (char C : Subject) {
    if (llvm::isAlnum(C) || C == '_' || C == '.')
      Out += C;
    else if (!Out.empty() && Out.back() != '-')
      Out += '-';
  }
  while (!Out.empty() && (Out.back() == '-' || Out.back() == '.'))
    Out.pop_back();
  return Out.substr(0, 52);
}

// "To: a,\n b": a header of addresses, folded one per line.
std::string addressHeader(llvm::StringRef Name,
                          const std::vector<std::string> &Addresses) {
  if (Addresses.empty())
    return "";
  return (Name + ": " + llvm::join(Addresses, ",\n ") + "\n").str();
}

std::string header(const SeriesOptions &Opts, llvm::StringRef Subject,
                   unsigned Number, unsigned Total,
                   const std::vector<std::string> &To = {},
                   const std::vector<std::string> &Cc = {}) {
  return "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 "
         "2001\nFrom: " +
         Opts.Author + "\nDate: " + Opts.Date + "\nSubject: [PATCH " +
         std::to_string(Number) + "/" + std::to_string(Total) + "] " +
         Subject.str() + "\n" + addressHeader("To", To) +
         addressHeader("Cc", Cc) + "\n";
}

std::optional<std::string> gitConfig(llvm::StringRef Root,
                                     llvm::StringRef Key) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return std::nullopt;
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("pgtable-migrate-git", "txt", Out))
    return std::nullopt;
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Out.str(),
                                                llvm::StringRef("")};
  int Status = llvm::sys::ExecuteAndWait(
      *Git, {"git", "-C", Root, "config", Key}, std::nullopt, Redirects);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Out);
  llvm::sys::fs::remove(Out);
  if (Status != 0 || !Text)
    return std::nullopt;
  std::string Value = (*Text)->getBuffer().trim().str();
  if (Value.empty())
    return std::nullopt;
  return Value;
}

} // namespace

SeriesOptions seriesOptionsFromEnvironment(llvm::StringRef Root,
                                           bool IncludeApi) {
  SeriesOptions Opts;
  Opts.IncludeApi = IncludeApi;
  std::optional<std::string> Name = gitConfig(Root, "user.name");
  std::optional<std::string> Email = gitConfig(Root, "user.email");
  Opts.SignOff = Name && Email;
  Opts.Author = Opts.SignOff ? *Name + " <" + *Email + ">"
                             : "pgtable-migrate <pgtable-migrate@localhost>";
  std::time_t When = std::time(nullptr);
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH"))
    When = static_cast<std::time_t>(std::strtoll(Epoch, nullptr, 10));
  char Buffer[64];
  std::strftime(Buffer, sizeof(Buffer), "%a, %d %b %Y %H:%M:%S +0000",
                std::gmtime(&When));
  Opts.Date = Buffer;
  return Opts;
}

llvm::Expected<std::vector<std::string>>
writeSeries(const Series &S, const SeriesOptions &Opts, llvm::StringRef Dir) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "--series: cannot create '" + Dir +
                                           "': " + EC.message());
  // An earlier series in Dir goes: its patches would mix with these.
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name.size() > 5 && llvm::all_of(Name.take_front(4), llvm::isDigit) &&
        Name[4] == '-' && Name.endswith(".patch"))
      llvm::sys::fs::remove(It->path());
  }
  std::vector<std::string> Written;
  unsigned Total = S.Patches.size();
  auto Write = [&](unsigned Number, llvm::StringRef Name,
                   const std::string &Text) -> llvm::Error {
    llvm::SmallString<256> Path(Dir);
    char Prefix[8];
    std::snprintf(Prefix, sizeof(Prefix), "%04u-", Number);
    llvm::sys::path::append(Path, Prefix + Name.str() + ".patch");
    if (llvm::Error E = writeOutputFile(Path, Text))
      return E;
    Written.push_back(std::string(Path));
    return llvm::Error::success();
  };
  std::string Trailer =
      Opts.SignOff ? "\nSigned-off-by: " + Opts.Author + "\n" : std::string();
  if (llvm::Error E =
          Write(0, "cover-letter",
                header(Opts, S.CoverSubject, 0, Total) + S.CoverBody + Trailer +
                    "\n-- \npgtable-migrate\n"))
    return std::move(E);
  for (unsigned I = 0; I < Total; ++I) {
    const SeriesPatch &P = S.Patches[I];
    if (llvm::Error E =
            Write(I + 1, slug(P.Subject),
                  header(Opts, P.Subject, I + 1, Total, P.To, P.Cc) + P.Body +
                      Trailer + "---\n" + P.Diff + "-- \npgtable-migrate\n"))
      return std::move(E);
  }
  return Written;
}

} // namespace pgmigrate
