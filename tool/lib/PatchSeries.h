//===- PatchSeries.h - The result as a patch series to send -----*- C++ -*-===//
//
// --series DIR: the run's edits as a `git format-patch`-style series that
// a maintainer can review and send, one patch per area, in an order whose
// every prefix builds:
//   1. the renames of declarations that clash with the new API
//      (name-conflicts), one patch per arch: the generic names cannot exist
//      before them;
//   2. with --series-include-api, the API itself (--emit-api's text in
//      include/linux/mm.h and mm/memory.c);
//   3. the conversions, one patch per area (the kernel's subject prefix of
//      the file's place: "x86/mm/pat", "x86/kexec" for
//      arch/x86/kernel/machine_kexec_64.c, "asm-generic"; or, with
//      --split=maintainers, the MAINTAINERS section that covers it), areas
//      that share an object group merged into one patch, so that no object
//      is half-migrated between two patches;
//   4. with --rename-descriptor-api, the rename of pagetable_alloc() (rule
//      rename-descriptor) in one patch: after the conversions, which
//      rewrite some of its calls, so that it renames the declarations and
//      every call left at once (the API's text calls the old name until
//      then).
// A file whose edits fall in two patches (an arm64 file with a renamed
// parameter and a conversion) goes through both, the later patch applying
// to the file as the earlier one left it. 0000-cover-letter.patch lists
// the patches and the refused sites by reason.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_PATCHSERIES_H
#define PGMIGRATE_TOOL_PATCHSERIES_H

#include "MigrationPipeline.h"
#include "pgmigrate/Options.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace pgmigrate {

struct SeriesOptions {
  /// Add the API patch (--series-include-api).
  bool IncludeApi = false;
  /// --split=maintainers: one conversion patch per MAINTAINERS section
  /// (the most specific that covers each file), each addressed To: the
  /// maintainers and Cc: the reviewers and lists of the sections that
  /// cover its files; else one per area (the file's directory).
  bool SplitByMaintainers = false;
  /// "Name <email>": the From: of every patch.
  std::string Author;
  /// Add "Signed-off-by: Author" (when git config names the author).
  bool SignOff = false;
  /// The Date: header (RFC 2822).
  std::string Date;
};

struct SeriesPatch {
  /// "x86/mm: Convert page table allocations to pgtable_alloc()".
  std::string Subject;
  /// The commit message's body, wrapped at 72 columns.
  std::string Body;
  /// The unified diff (git apply / git am).
  std::string Diff;
  /// With --split=maintainers: the To: and Cc: addresses.
  std::vector<std::string> To;
  std::vector<std::string> Cc;
};

struct Series {
  std::string CoverSubject;
  std::string CoverBody;
  std::vector<SeriesPatch> Patches;
};

/// The series of Result's edits (see above).
llvm::Expected<Series> planSeries(const PipelineResult &Result,
                                  const MigrationOptions &Options,
                                  const SeriesOptions &SeriesOpts);

/// Writes 0000-cover-letter.patch and NNNN-<subject>.patch into Dir
/// (created when missing; files of an earlier series there are replaced).
/// Returns the paths written.
llvm::Expected<std::vector<std::string>>
writeSeries(const Series &S, const SeriesOptions &SeriesOpts,
            llvm::StringRef Dir);

/// The author and date from the environment: git config user.name and
/// user.email in Root (SignOff when both are set, else a placeholder
/// author), SOURCE_DATE_EPOCH or the current time.
SeriesOptions seriesOptionsFromEnvironment(llvm::StringRef Root,
                                           bool IncludeApi);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_PATCHSERIES_H
