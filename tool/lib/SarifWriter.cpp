//===- SarifWriter.cpp ----------------------------------------------------===//

#include "SarifWriter.h"
#include "SourceRoot.h"
#include "pgmigrate/Rules.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SHA1.h"

namespace pgmigrate {

namespace {

// A URI for a path: relative to Root (resolved through SRCROOT) or file://.
llvm::json::Object artifactLocation(llvm::StringRef Root,
                                    llvm::StringRef Path) {
  if (std::optional<std::string> Relative = relativeToRoot(Root, Path))
    return llvm::json::Object{{"uri", *Relative}, {"uriBaseId", "SRCROOT"}};
  return llvm::json::Object{{"uri", "file://" + Path.str()}};
}

// Stable across unrelated edits that move the site: rule, file and message.
std::string fingerprint(const Finding &F, llvm::StringRef Root) {
  llvm::SHA1 Hash;
  Hash.update(F.Rule);
  Hash.update(relativeToRoot(Root, F.FilePath).value_or(F.FilePath));
  Hash.update(F.Message);
  return llvm::toHex(Hash.final(), /*LowerCase=*/true).substr(0, 32);
}

// The rules, in registry order (results point at them by index).
llvm::json::Array sarifRules() {
  llvm::json::Array Rules;
  for (const RuleInfo &Info : allRules())
    Rules.push_back(llvm::json::Object{
        {"id", Info.Name},
        {"shortDescription", llvm::json::Object{{"text", Info.Summary}}},
        {"fullDescription", llvm::json::Object{{"text", Info.Summary}}},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
    });
  return Rules;
}

int ruleIndex(llvm::StringRef Name) {
  int Index = 0;
  for (const RuleInfo &Info : allRules()) {
    if (Info.Name == Name)
      return Index;
    ++Index;
  }
  return -1;
}

// A converted finding's edits as one SARIF fix.
llvm::json::Array sarifFixes(const Finding &F, llvm::StringRef Root) {
  llvm::json::Array Changes;
  for (const clang::tooling::Replacement &R : F.Replacements)
    Changes.push_back(llvm::json::Object{
        {"artifactLocation", artifactLocation(Root, R.getFilePath())},
        {"replacements",
         llvm::json::Array{llvm::json::Object{
             {"deletedRegion",
              llvm::json::Object{{"charOffset", R.getOffset()},
                                 {"charLength", R.getLength()}}},
             {"insertedContent",
              llvm::json::Object{{"text", R.getReplacementText()}}},
         }}},
    });
  return llvm::json::Array{llvm::json::Object{
      {"description", llvm::json::Object{{"text", F.Message}}},
      {"artifactChanges", std::move(Changes)},
  }};
}

llvm::json::Object sarifResult(const Finding &F, llvm::StringRef Root) {
  llvm::json::Object Result{
      {"ruleId", F.Rule},
      {"ruleIndex", ruleIndex(F.Rule)},
      {"level", "warning"},
      {"message", llvm::json::Object{{"text", F.Message}}},
      {"locations",
       llvm::json::Array{llvm::json::Object{
           {"physicalLocation",
            llvm::json::Object{
                {"artifactLocation", artifactLocation(Root, F.FilePath)},
                {"region", llvm::json::Object{{"startLine", F.Line},
                                              {"startColumn", F.Column}}},
            }}}}},
      {"partialFingerprints",
       llvm::json::Object{{"pgtableMigrate/v1", fingerprint(F, Root)}}},
      {"properties", llvm::json::Object{{"kind", kindName(F.Kind)}}},
  };
  if (!F.Replacements.empty())
    Result["fixes"] = sarifFixes(F, Root);
  return Result;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                llvm::StringRef Root, llvm::StringRef ToolVersion) {
  llvm::json::Array Results;
  for (const Finding &F : Findings)
    Results.push_back(sarifResult(F, Root));

  std::string RootUri = "file://" + Root.str();
  if (!llvm::StringRef(RootUri).endswith("/"))
    RootUri += "/";
  llvm::json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       llvm::json::Array{llvm::json::Object{
           {"tool",
            llvm::json::Object{
                {"driver", llvm::json::Object{{"name", "pgtable-migrate"},
                                              {"semanticVersion", ToolVersion},
                                              {"rules", sarifRules()}}}}},
           {"originalUriBaseIds",
            llvm::json::Object{
                {"SRCROOT", llvm::json::Object{{"uri", RootUri}}}}},
           {"results", std::move(Results)},
       }}},
  };
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << "\n";
}

} // namespace pgmigrate
