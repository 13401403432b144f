//===- DiagnosticsWriter.cpp ----------------------------------------------===//

#include "DiagnosticsWriter.h"
#include "FixesExport.h"
#include "pgmigrate/ArchPath.h"
#include "llvm/Support/JSON.h"

namespace pgmigrate {

void writeTextDiagnostics(llvm::raw_ostream &OS,
                          const std::vector<Finding> &Findings) {
  for (const Finding &F : Findings)
    OS << F.FilePath << ':' << F.Line << ':' << F.Column
       << ": warning: " << F.Message << " [" << F.Rule << "]\n";
}

void writeJsonDiagnostics(llvm::raw_ostream &OS,
                          const std::vector<Finding> &Findings,
                          llvm::StringRef Root) {
  llvm::json::Array Array;
  for (const Finding &F : Findings) {
    llvm::json::Array Replacements;
    for (const clang::tooling::Replacement &R : F.Replacements) {
      llvm::json::Object Edit{
          {"file", R.getFilePath()},
          {"offset", R.getOffset()},
          {"length", R.getLength()},
      };
      // JSON strings are UTF-8: other bytes would be replaced, so the text
      // is left out and the edit says so (the diff and -i carry it).
      if (isRepresentableText(R.getReplacementText()))
        Edit["text"] = R.getReplacementText();
      else
        Edit["textNotUtf8"] = true;
      Replacements.push_back(std::move(Edit));
    }
    Array.push_back(llvm::json::Object{
        {"rule", F.Rule},
        {"kind", kindName(F.Kind)},
        {"arch", archNameOf(F.FilePath, Root)},
        {"file", F.FilePath},
        {"line", F.Line},
        {"column", F.Column},
        {"offset", F.Offset},
        {"message", F.Message},
        {"replacements", std::move(Replacements)},
    });
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"findings", std::move(Array)}}))
     << "\n";
}

} // namespace pgmigrate
