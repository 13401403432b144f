//===- TreeScan.cpp -------------------------------------------------------===//

#include "TreeScan.h"
#include "pgmigrate/ArchPath.h"
#include "pgmigrate/ConflictScanner.h"
#include "pgmigrate/Rules.h"
#include "rules/NameConflictsRule.h"
#include "rules/NameConflicts.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <atomic>
#include <thread>

namespace pgmigrate {

std::vector<std::string> listSourceFiles(const std::string &Root,
                                         std::vector<std::string> &Errors) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End; It.increment(EC)) {
    if (EC) {
      Errors.push_back("cannot read '" + It->path() + "': " + EC.message());
      EC.clear();
      continue;
    }
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (It->type() == llvm::sys::fs::file_type::directory_file) {
      if (Name == ".git")
        It.no_push();
      continue;
    }
    if (It->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    if (Name.endswith(".c") || Name.endswith(".h") || Name.endswith(".S"))
      Files.push_back(It->path());
  }
  if (EC)
    Errors.push_back("cannot read '" + Root + "': " + EC.message());
  llvm::sort(Files);
  return Files;
}

std::string conflictGroup(const std::string &Path, llvm::StringRef Root) {
  if (std::optional<ArchDir> Arch = archDirOf(Path, Root))
    return Arch->Dir;
  return Path;
}

namespace {

struct FileScan {
  std::string Path;
  std::string Group;
  bool Assembly = false;
  std::vector<ScannedToken> Tokens;
};

bool mentionsWord(llvm::StringRef Text, llvm::StringRef Word) {
  for (size_t Pos = Text.find(Word); Pos != llvm::StringRef::npos;
       Pos = Text.find(Word, Pos + 1)) {
    bool Before = Pos > 0 && clang::isAsciiIdentifierContinue(Text[Pos - 1]);
    size_t End = Pos + Word.size();
    bool After =
        End < Text.size() && clang::isAsciiIdentifierContinue(Text[End]);
    if (!Before && !After)
      return true;
  }
  return false;
}

// What a file-scope name is in one group.
struct GroupName {
  /// Some conflicting file-scope declaration (function, macro, variable,
  /// typedef, enumerator).
  bool Conflict = false;
  /// A conflicting macro definition; a conflicting function-like one, and
  /// where.
  bool MacroConflict = false;
  std::string FunctionMacroAt;
};

class Decider {
public:
  Decider(const TreeScanInput &Input, const MigrationOptions &Options,
          TreeScanResult &Result)
      : Input(Input), Options(Options), Result(Result) {
    for (const std::string &Name : Options.conflictNames())
      Clashing.insert(Name);
  }

  void run(const std::vector<FileScan> &Files) {
    for (const FileScan &F : Files)
      learn(F);
    for (const FileScan &F : Files)
      decide(F);
  }

private:
  const TreeScanInput &Input;
  const MigrationOptions &Options;
  TreeScanResult &Result;
  llvm::StringSet<> Clashing;
  std::map<std::pair<std::string, std::string>, GroupName> Groups;
  /// Identifiers of the new names seen, by group, by file, in the tree.
  std::set<std::pair<std::string, std::string>> UsedInGroup;
  std::set<std::pair<std::string, std::string>> UsedInFile;
  std::set<std::string> UsedInTree;
  /// Clashing fields declared anywhere.
  std::set<std::string> Fields;
  /// The first function-like macro of each name (the API's preferred).
  std::map<std::string, std::string> FunctionMacroAt;

  std::string where(const FileScan &F, const ScannedToken &T) const {
    llvm::StringRef Path(F.Path);
    llvm::StringRef Root(Input.Root);
    if (Path.startswith(Root) && Path.size() > Root.size() &&
        Path[Root.size()] == '/')
      Path = Path.drop_front(Root.size() + 1);
    return Path.str() + ":" + std::to_string(T.Line);
  }

