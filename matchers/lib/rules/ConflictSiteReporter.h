//===- ConflictSiteReporter.h - name-conflicts' findings --------*- C++ -*-===//
//
// How the AST half of rule "name-conflicts" reports one site of a unit:
// where the name's token is written and whether it can be edited there,
// whether a new name is already taken in the unit, and the finding itself
// (each site once per message). Rule "rename-descriptor" reports through
// it too, in its own words (RenameVoice).
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_RULES_CONFLICTSITEREPORTER_H
#define PGMIGRATE_RULES_CONFLICTSITEREPORTER_H

#include "pgmigrate/Finding.h"
#include "pgmigrate/Options.h"
#include "rules/NameConflicts.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <set>
#include <string>
#include <tuple>

namespace pgmigrate {

/// How a rule's rename findings speak: the rule, whether it renames, and
/// its messages.
struct RenameVoice {
  llvm::StringRef Rule;
  bool Rename = false;
  /// A rename (Renamed) or a report of one not made (renaming is off).
  std::string (*Message)(llvm::StringRef Name, llvm::StringRef What,
                         llvm::StringRef NewName, bool Renamed);
  /// A refusal and its reason.
  std::string (*Refusal)(llvm::StringRef Name, llvm::StringRef What,
                         llvm::StringRef Reason);
  /// Finding::WholeRename of every finding emitted (may be empty).
  std::string WholeRename;
};

/// name-conflicts' voice (conflictMessage, conflictRefusal).
RenameVoice nameConflictsVoice(const MigrationOptions &Options);

class ConflictSiteReporter {
public:
  /// PP: the unit's preprocessor, when the rule saw it (for macros).
  ConflictSiteReporter(const MigrationOptions &Options, clang::ASTContext &Ctx,
                       const clang::Preprocessor *PP, FindingSink &Sink)
      : ConflictSiteReporter(Ctx, PP, Sink, nameConflictsVoice(Options)) {}
  /// The same, speaking with Voice.
  ConflictSiteReporter(clang::ASTContext &Ctx, const clang::Preprocessor *PP,
                       FindingSink &Sink, RenameVoice Voice)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()),
        PP(PP), Sink(Sink), Voice(std::move(Voice)) {}

  /// Where a name's token is written, and why it cannot be edited there
  /// (Reason empty: it can).
  struct Place {
    clang::SourceLocation At;
    std::string Reason;
  };

  /// The place of the token Name at Loc. A token in a macro body is edited
  /// in the body when AllowBody is set: the body then serves every
  /// expansion alike.
  Place place(clang::SourceLocation Loc, llvm::StringRef Name,
              bool AllowBody) const;

  /// Whether NewName is already a file-scope declaration or a macro.
  bool taken(llvm::StringRef NewName, ConflictScope Scope) const;
  /// The refusal reason when taken() is true.
  std::string takenReason(llvm::StringRef NewName, ConflictScope Scope) const;

  /// "file.h:12": the file name and line of Loc's expansion.
  std::string where(clang::SourceLocation Loc) const;

  /// One finding at the token Name at P: a rename to NewName (Converted)
  /// or a report (Refused).
  void emit(const Place &P, llvm::StringRef Name, llvm::StringRef What,
            llvm::StringRef NewName, llvm::StringRef Refusal);

private:
  Place checkSpelling(Place P, llvm::StringRef Name) const;

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;
  const clang::Preprocessor *PP;
  FindingSink &Sink;
  RenameVoice Voice;
  std::set<std::tuple<std::string, unsigned, std::string>> Emitted;
};

} // namespace pgmigrate

#endif // PGMIGRATE_RULES_CONFLICTSITEREPORTER_H
