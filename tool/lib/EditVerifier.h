//===- EditVerifier.h - Rewritten units must still compile ------*- C++ -*-===//
//
// --verify (on by default): every unit whose findings edit a file is parsed
// again, with the files as the run would write them laid over the tree in
// memory (nothing is written) and the same compile command. The unit fails
// when that parse has an error or a warning its parse of the files as they
// are did not have (compared without their line and column, which the
// edits move). The pipeline then withdraws every rewritten file the unit
// reads (which edit broke it is not known), with their object groups, and
// merges again.
//
// Where the tree lacks the new API (the unit's include/linux/mm.h does not
// declare it), the declarations --emit-api prints are laid into that
// mm.h, before its last #endif, as the kernel would gain them. When the
// rewritten unit then shows something new, the files as they are are parsed
// with the API too, and what the API alone breaks (arm64's function-pointer
// parameters named pgtable_alloc, which name-conflicts reports) is not held
// against the edits.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_EDITVERIFIER_H
#define PGMIGRATE_TOOL_EDITVERIFIER_H

#include "TranslationUnitRunner.h"
#include "pgmigrate/Options.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pgmigrate {

/// A unit whose findings edit files, and what it read.
struct UnitWithEdits {
  CompileJob Job;
  /// Real paths, as TranslationUnitResult::ReadFiles.
  std::vector<std::string> ReadFiles;
  /// The files its findings edit.
  std::set<std::string> EditedFiles;
  /// Clang's warnings when the unit was parsed (TranslationUnitResult::
  /// Warnings): a rewritten parse must not add any.
  std::string Warnings;
};

struct VerifyFailure {
  /// Index into the units given to verify().
  size_t Unit = 0;
  /// Clang's new errors and warnings, one per line.
  std::string Messages;
};

class EditVerifier {
public:
  EditVerifier(const TranslationUnitRunner &Runner,
               const MigrationOptions &Options, unsigned Threads)
      : Runner(Runner), Options(Options), Threads(Threads) {}

  /// Checks the units whose edited files are among NewContents (path ->
  /// the file as it would be written) and whose view of the rewritten files
  /// changed since the last call; returns those that fail, in order.
  std::vector<VerifyFailure>
  verify(const std::vector<UnitWithEdits> &Units,
         const std::map<std::string, std::string> &NewContents);

  /// Units parsed again so far.
  unsigned verifiedUnits() const { return Verified; }

private:
  const TranslationUnitRunner &Runner;
  const MigrationOptions &Options;
  unsigned Threads;
  /// Per unit: the signature of the rewritten files it read at its last
  /// check.
  std::map<size_t, uint64_t> LastView;
  /// Per unit whose mm.h lacks the API: its errors and warnings with the
  /// API laid in and no edit (read only between parallel sections).
  std::map<size_t, std::string> Baselines;
  unsigned Verified = 0;
};

/// The lines of Rewritten (clang's "file:line:col: warning: ..." and
/// "...: error: ..." lines) that Original does not have as often, compared
/// without line and column.
std::string newDiagnostics(llvm::StringRef Original, llvm::StringRef Rewritten);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_EDITVERIFIER_H