  bool isApi(const FileScan &F, const ScannedToken &T) const {
    if (F.Assembly || isArchCode(F.Path, Options.TreeRoot))
      return false;
    bool Alloc = isAllocName(Options, T.Name);
    switch (T.Role) {
    case TokenRole::FunctionDefinition:
    case TokenRole::FunctionPrototype:
      return Alloc ? (T.Signature == "void *(gfp_t, unsigned int)" ||
                      T.Signature == "void *(gfp_t, unsigned)")
                   : (T.Signature == "void(const void *)" ||
                      T.Signature == "void(void const *)");
    case TokenRole::FunctionMacroDefinition:
      return mentionsWord(T.MacroBody, T.Name + "_noprof");
    default:
      return false;
    }
  }

  static bool isFileScopeDecl(TokenRole Role) {
    switch (Role) {
    case TokenRole::FunctionDefinition:
    case TokenRole::FunctionPrototype:
    case TokenRole::FunctionMacroDefinition:
    case TokenRole::ObjectMacroDefinition:
    case TokenRole::Variable:
    case TokenRole::Typedef:
    case TokenRole::Enumerator:
      return true;
    default:
      return false;
    }
  }

  void learn(const FileScan &F) {
    for (const ScannedToken &T : F.Tokens) {
      if (!Clashing.count(T.Name)) {
        UsedInGroup.insert({F.Group, T.Name});
        UsedInFile.insert({F.Path, T.Name});
        UsedInTree.insert(T.Name);
        continue;
      }
      if (F.Assembly)
        continue;
      if (T.Role == TokenRole::FunctionMacroDefinition &&
          (!FunctionMacroAt.count(T.Name) || isApi(F, T)))
        FunctionMacroAt[T.Name] = where(F, T);
      if (T.Role == TokenRole::Field)
        Fields.insert(T.Name);
      if (!isFileScopeDecl(T.Role) || isApi(F, T))
        continue;
      GroupName &G = Groups[{F.Group, T.Name}];
      G.Conflict = true;
      if (T.Role == TokenRole::FunctionMacroDefinition ||
          T.Role == TokenRole::ObjectMacroDefinition)
        G.MacroConflict = true;
      if (T.Role == TokenRole::FunctionMacroDefinition &&
          G.FunctionMacroAt.empty())
        G.FunctionMacroAt = where(F, T);
    }
  }

  // Whether some unit's AST saw the token at Offset of Path: it compiled
  // that code, or the AST rule reported the site.
  bool decidedByAst(const FileScan &F, const ScannedToken &T) const {
    if (F.Assembly)
      return false; // a unit may preprocess a .S file, but has no AST of it
    auto Sites = Input.AstSites.find(F.Path);
    if (Sites != Input.AstSites.end() && Sites->second.count(T.Offset))
      return true;
    if (T.InMacroBody)
      return false; // a body is only seen where it is expanded
    auto Seen = Input.Coverage.find(F.Path);
    if (Seen == Input.Coverage.end())
      return false;
    for (const TranslationUnitResult::SkippedRanges &Skipped : Seen->second)
      if (llvm::none_of(Skipped, [&](const std::pair<unsigned, unsigned> &R) {
            return R.first <= T.Offset && T.Offset < R.second;
          }))
        return true;
    return false;
  }

  void emit(const FileScan &F, const ScannedToken &T, llvm::StringRef What,
            llvm::StringRef NewName, llvm::StringRef Refusal) {
    bool Rename = Refusal.empty() && Options.RenameConflicts;
    Finding Out;
    Out.Rule = NameConflictsRule::Name.str();
    Out.Kind = Rename ? FindingKind::Converted : FindingKind::Refused;
    Out.FilePath = F.Path;
    Out.Offset = T.Offset;
    Out.Line = T.Line;
    Out.Column = T.Column;
    Out.Message = Refusal.empty()
                      ? conflictMessage(T.Name, What, NewName, Rename)
                      : conflictRefusal(T.Name, What, Refusal);
    Out.SiteFile = F.Path;
    Out.SiteOffset = T.Offset;
    Out.SiteLength = T.Name.size();
    if (Rename)
      Out.Replacements.emplace_back(F.Path, T.Offset, T.Name.size(), NewName);
    Result.Findings.push_back(std::move(Out));
  }

