//===- RunDecisions.cpp ---------------------------------------------------===//

#include "pgmigrate/RunDecisions.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace json = llvm::json;

namespace pgmigrate {

static constexpr int64_t RunVersion = 1;

RunDecisions RunDecisions::of(llvm::ArrayRef<Finding> Findings,
                              std::vector<ProvenanceFacts> Units) {
  RunDecisions Run;
  Run.Units = std::move(Units);
  for (const Finding &F : Findings)
    if (!F.ObjectSite.empty())
      Run.Decisions[{F.ObjectSite, F.Rule}] = {F.Kind == FindingKind::Converted,
                                               F.Message};
  return Run;
}

std::string runDecisionsToJson(const RunDecisions &Run) {
  json::Array Units;
  for (const ProvenanceFacts &Unit : Run.Units)
    Units.push_back(factsToJsonValue(Unit));
  json::Array Decisions;
  for (const auto &[Key, D] : Run.Decisions)
    Decisions.push_back(json::Object{{"site", Key.first},
                                     {"rule", Key.second},
                                     {"converted", D.Converted},
                                     {"message", D.Message}});
  json::Object O{{"version", RunVersion},
                 {"units", std::move(Units)},
                 {"decisions", std::move(Decisions)}};
  return llvm::formatv("{0:2}", json::Value(std::move(O))).str() + "\n";
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
          M.map("converted", D.Converted) && M.map("message", D.Message)))
      return Root.getError();
    Run.Decisions[{Site, Rule}] = std::move(D);
  }
  return std::move(Run);
}

void applyRunDecisions(
    std::vector<Finding> &Findings, const RunDecisions &Run,
    const std::map<std::pair<std::string, std::string>,
                   std::vector<clang::tooling::Replacement>> &Original,
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
    if (D.Converted && Edits != Original.end() && !Edits->second.empty()) {
      F.Kind = FindingKind::Converted;
      F.Replacements = Edits->second;
    } else {
      F.Kind = FindingKind::Refused;
      F.Replacements.clear();
    }
    F.Message = D.Message;
  }
}

} // namespace pgmigrate
