//===- LevelConstructors.cpp ----------------------------------------------===//

#include "analysis/LevelConstructors.h"
#include "pgmigrate/Pairing.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pgmigrate {

LevelFunctions levelFunctions(llvm::StringRef Level) {
  if (Level == "pte")
    return {"pte_alloc_one_kernel", "pte_free_kernel", false};
  if (Level == "pmd")
    return {"pmd_alloc_one", "pmd_free", true};
  if (Level == "pud")
    return {"pud_alloc_one", "pud_free", true};
  if (Level == "p4d")
    return {"p4d_alloc_one", "p4d_free", true};
  return {};
}

// The function Name (or, for a constructor, its _noprof form, which the
// allocation-profiling macro of the same name calls) that the unit defines.
static const FunctionDecl *
definedFunction(ASTContext &Context, llvm::StringRef Name, bool Constructor) {
  for (std::string Candidate :
       {Constructor ? (Name + "_noprof").str() : Name.str(), Name.str()}) {
    auto Found = Context.getTranslationUnitDecl()->lookup(
        &Context.Idents.get(Candidate));
    for (const NamedDecl *D : Found)
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (const FunctionDecl *Definition = F->getDefinition())
          return Definition;
  }
  return nullptr;
}

// Why the unit cannot call Name() as asm-generic defines it, or "".
static std::string whyNotGeneric(ASTContext &Context, llvm::StringRef Name,
                                 bool Constructor) {
  const FunctionDecl *F = definedFunction(Context, Name, Constructor);
  if (!F) {
    // pgtable-nopmd.h's `#define pmd_alloc_one(mm, address) NULL`.
    if (Context.Idents.get(Name).hasMacroDefinition())
      return (Name + "() is a macro, not a function, in this configuration "
                     "(a folded level)")
          .str();
    return (Name + "() is not declared in this unit (it does not include "
                   "<asm/pgalloc.h>)")
        .str();
  }
  const SourceManager &SM = Context.getSourceManager();
  PresumedLoc At = SM.getPresumedLoc(SM.getExpansionLoc(F->getLocation()));
  llvm::StringRef File = At.isValid() ? At.getFilename() : "";
  if (File.contains("asm-generic/pgalloc.h"))
    return "";
  return (Name + "() is the arch's own, at " +
          shortPlaceName(File, At.isValid() ? At.getLine() : 0) +
          ", whose semantics the tool does not model")
      .str();
}

std::map<std::string, std::string> unavailableLevels(ASTContext &Context) {
  std::map<std::string, std::string> Unavailable;
  for (llvm::StringRef Level : {"pte", "pmd", "pud", "p4d"}) {
    LevelFunctions Functions = levelFunctions(Level);
    std::string Why = whyNotGeneric(Context, Functions.Constructor, true);
    if (Why.empty())
      Why = whyNotGeneric(Context, Functions.Destructor, false);
    if (!Why.empty())
      Unavailable.emplace(Level.str(), std::move(Why));
  }
  return Unavailable;
}

} // namespace pgmigrate