  std::string taken(const FileScan &F, ConflictScope Scope,
                    const std::string &NewName) const {
    bool Used =
        Scope == ConflictScope::File    ? UsedInGroup.count({F.Group, NewName})
        : Scope == ConflictScope::Local ? UsedInFile.count({F.Path, NewName})
                                        : UsedInTree.count(NewName);
    if (!Used)
      return "";
    llvm::StringRef Option = Scope == ConflictScope::File ? "--conflict-prefix"
                             : Scope == ConflictScope::Local
                                 ? "--conflict-param-name"
                                 : "--conflict-field-name";
    llvm::StringRef In = Scope == ConflictScope::File    ? "in its group"
                         : Scope == ConflictScope::Local ? "in this file"
                                                         : "in the tree";
    return "the new name '" + NewName + "' is already used " + In.str() +
           "; choose another " + Option.str();
  }

  static ConflictDecl declKind(const ScannedToken &T) {
    switch (T.Role) {
    case TokenRole::FunctionDefinition:
      return ConflictDecl::FunctionDefinition;
    case TokenRole::FunctionPrototype:
      return ConflictDecl::FunctionPrototype;
    case TokenRole::FunctionMacroDefinition:
      return ConflictDecl::FunctionMacro;
    case TokenRole::ObjectMacroDefinition:
      return ConflictDecl::ObjectMacro;
    case TokenRole::Parameter:
      return ConflictDecl::Parameter;
    case TokenRole::FunctionPointerParameter:
      return ConflictDecl::FunctionPointerParameter;
    case TokenRole::Field:
      return T.InUnion ? ConflictDecl::UnionField : ConflictDecl::Field;
    case TokenRole::Variable:
      return ConflictDecl::Variable;
    case TokenRole::LocalVariable:
      return ConflictDecl::LocalVariable;
    case TokenRole::Typedef:
      return ConflictDecl::Typedef;
    default:
      return ConflictDecl::Enumerator;
    }
  }

  void decide(const FileScan &F) {
    for (const ScannedToken &T : F.Tokens) {
      if (!Clashing.count(T.Name))
        continue;
      ++Result.Tokens;
      if (decidedByAst(F, T))
        continue;
      ++Result.DecidedLexically;
      decide(F, T);
    }
  }

  void decide(const FileScan &F, const ScannedToken &T) {
    const GroupName *G = nullptr;
    auto GroupIt = Groups.find({F.Group, T.Name});
    if (GroupIt != Groups.end())
      G = &GroupIt->second;
    std::string FileNew = conflictNewName(Options, ConflictScope::File, T.Name);

    if (F.Assembly) {
      if (G && G->Conflict)
        emit(F, T, "use in assembly", FileNew,
             "the C declarations become '" + FileNew +
                 "' with --rename-conflicts; rename it by hand");
      return;
    }

    if (isDeclaration(T.Role)) {
      if (isApi(F, T))
        return;
      ConflictDecl Kind = declKind(T);
      ConflictScope Scope = scopeOf(Kind);
      std::string NewName = conflictNewName(Options, Scope, T.Name);
      emit(F, T, describe(Kind), NewName, taken(F, Scope, NewName));
      return;
    }

    if (T.Role == TokenRole::MemberAccess) {
      if (!Options.RenameConflicts)
        return;
      std::string NewName =
          conflictNewName(Options, ConflictScope::Field, T.Name);
      if (!Fields.count(T.Name))
        emit(F, T, describe(ConflictUse::MemberAccess), NewName,
             "no clashing field of that name is declared in the scanned "
             "tree; rename it by hand");
      else
        emit(F, T, describe(ConflictUse::MemberAccess), NewName,
             taken(F, ConflictScope::Field, NewName));
      return;
    }

    if (T.Binding != TokenBinding::None) {
      bool Param = T.Binding == TokenBinding::Parameter;
      std::string NewName =
          conflictNewName(Options, ConflictScope::Local, T.Name);
      std::string Refusal = taken(F, ConflictScope::Local, NewName);
      if (T.Role == TokenRole::Call && !T.InMacroBody) {
        std::string Through = std::string("call through the ") +
                              (Param ? "parameter" : "local variable");
        if (G && !G->FunctionMacroAt.empty()) {
          emit(F, T, Through, NewName,
               "the arch-local function-like macro '" + T.Name + "' (" +
                   G->FunctionMacroAt +
                   ") expands it where it is visible; decide by hand which "
                   "is meant");
          return;
        }
        auto Macro = FunctionMacroAt.find(T.Name);
        if (Macro != FunctionMacroAt.end() || isAllocName(Options, T.Name)) {
          std::string At =
              Macro == FunctionMacroAt.end() ? "" : " (" + Macro->second + ")";
          emit(F, T,
               Through + " is expanded by the new API's function-like macro '" +
                   T.Name + "'" + At +
                   " wherever that is visible, instead of "
                   "calling the " +
                   (Param ? "parameter" : "variable"),
               NewName, Refusal);
          return;
        }
      }
      if (!Options.RenameConflicts)
        return;
      std::string What =
          Param
              ? describe(T.Role == TokenRole::Call ? ConflictUse::ParameterCall
                                                   : ConflictUse::ParameterUse)
                    .str()
              : std::string(T.Role == TokenRole::Call
                                ? "call through the local variable"
                                : "use of the local variable");
      emit(F, T, What, NewName, Refusal);
      return;
    }

    // A file-scope name: the group's own declaration, or the generic API.
    if (!G || !G->Conflict)
      return;
    if (T.Role == TokenRole::MacroReference && !G->MacroConflict)
      return;
    if (!Options.RenameConflicts)
      return;
    ConflictUse Kind = T.Role == TokenRole::Call ? ConflictUse::Call
                       : T.Role == TokenRole::MacroReference
                           ? ConflictUse::MacroReference
                           : ConflictUse::Use;
    emit(F, T, describe(Kind), FileNew, taken(F, ConflictScope::File, FileNew));
  }
};

} // namespace

