//===- SarifWriter.cpp ----------------------------------------------------===//

#include "SarifWriter.h"
#include "FixesExport.h"
#include "SourceRoot.h"
#include "pgmigrate/Rules.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SHA1.h"

namespace pgmigrate {

std::string percentEncodePath(llvm::StringRef Path) {
  std::string Encoded;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/')
      Encoded += char(C);
    else
      Encoded += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Encoded;
}

namespace {

// A URI for a path: relative to Root (resolved through SRCROOT) or file://.
llvm::json::Object artifactLocation(llvm::StringRef Root,
                                    llvm::StringRef Path) {
  if (std::optional<std::string> Relative = relativeToRoot(Root, Path))
    return llvm::json::Object{{"uri", percentEncodePath(*Relative)},
                              {"uriBaseId", "SRCROOT"}};
  return llvm::json::Object{{"uri", "file://" + percentEncodePath(Path)}};
}

// The run's invocation: whether it succeeded, and what went wrong.
llvm::json::Object
sarifInvocation(const std::vector<SarifNotification> &Notifications,
                llvm::StringRef Root) {
  llvm::json::Array Listed;
  bool Successful = true;
  for (const SarifNotification &N : Notifications) {
    Successful &= !N.IsError;
    llvm::json::Object Notification{
        {"level", N.IsError ? "error" : "warning"},
        {"message", llvm::json::Object{{"text", N.Text}}},
    };
    if (!N.File.empty())
      Notification["locations"] = llvm::json::Array{llvm::json::Object{
          {"physicalLocation",
           llvm::json::Object{
               {"artifactLocation", artifactLocation(Root, N.File)}}}}};
    Listed.push_back(std::move(Notification));
  }
  return llvm::json::Object{{"executionSuccessful", Successful},
                            {"toolExecutionNotifications", std::move(Listed)}};
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

// A converted finding's edits as one SARIF fix; none when an edit's text
// is not UTF-8 (a JSON string would replace its bytes).
llvm::json::Array sarifFixes(const Finding &F, llvm::StringRef Root) {
  llvm::json::Array Changes;
  for (const clang::tooling::Replacement &R : F.Replacements)
    if (!isRepresentableText(R.getReplacementText()))
      return {};
  for (const clang::tooling::Replacement &R : F.Replacements)
    Changes.push_back(llvm::json::Object{
        {"artifactLocation", artifactLocation(Root, R.getFilePath())},
        {"replacements",
         llvm::json::Array{llvm::json::Object{
             {"deletedRegion",
              llvm::json::Object{{"byteOffset", R.getOffset()},
                                 {"byteLength", R.getLength()}}},
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
  if (!F.Replacements.empty()) {
    llvm::json::Array Fixes = sarifFixes(F, Root);
    if (Fixes.empty())
      Result["properties"] =
          llvm::json::Object{{"kind", kindName(F.Kind)}, {"fixNotUtf8", true}};
    else
      Result["fixes"] = std::move(Fixes);
  }
  return Result;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const std::vector<SarifNotification> &Notifications,
                llvm::StringRef Root, llvm::StringRef ToolVersion) {
  llvm::json::Array Results;
  for (const Finding &F : Findings)
    Results.push_back(sarifResult(F, Root));

  std::string RootUri = "file://" + percentEncodePath(Root);
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
           {"invocations",
            llvm::json::Array{sarifInvocation(Notifications, Root)}},
           {"results", std::move(Results)},
       }}},
  };
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << "\n";
}

} // namespace pgmigrate
