//===- InstallAddress.cpp -------------------------------------------------===//

#include "analysis/InstallAddress.h"
#include "analysis/AstNavigation.h"
#include "analysis/TableEvidence.h"
#include "support/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pgmigrate {
namespace {

// Every reference to Var, and every assignment to a variable, in a body.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
public:
  explicit BodyScan(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var)
      Uses.push_back(Ref);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign)
      Assignments.push_back(Op);
    return true;
  }
  const VarDecl *Var;
  std::vector<const DeclRefExpr *> Uses;
  std::vector<const BinaryOperator *> Assignments;
};

bool isEntryName(llvm::StringRef Name) {
  return Name == "pmd" || Name == "pud" || Name == "p4d" || Name == "pgd";
}

// The argument index of the entry for a call that installs a table:
// pXd_populate(mm, entry, table) and its _kernel/_safe forms, arm64's
// __pXd_populate(entry, phys, prot), set_pXd(entry, value) (and x86's
// native_set_pXd(), which set_pXd() is without paravirt).
std::optional<unsigned> entryArgument(llvm::StringRef Name) {
  llvm::StringRef Base = Name;
  Base.consume_back("_safe");
  Base.consume_back("_kernel");
  bool Underscored = Base.consume_front("__");
  if (Base.consume_back("_populate") && isEntryName(Base))
    return Underscored ? 0 : 1;
  Base = Name;
  Base.consume_back("_safe");
  Base.consume_front("native_");
  if (Base.consume_front("set_") && isEntryName(Base))
    return 0;
  return std::nullopt;
}

// The entry a use of the table is installed in: the entry argument of the
// first call above it (through the expressions that build the entry's
// value) that installs a table.
const Expr *installedEntry(const DeclRefExpr *Use, ASTContext &Context) {
  const Stmt *Child = Use;
  for (const Stmt *Up = parentStmt(Use, Context); isa_and_nonnull<Expr>(Up);
       Child = Up, Up = parentStmt(Up, Context)) {
    const auto *Call = dyn_cast<CallExpr>(Up);
    if (!Call || Call->getCallee() == Child)
      continue;
    std::optional<unsigned> Entry = entryArgument(calleeName(Call));
    if (Entry && *Entry < Call->getNumArgs() && Call->getArg(*Entry) != Child)
      return Call->getArg(*Entry);
  }
  return nullptr;
}

// pmd_offset(pud, addr), pte_offset_kernel(pmd, addr), pmd_offset_k(addr)
// ...: the address argument.
const Expr *offsetAddress(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E->IgnoreParenCasts());
  if (!Call || Call->getNumArgs() == 0)
    return nullptr;
  llvm::StringRef Name = calleeName(Call);
  bool Offset = llvm::StringSwitch<bool>(Name)
                    .Cases("pte_offset_kernel", "pmd_offset", "pud_offset",
                           "p4d_offset", "pgd_offset_k", true)
                    .Cases("pmd_offset_k", "pud_offset_k", "p4d_offset_k", true)
                    .Default(false);
  return Offset ? Call->getArg(Call->getNumArgs() - 1) : nullptr;
}

// Whether every name E uses is in scope at Site in Function: a parameter,
// a local declared before Site, a global; and E has no side effects.
bool inScopeAt(const Expr *E, const FunctionDecl *Function, SourceLocation Site,
               ASTContext &Context) {
  if (E->HasSideEffects(Context))
    return false;
  struct Names : RecursiveASTVisitor<Names> {
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Refs.push_back(Ref);
      return true;
    }
    std::vector<const DeclRefExpr *> Refs;
  } Collect;
  Collect.TraverseStmt(const_cast<Expr *>(E));
  const SourceManager &SM = Context.getSourceManager();
  for (const DeclRefExpr *Ref : Collect.Refs) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->isLocalVarDeclOrParm())
      continue; // an enumerator, a function, a global
    if (Var->getDeclContext() != Function)
      return false;
    if (isa<ParmVarDecl>(Var))
      continue;
    // A local: declared before Site, in a block that holds Site.
    if (!SM.isBeforeInTranslationUnit(Var->getLocation(), Site))
      return false;
    const auto Parents = Context.getParents(*Var);
    const auto *Declaration =
        Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    const auto *Block =
        Declaration
            ? dyn_cast_or_null<CompoundStmt>(parentStmt(Declaration, Context))
            : nullptr;
    if (!Block || SM.isBeforeInTranslationUnit(Block->getRBracLoc(), Site))
      return false;
  }
  return true;
}

} // namespace

InstallAddress installAddress(const VarDecl *Table, const Expr *Allocation,
                              ASTContext &Context) {
  InstallAddress Out;
  const FunctionDecl *Function = enclosingFunction(Allocation, Context);
  if (!Table || !Function || !Function->hasBody()) {
    Out.Missing = "its table is not held in a local variable whose install "
                  "the function shows";
    return Out;
  }
  BodyScan Scan(Table);
  Scan.TraverseStmt(Function->getBody());
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  for (const DeclRefExpr *Use : Scan.Uses) {
    if (!installedTable(Use, Context))
      continue;
    const Expr *Entry = installedEntry(Use, Context);
    if (!Entry) {
      Out.Missing = "the entry it is installed in is not an argument the "
                    "tool reads";
      return Out;
    }
    const Expr *Address = offsetAddress(Entry);
    const auto *Ref = dyn_cast<DeclRefExpr>(Entry->IgnoreParenImpCasts());
    const auto *EntryVar = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Address && EntryVar && isa<ParmVarDecl>(EntryVar)) {
      Out.Missing = "the entry '" + EntryVar->getNameAsString() +
                    "' it is installed in is a parameter of " +
                    Function->getNameAsString() +
                    "(): the address is not in scope";
      return Out;
    }
    if (!Address && EntryVar && EntryVar->getDeclContext() == Function) {
      // The entry's last *_offset() value before the install.
      if (EntryVar->getInit())
        Address = offsetAddress(EntryVar->getInit());
      for (const BinaryOperator *Op : Scan.Assignments) {
        const auto *LHS = dyn_cast<DeclRefExpr>(Op->getLHS()->IgnoreParens());
        if (LHS && LHS->getDecl() == EntryVar &&
            SM.isBeforeInTranslationUnit(Op->getBeginLoc(), Use->getBeginLoc()))
          Address = offsetAddress(Op->getRHS());
      }
    }
    if (!Address) {
      Out.Missing = "the entry '" + textOf(Entry, SM, LO) +
                    "' it is installed in does not come from a *_offset() "
                    "call the function shows";
      return Out;
    }
    if (!inScopeAt(Address, Function, Allocation->getBeginLoc(), Context)) {
      Out.Missing = "the address '" + textOf(Address, SM, LO) +
                    "' of its entry is not in scope at the allocation";
      return Out;
    }
    Out.Text = textOf(Address, SM, LO);
    return Out;
  }
  Out.Missing = "no install of '" + Table->getNameAsString() + "' in " +
                Function->getNameAsString() + "() shows its address";
  return Out;
}

} // namespace pgmigrate