TreeScanResult scanTree(const TreeScanInput &Input,
                        const MigrationOptions &Options) {
  TreeScanResult Result;
  std::vector<std::string> Paths = listSourceFiles(Input.Root, Result.Errors);
  Result.FilesWalked = Paths.size();

  std::vector<std::string> Clashing = Options.conflictNames();
  std::vector<std::string> Wanted = Clashing;
  for (const std::string &Name : Clashing)
    for (ConflictScope Scope :
         {ConflictScope::File, ConflictScope::Local, ConflictScope::Field})
      Wanted.push_back(conflictNewName(Options, Scope, Name));
  llvm::sort(Wanted);
  Wanted.erase(std::unique(Wanted.begin(), Wanted.end()), Wanted.end());

  // Read and lex on Threads workers; results by index, so the order (and
  // the output) does not depend on the scheduling.
  std::vector<FileScan> Scans(Paths.size());
  std::vector<std::string> ReadErrors(Paths.size());
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I = Next++; I < Paths.size(); I = Next++) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
          llvm::MemoryBuffer::getFile(Paths[I], /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
      if (!Buffer) {
        ReadErrors[I] =
            "cannot read '" + Paths[I] + "': " + Buffer.getError().message();
        continue;
      }
      llvm::StringRef Text = (*Buffer)->getBuffer();
      // Every wanted name contains a clashing one.
      if (llvm::none_of(Clashing, [&](const std::string &Name) {
            return Text.contains(Name);
          }))
        continue;
      FileScan &Scan = Scans[I];
      Scan.Path = Paths[I];
      Scan.Group = conflictGroup(Paths[I], Options.TreeRoot);
      Scan.Assembly = llvm::StringRef(Paths[I]).endswith(".S");
      Scan.Tokens = scanIdentifiers(Text, Wanted);
    }
  };
  unsigned Threads =
      std::max(1u, std::min<unsigned>(Input.Threads, Paths.size()));
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();

  std::vector<FileScan> Found;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (!ReadErrors[I].empty())
      Result.Errors.push_back(std::move(ReadErrors[I]));
    if (!Scans[I].Path.empty() && !Scans[I].Tokens.empty())
      Found.push_back(std::move(Scans[I]));
  }
  llvm::StringSet<> ClashingSet;
  for (const std::string &Name : Clashing)
    ClashingSet.insert(Name);
  for (const FileScan &F : Found)
    if (llvm::any_of(F.Tokens, [&](const ScannedToken &T) {
          return ClashingSet.count(T.Name);
        }))
      ++Result.FilesWithNames;

  Decider(Input, Options, Result).run(Found);
  return Result;
}

} // namespace pgmigrate
