//===- HtmlReport.cpp -----------------------------------------------------===//

#include "HtmlReport.h"
#include "CHighlighter.h"
#include "DiffWriter.h"
#include "SourceRoot.h"
#include "pgmigrate/ArchPath.h"
#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <array>
#include <map>
#include <memory>
#include <set>

namespace pgmigrate {

namespace {

// The statuses in the order the summary's columns show them.
constexpr std::array<FindingKind, 3> Statuses = {
    FindingKind::Converted, FindingKind::Refused, FindingKind::Conflict};

// Lines of source shown around a refused site, on each side.
constexpr unsigned ContextLines = 3;

// The page's look and behaviour. The script only filters and follows
// permalinks: every number and every site is in the HTML already, so the
// page reads the same with scripts off.
constexpr llvm::StringLiteral Style = R"css(
:root { --ok: #1a7f37; --no: #b35900; --clash: #cf222e; --line: #d0d7de; }
[hidden] { display: none !important; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 0 1rem 4rem; color: #1f2328; }
h1 { font-size: 1.4rem; margin: 1.2rem 0 .3rem; }
.run { color: #59636e; margin: 0 0 1rem; }
table#summary { border-collapse: collapse; margin: .5rem 0 1rem; }
#summary th, #summary td { border: 1px solid var(--line); padding: .2rem .6rem; }
#summary td.count { text-align: right; font-variant-numeric: tabular-nums;
                    cursor: pointer; }
#summary tfoot td { font-weight: 600; }
.filters { position: sticky; top: 0; background: #fff; padding: .5rem 0;
           border-bottom: 1px solid var(--line); z-index: 1; }
.filters label { margin-right: 1rem; }
section.group { border: 1px solid var(--line); border-radius: 6px;
                margin: 1rem 0; padding: 0 .8rem; }
section.group > h2 { font-size: .95rem; margin: .6rem 0; color: #59636e; }
article.site { border-top: 1px dashed var(--line); padding: .4rem 0 .6rem; }
section.group > h2 + article.site { border-top: 0; }
article.site:target { background: #fff8c5; outline: 2px solid #d4a72c; }
.where { font-family: ui-monospace, monospace; }
.badge { border-radius: 1rem; padding: 0 .5rem; font-size: .8rem;
         color: #fff; margin-left: .4rem; }
.badge.converted { background: var(--ok); }
.badge.refused { background: var(--no); }
.badge.conflict { background: var(--clash); }
.badge.rule { background: #59636e; }
a.permalink { margin-left: .4rem; text-decoration: none; color: #59636e; }
p.message { margin: .3rem 0; }
table.diff, pre.context { font: 12.5px/1.4 ui-monospace, monospace;
  border: 1px solid var(--line); border-radius: 4px; width: 100%;
  border-collapse: collapse; margin: .3rem 0; overflow-x: auto; }
pre.context { padding: .3rem 0; white-space: pre; }
table.diff td { padding: 0 .4rem; white-space: pre; vertical-align: top; }
table.diff td.no, pre.context .no { color: #8c959f; text-align: right;
  user-select: none; width: 3rem; display: inline-block; }
table.diff td.no { display: table-cell; }
tr.add { background: #dafbe1; } tr.del { background: #ffebe9; }
tr.hunk td { color: #59636e; background: #f6f8fa; }
pre.context .line { display: block; padding-right: .4rem; }
pre.context .line.focus { background: #fff8c5; }
/* Tabs stop relative to the code, not to the line number before it. */
pre.context .src { display: inline-block; }
.kw { color: #cf222e; } .fn { color: #8250df; font-weight: 600; }
.num { color: #0550ae; } .str { color: #0a3069; }
.com { color: #6e7781; font-style: italic; } .pp { color: #953800; }
)css";

constexpr llvm::StringLiteral Script = R"js(
(function () {
  'use strict';
  var keys = ['rule', 'arch', 'status'];
  var selects = keys.map(function (k) {
    return document.getElementById('filter-' + k);
  });
  function apply() {
    var shown = 0;
    document.querySelectorAll('article.site').forEach(function (site) {
      var ok = keys.every(function (k, i) {
        return !selects[i].value || site.dataset[k] === selects[i].value;
      });
      site.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll('section.group').forEach(function (group) {
      group.hidden = !group.querySelector('article.site:not([hidden])');
    });
    document.getElementById('shown-count').textContent = String(shown);
  }
  // A permalink to a site a filter hides clears the filters first.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var site = id ? document.getElementById(id) : null;
    if (!site || !site.classList.contains('site')) return;
    if (site.hidden) {
      selects.forEach(function (s) { s.value = ''; });
      apply();
    }
    site.scrollIntoView({block: 'center'});
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  // A count in the summary filters to its arch, rule and status.
  document.querySelectorAll('#summary td.count').forEach(function (cell) {
    cell.addEventListener('click', function () {
      var row = cell.parentElement;
      selects[0].value = row.dataset.rule || '';
      selects[1].value = row.dataset.arch || '';
      selects[2].value = cell.dataset.status || '';
      apply();
    });
  });
  window.addEventListener('hashchange', reveal);
  apply();
  reveal();
})();
)js";

struct Site {
  const Finding *F = nullptr;
  /// The file relative to the root (or as the finding has it, outside).
  std::string File;
  std::string Arch;
  std::string Id;
  /// The object group's id in the page ("g3"), or a group of its own.
  std::string Group;
};

struct Group {
  std::string Id;
  /// The object group's name, "" for a site outside any group.
  std::string Title;
  std::vector<const Site *> Sites;
};

std::string slug(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    Out += llvm::isAlnum(C) ? llvm::toLower(C) : '-';
  return Out;
}

class ReportWriter {
public:
  ReportWriter(llvm::raw_ostream &OS, const PipelineResult &Result,
               const MigrationOptions &Options)
      : OS(OS), Result(Result), Highlight(apiNames(Options)) {
    for (const FileChange &Change : Result.Changes)
      Changes[Change.Path] = &Change;
  }

  void write(llvm::StringRef ToolVersion);

private:
  static llvm::StringSet<> apiNames(const MigrationOptions &Options);
  void collectSites();
  void writeRun(llvm::StringRef ToolVersion);
  void writeSummary();
  void writeFilters();
  void writeSite(const Site &S);
  void writeDiff(const Finding &F);
  void writeDiffText(llvm::StringRef Diff);
  void writeContext(const Finding &F);
  const FileChange *changeOf(llvm::StringRef Path);
  std::optional<llvm::StringRef> contentsOf(llvm::StringRef Path);
  std::string relative(llvm::StringRef Path) const {
    std::optional<std::string> Rel = relativeToRoot(Result.Root, Path);
    return Rel ? *Rel : Path.str();
  }

  llvm::raw_ostream &OS;
  const PipelineResult &Result;
  CHighlighter Highlight;
  std::map<std::string, const FileChange *> Changes;
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
  std::vector<Site> Sites;
  std::vector<Group> Groups;
};

llvm::StringSet<> ReportWriter::apiNames(const MigrationOptions &Options) {
  llvm::StringSet<> Names;
  for (llvm::StringRef Name :
       {"get_zeroed_page", "__get_free_page", "__get_free_pages", "free_page",
        "free_pages", "pagetable_alloc", "pagetable_alloc_noprof",
        "pagetable_free", "ptdesc_address", "virt_to_ptdesc", "pgtable_alloc",
        "pgtable_free", "pgtable_alloc_addr", "pgtable_free_addr"})
    Names.insert(Name);
  Names.insert(Options.AllocName);
  Names.insert(Options.AllocName + "_noprof");
  Names.insert(Options.FreeName);
  return Names;
}

// Sites in the findings' order (file, offset); each object group's sites
// together, the groups in the order of their first site.
void ReportWriter::collectSites() {
  llvm::EquivalenceClasses<unsigned> Keys;
  std::map<unsigned, std::string> KeyNames;
  for (const Finding &F : Result.Findings)
    for (const PairingKey &Key : F.PairingKeys) {
      Keys.unionSets(F.PairingKeys.front().group(), Key.group());
      KeyNames.emplace(Key.group(), Key.describe());
    }
  std::set<std::string> Ids;
  Sites.reserve(Result.Findings.size());
  for (const Finding &F : Result.Findings) {
    Site S;
    S.F = &F;
    S.File = relative(F.FilePath);
    S.Arch = archNameOf(F.FilePath, Result.Root);
    std::string Base = "site-" + slug(S.File) + "-" + std::to_string(F.Line) +
                       "-" + std::to_string(F.Column) + "-" + slug(F.Rule);
    S.Id = Base;
    for (unsigned N = 2; !Ids.insert(S.Id).second; ++N)
      S.Id = Base + "-" + std::to_string(N);
    S.Group = F.PairingKeys.empty() ? "s" + std::to_string(Sites.size())
                                    : "g" + std::to_string(Keys.getLeaderValue(
                                                F.PairingKeys.front().group()));
    Sites.push_back(std::move(S));
  }
  std::map<std::string, size_t> GroupIndex;
  for (const Site &S : Sites) {
    auto [It, New] = GroupIndex.emplace(S.Group, Groups.size());
    if (New) {
      std::string Title;
      if (!S.F->PairingKeys.empty()) {
        unsigned Leader = Keys.getLeaderValue(S.F->PairingKeys.front().group());
        std::vector<std::string> Names;
        for (auto Member = Keys.member_begin(Keys.findValue(Leader));
             Member != Keys.member_end(); ++Member)
          Names.push_back(KeyNames[*Member]);
        llvm::sort(Names);
        Title = "Object group: " + llvm::join(Names, "; ");
      }
      Groups.push_back({S.Group, Title, {}});
    }
    Groups[It->second].Sites.push_back(&S);
  }
}

void ReportWriter::write(llvm::StringRef ToolVersion) {
  collectSites();
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
        "charset=\"utf-8\">\n"
     << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
        "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width\">\n"
     << "<title>pgtable-migrate report</title>\n<style>" << Style
     << "</style>\n</head>\n<body>\n<h1>pgtable-migrate report</h1>\n";
  writeRun(ToolVersion);
  writeSummary();
  writeFilters();
  OS << "<main id=\"sites\">\n";
  for (const Group &G : Groups) {
    OS << "<section class=\"group\" id=\"group-" << G.Id << "\" data-group=\""
       << G.Id << "\">\n";
    if (!G.Title.empty()) {
      std::map<llvm::StringRef, unsigned> ByStatus;
      for (const Site *S : G.Sites)
        ++ByStatus[kindName(S->F->Kind)];
      std::vector<std::string> Counts;
      for (const auto &[Status, N] : ByStatus)
        Counts.push_back(std::to_string(N) + " " + Status.str());
      OS << "<h2>" << htmlEscape(G.Title) << " (" << llvm::join(Counts, ", ")
         << ")</h2>\n";
    }
    for (const Site *S : G.Sites)
      writeSite(*S);
    OS << "</section>\n";
  }
  OS << "</main>\n<script>" << Script << "</script>\n</body>\n</html>\n";
}

void ReportWriter::writeRun(llvm::StringRef ToolVersion) {
  OS << "<p class=\"run\">pgtable-migrate " << htmlEscape(ToolVersion)
     << " &middot; root <code>" << htmlEscape(Result.Root)
     << "</code> &middot; " << Result.Units << " translation units ("
     << Result.FailedUnits << " failed) &middot; " << Result.Changes.size()
     << " files to change";
  if (Result.ConvertedGroups + Result.RefusedGroups)
    OS << " &middot; object groups: " << Result.ConvertedGroups
       << " converted, " << Result.RefusedGroups << " refused";
  if (Result.VerifiedUnits)
    OS << " &middot; --verify parsed " << Result.VerifiedUnits
       << " units again, withdrew " << Result.FailedVerifications;
  OS << "</p>\n";
  if (Result.Messages.empty())
    return;
  OS << "<ul id=\"messages\">\n";
  for (const PipelineMessage &M : Result.Messages)
    OS << "<li class=\"" << (M.IsError ? "error" : "warning") << "\">"
       << htmlEscape(M.Text) << "</li>\n";
  OS << "</ul>\n";
}

void ReportWriter::writeSummary() {
  std::map<std::pair<std::string, std::string>, std::array<unsigned, 3>> Rows;
  std::array<unsigned, 3> Total{};
  for (const Site &S : Sites) {
    size_t Column = llvm::find(Statuses, S.F->Kind) - Statuses.begin();
    ++Rows[{S.Arch, S.F->Rule}][Column];
    ++Total[Column];
  }
  auto Cells = [&](const std::array<unsigned, 3> &Counts) {
    unsigned Sum = 0;
    for (size_t I = 0; I < Statuses.size(); ++I) {
      OS << "<td class=\"count\" data-status=\"" << kindName(Statuses[I])
         << "\">" << Counts[I] << "</td>";
      Sum += Counts[I];
    }
    OS << "<td class=\"count total\">" << Sum << "</td>";
  };
  OS << "<table id=\"summary\">\n<thead><tr><th>arch</th><th>rule</th>"
     << "<th>converted</th><th>refused</th><th>conflict</th><th>sites</th>"
     << "</tr></thead>\n<tbody>\n";
  for (const auto &[Key, Counts] : Rows) {
    OS << "<tr class=\"summary-row\" data-arch=\"" << htmlEscape(Key.first)
       << "\" data-rule=\"" << htmlEscape(Key.second)
       << "\"><td class=\"arch\">" << htmlEscape(Key.first)
       << "</td><td class=\"rule\">" << htmlEscape(Key.second) << "</td>";
    Cells(Counts);
    OS << "</tr>\n";
  }
  OS << "</tbody>\n<tfoot><tr id=\"summary-total\"><td colspan=\"2\">all</td>";
  Cells(Total);
  OS << "</tr></tfoot>\n</table>\n";
}

void ReportWriter::writeFilters() {
  std::set<std::string> Rules, Arches, Kinds;
  for (const Site &S : Sites) {
    Rules.insert(S.F->Rule);
    Arches.insert(S.Arch);
    Kinds.insert(kindName(S.F->Kind).str());
  }
  auto Select = [&](llvm::StringRef Name, const std::set<std::string> &Values) {
    OS << "<label>" << Name << " <select id=\"filter-" << Name
       << "\"><option value=\"\">all</option>";
    for (const std::string &V : Values)
      OS << "<option value=\"" << htmlEscape(V) << "\">" << htmlEscape(V)
         << "</option>";
    OS << "</select></label>\n";
  };
  OS << "<nav class=\"filters\">\n";
  Select("rule", Rules);
  Select("arch", Arches);
  Select("status", Kinds);
  OS << "<span>showing <span id=\"shown-count\">" << Sites.size()
     << "</span> of <span id=\"total-count\">" << Sites.size()
     << "</span> sites</span>\n</nav>\n";
}

void ReportWriter::writeSite(const Site &S) {
  const Finding &F = *S.F;
  llvm::StringRef Status = kindName(F.Kind);
  OS << "<article class=\"site\" id=\"" << S.Id << "\" data-rule=\""
     << htmlEscape(F.Rule) << "\" data-arch=\"" << htmlEscape(S.Arch)
     << "\" data-status=\"" << Status << "\" data-file=\"" << htmlEscape(S.File)
     << "\" data-line=\"" << F.Line << "\" data-column=\"" << F.Column
     << "\" data-group=\"" << S.Group << "\">\n<header><span class=\"where\">"
     << htmlEscape(S.File) << ":" << F.Line << ":" << F.Column
     << "</span><span class=\"badge " << Status << "\">" << Status
     << "</span><span class=\"badge rule\">" << htmlEscape(F.Rule)
     << "</span><a class=\"permalink\" href=\"#" << S.Id
     << "\" title=\"permalink\">&para;</a></header>\n<p class=\"message\">"
     << htmlEscape(F.Message) << "</p>\n";
  if (F.Kind == FindingKind::Converted)
    writeDiff(F);
  else
    writeContext(F);
  OS << "</article>\n";
}

const FileChange *ReportWriter::changeOf(llvm::StringRef Path) {
  auto It = Changes.find(Path.str());
  if (It != Changes.end())
    return It->second;
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return nullptr;
  It = Changes.find(std::string(Real));
  return It == Changes.end() ? nullptr : It->second;
}

std::optional<llvm::StringRef> ReportWriter::contentsOf(llvm::StringRef Path) {
  if (const FileChange *Change = changeOf(Path))
    return llvm::StringRef(Change->Old);
  auto [It, New] = Files.try_emplace(Path.str());
  if (New) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (Buffer)
      It->second = std::move(*Buffer);
  }
  if (!It->second)
    return std::nullopt;
  return It->second->getBuffer();
}

// The site's edits as the run makes them: the formatted edits of its files
// that touch its replacements, as a diff with two lines of context.
void ReportWriter::writeDiff(const Finding &F) {
  std::map<std::string, std::vector<const clang::tooling::Replacement *>>
      ByFile;
  for (const clang::tooling::Replacement &R : F.Replacements)
    ByFile[R.getFilePath().str()].push_back(&R);
  std::string Diffs;
  for (const auto &[Path, Mine] : ByFile) {
    clang::tooling::Replacements Edits;
    llvm::StringRef Old;
    if (const FileChange *Change = changeOf(Path)) {
      Old = Change->Old;
      for (const clang::tooling::Replacement &E : Change->Edits) {
        bool Touches = llvm::any_of(Mine, [&](const auto *R) {
          return E.getOffset() <= R->getOffset() + R->getLength() &&
                 R->getOffset() <= E.getOffset() + E.getLength();
        });
        if (Touches)
          llvm::consumeError(Edits.add(E));
      }
    }
    if (Edits.empty()) {
      // Not among the run's changes (a --check run keeps them all; this is
      // a site whose file could not be read): its own replacements.
      std::optional<llvm::StringRef> Contents = contentsOf(Path);
      if (!Contents)
        continue;
      Old = *Contents;
      for (const clang::tooling::Replacement *R : Mine)
        llvm::consumeError(Edits.add(*R));
    }
    Diffs += unifiedDiff(relative(Path), Old, Edits, /*Context=*/2);
  }
  writeDiffText(Diffs);
}

void ReportWriter::writeDiffText(llvm::StringRef Diff) {
  OS << "<table class=\"diff\">\n";
  unsigned OldLine = 0, NewLine = 0;
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Diff.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines) {
    if (L.startswith("diff --git ") || L.startswith("--- ") ||
        L.startswith("+++ ") || L.startswith("\\"))
      continue;
    if (L.startswith("@@")) {
      // @@ -OLD[,N] +NEW[,N] @@
      llvm::StringRef Rest = L.drop_front(3);
      Rest.drop_front(1).split(',').first.split(' ').first.getAsInteger(
          10, OldLine);
      Rest = Rest.substr(Rest.find('+') + 1);
      Rest.split(',').first.split(' ').first.getAsInteger(10, NewLine);
      Highlight.reset();
      OS << "<tr class=\"hunk\"><td class=\"no\"></td><td class=\"no\"></td>"
         << "<td class=\"code\">" << htmlEscape(L) << "</td></tr>\n";
      continue;
    }
    char Mark = L.empty() ? ' ' : L.front();
    llvm::StringRef Class = Mark == '+' ? "add" : Mark == '-' ? "del" : "ctx";
    std::string Old = Mark == '+' ? "" : std::to_string(OldLine++);
    std::string New = Mark == '-' ? "" : std::to_string(NewLine++);
    OS << "<tr class=\"" << Class << "\"><td class=\"no\">" << Old
       << "</td><td class=\"no\">" << New << "</td><td class=\"code\">"
       << htmlEscape(llvm::StringRef(&Mark, 1))
       << Highlight.line(L.empty() ? L : L.drop_front()) << "</td></tr>\n";
  }
  OS << "</table>\n";
}

void ReportWriter::writeContext(const Finding &F) {
  OS << "<pre class=\"context\">";
  std::optional<llvm::StringRef> Contents = contentsOf(F.FilePath);
  if (!Contents || F.Line == 0) {
    OS << "<span class=\"line focus\">(the source is not readable)</span>";
  } else {
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    Contents->split(Lines, '\n');
    unsigned First = F.Line > ContextLines ? F.Line - ContextLines : 1;
    unsigned Last = std::min<unsigned>(F.Line + ContextLines, Lines.size());
    Highlight.reset();
    for (unsigned N = First; N <= Last; ++N)
      OS << "<span class=\"line" << (N == F.Line ? " focus" : "")
         << "\"><span class=\"no\">" << N << "</span> <span class=\"src\">"
         << Highlight.line(Lines[N - 1].rtrim("\r")) << "</span></span>";
  }
  OS << "</pre>\n";
}

} // namespace

void writeHtmlReport(llvm::raw_ostream &OS, const PipelineResult &Result,
                     const MigrationOptions &Options,
                     llvm::StringRef ToolVersion) {
  ReportWriter(OS, Result, Options).write(ToolVersion);
}

} // namespace pgmigrate
