//===- ScannerFuzzer.cpp - libFuzzer target: the name-conflicts scan ------===//
//
// Arbitrary bytes as one file of a kernel tree through the lexical half of
// rule "name-conflicts": NameConflictsScan::scanFile() (the raw lexer,
// FileTokens, the ConflictScanner's classifier), then decide() over that
// file (the LexicalConflictDecider). The first byte of an input picks the
// file's place and kind and the options, the rest is the file's text (see
// README.md). Besides crashes, ASan reports and leaks, it checks what
// ConflictScanner.h, NameConflictsScan.h and Finding.h promise of the
// tokens and findings.
//
//===----------------------------------------------------------------------===//

#include "pgmigrate/NameConflictsScan.h"
#include "pgmigrate/Options.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace pgmigrate;

namespace {

const char *const Root = "/k";
// collect_seeds.py picks a seed's selector byte by these two lists.
const char *const Directories[] = {"arch/x86/mm", "arch/sparc/mm", "mm",
                                   "include/linux"};
const char *const Extensions[] = {".c", ".h", ".S"};
// The selector modulo 48: extension + 3 * directory + 12 * renaming on +
// 24 * the "addr" API.
constexpr unsigned Kinds = 48;

[[noreturn]] void fail(const llvm::Twine &What) {
  llvm::errs() << "ScannerFuzzer: " << What << "\n";
  std::abort();
}

void check(bool Holds, const char *What) {
  if (!Holds)
    fail(What);
}

// The scan of one setting of the options, made on first use; kept for the
// whole run like a front end keeps it for a whole tree.
const NameConflictsScan &scanFor(bool Rename, bool Addr) {
  static std::unique_ptr<NameConflictsScan> Scans[2][2];
  std::unique_ptr<NameConflictsScan> &Scan = Scans[Rename][Addr];
  if (!Scan) {
    OptionSettings Settings;
    Settings.Rules = "name-conflicts";
    Settings.Values["RenameConflicts"] = Rename ? "true" : "false";
    Settings.Values["Api"] = Addr ? "addr" : "default";
    llvm::Expected<MigrationOptions> Options = buildOptions(Settings);
    if (!Options)
      fail("buildOptions: " + llvm::toString(Options.takeError()));
    check(NameConflictsScan::isEnabled(*Options),
          "name-conflicts is not enabled");
    Options->TreeRoot = Root;
    Scan = std::make_unique<NameConflictsScan>(*Options, Root);
  }
  return *Scan;
}

// ConflictScanner.h: every token is an identifier of the text spelled as
// its name, in order, with its 1-based line and column.
void checkTokens(llvm::StringRef Text,
                 const std::vector<ScannedToken> &Tokens) {
  unsigned Line = 1, LineStart = 0, Counted = 0, Previous = 0;
  for (const ScannedToken &T : Tokens) {
    check(T.Offset >= Previous, "tokens out of order");
    Previous = T.Offset;
    check(!T.Name.empty() && T.Offset <= Text.size() &&
              Text.substr(T.Offset, T.Name.size()) == T.Name,
          "a token's name is not what the text holds at its offset");
    for (; Counted < T.Offset; ++Counted)
      if (Text[Counted] == '\n') {
        ++Line;
        LineStart = Counted + 1;
      }
    check(T.Line == Line && T.Column == T.Offset - LineStart + 1,
          "a token's line or column does not match its offset");
  }
}

// Finding.h and NameConflictsScan.h: the findings of one file are at its
// places, and their edits replace characters of it.
void checkResult(llvm::StringRef Path, llvm::StringRef Text,
                 const NameConflictsScanResult &Result) {
  check(Result.FilesWithNames <= 1, "more files with names than files");
  check(Result.DecidedLexically <= Result.Tokens,
        "more tokens decided than found");
  for (const Finding &F : Result.Findings) {
    check(F.Rule == "name-conflicts", "a finding of another rule");
    check(F.FilePath == Path, "a finding in another file");
    check(F.Offset < Text.size() && F.Line >= 1 && F.Column >= 1,
          "a finding outside its file");
    for (const clang::tooling::Replacement &R : F.Replacements)
      check(R.getFilePath() == Path &&
                R.getOffset() + R.getLength() <= Text.size(),
            "an edit outside its file");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  unsigned Kind = Data[0] % Kinds;
  std::string Path = std::string(Root) + "/" + Directories[Kind / 3 % 4] +
                     "/fuzz" + Extensions[Kind % 3];
  const NameConflictsScan &Scan = scanFor(Kind / 12 % 2, Kind / 24 % 2);
  // Not null-terminated: scanFile() takes any StringRef.
  llvm::StringRef Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);

  ConflictFileScan File = Scan.scanFile(Path, Text);
  if (!File.Path.empty()) {
    check(File.Path == Path, "the scan names another file");
    check(File.Assembly == llvm::StringRef(Path).endswith(".S"),
          "assembly is not the .S files");
  }
  checkTokens(Text, File.Tokens);

  std::vector<ConflictFileScan> Files;
  Files.push_back(std::move(File));
  checkResult(Path, Text, Scan.decide(std::move(Files)));
  return 0;
}
