//===- RunDecisions.cpp ---------------------------------------------------===//

#include "pgmigrate/RunDecisions.h"
#include "analysis/LevelTarget.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace json = llvm::json;

namespace pgmigrate {

static constexpr int64_t RunVersion = 1;

RunDecisions RunDecisions::of(llvm::ArrayRef<Finding> Findings,
                              std::vector<ProvenanceFacts> Units) {
  RunDecisions Run;
  Run.Units = mergeFactsByConfig(std::move(Units));
  for (const Finding &F : Findings) {
    if (F.ObjectSite.empty())
      continue;
    bool Converted = F.Kind == FindingKind::Converted;
    bool Guarded = Converted && F.AddsNullTest;
    std::string Level = Converted ? F.Level.Applied : "";
    Run.Decisions[{F.ObjectSite, F.Rule}] = {Converted, Guarded, F.Message,
                                             Level};
    // An edit of a macro's definition: the same decision for every
    // expansion.
    for (const std::string &Site : F.MoreObjectSites)
      Run.Decisions[{Site, F.Rule}] = {Converted, Guarded, F.Message, Level};
  }
  return Run;
}

// Streamed one unit at a time: the facts of a kernel-sized run are
// gigabytes as one llvm::json::Value tree.
void writeRunDecisions(llvm::raw_ostream &OS, const RunDecisions &Run) {
  json::OStream J(OS);
  J.object([&] {
    J.attribute("version", RunVersion);
    J.attributeArray("units", [&] {
      for (const ProvenanceFacts &Unit : Run.Units)
        J.value(factsToJsonValue(Unit));
    });
    J.attributeArray("decisions", [&] {
      for (const auto &Entry : Run.Decisions)
        J.object([&] {
          const RunDecisions::Decision &D = Entry.second;
          J.attribute("site", Entry.first.first);
          J.attribute("rule", Entry.first.second);
          J.attribute("converted", D.Converted);
          J.attribute("addsNullTest", D.AddsNullTest);
          J.attribute("message", D.Message);
          if (!D.Level.empty())
            J.attribute("level", D.Level);
        });
    });
  });
  OS << "\n";
}

std::string runDecisionsToJson(const RunDecisions &Run) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeRunDecisions(OS, Run);
  return Text;
}

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message.str());
}

llvm::Expected<RunDecisions> runDecisionsFromJson(llvm::StringRef Json) {
  llvm::Expected<json::Value> Parsed = json::parse(Json);
  if (!Parsed)
    return error("the facts file is not JSON: " +
                 llvm::toString(Parsed.takeError()));
  const json::Object *O = Parsed->getAsObject();
  if (!O)
    return error("expected object at run");
  std::optional<int64_t> Version = O->getInteger("version");
  if (!Version)
    return error("expected integer at run.version");
  if (*Version != RunVersion)
    return error(llvm::formatv("facts file version {0} is not supported (this "
                               "build reads version {1})",
                               *Version, RunVersion));
  RunDecisions Run;
  const json::Array *Units = O->getArray("units");
  if (!Units)
    return error("expected array at run.units");
  for (size_t I = 0; I < Units->size(); ++I) {
    llvm::Expected<ProvenanceFacts> Unit = factsFromJsonValue((*Units)[I]);
    if (!Unit)
      return error("run.units[" + llvm::Twine(I) +
                   "]: " + llvm::toString(Unit.takeError()));
    Run.Units.push_back(std::move(*Unit));
  }
  const json::Array *Decisions = O->getArray("decisions");
  if (!Decisions)
    return error("expected array at run.decisions");
  json::Path::Root Root("run");
  json::Path Top(Root); // the paths below point into it: it must outlive them
  json::Path DecisionsPath = Top.field("decisions");
  for (size_t I = 0; I < Decisions->size(); ++I) {
    std::string Site, Rule;
    RunDecisions::Decision D;
    json::ObjectMapper M((*Decisions)[I], DecisionsPath.index(I));
    if (!(M && M.map("site", Site) && M.map("rule", Rule) &&
          M.map("converted", D.Converted) &&
          M.map("addsNullTest", D.AddsNullTest) &&
          M.map("message", D.Message) && M.mapOptional("level", D.Level)))
      return Root.getError();
    Run.Decisions[{Site, Rule}] = std::move(D);
  }
  return std::move(Run);
}

void applyRunDecisions(
    std::vector<Finding> &Findings, const RunDecisions &Run,
    const std::map<std::pair<std::string, std::string>, RuleEdits> &Original,
    llvm::StringRef File) {
  for (Finding &F : Findings) {
    if (F.ObjectSite.empty())
      continue;
    auto It = Run.Decisions.find({F.ObjectSite, F.Rule});
    if (It == Run.Decisions.end()) {
      F.Message = "not converted: the facts file '" + File.str() +
                  "' has no decision for this site (it was written by a "
                  "run over other databases, or before the file changed; "
                  "run pgtable-migrate --facts-out again)";
      F.Kind = FindingKind::Refused;
      F.Replacements.clear();
      continue;
    }
    const RunDecisions::Decision &D = It->second;
    auto Edits = Original.find({F.ObjectSite, F.Rule});
    const std::vector<clang::tooling::Replacement> *Chosen = nullptr;
    if (D.Converted && Edits != Original.end())
      Chosen = D.AddsNullTest ? &Edits->second.Guarded : &Edits->second.Plain;
    if (Chosen && !Chosen->empty()) {
      F.Kind = FindingKind::Converted;
      F.Replacements = *Chosen;
      // The run's per-level form of the rule's edits (--target=level).
      if (!D.Level.empty()) {
        F.GuardedReplacements.clear();
        applyLevelForm(F, D.Level);
      }
    } else {
      F.Kind = FindingKind::Refused;
      F.Replacements.clear();
    }
    F.Message = D.Message;
  }
}

} // namespace pgmigrate
