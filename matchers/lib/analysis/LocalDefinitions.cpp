//===- LocalDefinitions.cpp -----------------------------------------------===//

#include "analysis/LocalDefinitions.h"
#include "analysis/ConstantConditions.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;

namespace pgmigrate {

namespace {

const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Var && Var->hasLocalStorage() ? Var : nullptr;
}

// The variables of a body, its writes, and the variables whose address is
// taken.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasLocalStorage())
      Variables.push_back(Var);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      if (const VarDecl *Var = localVariable(Op->getLHS())) {
        Writes.push_back({Var, Op});
        Targets.push_back(
            cast<DeclRefExpr>(Op->getLHS()->IgnoreParenImpCasts()));
      }
    return true;
  }
  bool VisitGCCAsmStmt(GCCAsmStmt *Asm) {
    // Written by the asm, which the CFG does not show as a write.
    for (const Expr *Out : Asm->outputs())
      if (const VarDecl *Var = localVariable(Out))
        AddressTaken.insert(Var);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    const VarDecl *Var = localVariable(Op->getSubExpr());
    if (!Var)
      return true;
    if (Op->getOpcode() == UO_AddrOf)
      AddressTaken.insert(Var);
    else if (Op->isIncrementDecrementOp())
      Writes.push_back({Var, Op});
    return true;
  }

  std::vector<const VarDecl *> Variables;
  std::vector<LocalDefinitions::Definition> Writes;
  std::vector<const DeclRefExpr *> Targets;
  llvm::DenseSet<const VarDecl *> AddressTaken;
};

} // namespace

LocalDefinitions::LocalDefinitions(const FunctionDecl *F, ASTContext &Context,
                                   ConstantConditions *Constants) {
  if (!F->hasBody())
    return;
  collect(F, Context);
  solve(F, Context, Constants);
}

void LocalDefinitions::collect(const FunctionDecl *F, ASTContext &Context) {
  WriteFinder Finder;
  Finder.TraverseStmt(F->getBody());
  for (const ParmVarDecl *Parm : F->parameters())
    Finder.Variables.push_back(Parm);
  for (const VarDecl *Var : Finder.Variables)
    if (!Finder.AddressTaken.count(Var)) {
      Tracked.insert(Var);
      ByDeclaration[Var] = Definitions.size();
      Definitions.push_back({Var, nullptr});
    }
  for (const Definition &D : Finder.Writes)
    if (Tracked.count(D.Var)) {
      ByWrite[D.Write] = Definitions.size();
      Definitions.push_back(D);
    }
  for (const DeclRefExpr *Target : Finder.Targets)
    Targets.insert(Target);
}

void LocalDefinitions::solve(const FunctionDecl *F, ASTContext &Context,
                             ConstantConditions *Constants) {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(F, F->getBody(), &Context, Options);
  if (!Graph) {
    Tracked.clear(); // no order known: every variable is one node
    return;
  }
  findUnreachable(*Graph, Context, Constants);
  unsigned N = Definitions.size();
  // The definitions of each variable, to kill them at a new one.
  llvm::DenseMap<const VarDecl *, llvm::BitVector> OfVariable;
  for (unsigned I = 0; I < N; ++I) {
    llvm::BitVector &Bits = OfVariable[Definitions[I].Var];
    Bits.resize(N);
    Bits.set(I);
  }
  // The definition a CFG element makes, if any.
  auto DefinitionAt = [&](const CFGElement &E) -> std::optional<unsigned> {
    std::optional<CFGStmt> S = E.getAs<CFGStmt>();
    if (!S)
      return std::nullopt;
    const Stmt *St = S->getStmt();
    if (const auto *Decl = dyn_cast<DeclStmt>(St)) {
      if (!Decl->isSingleDecl())
        return std::nullopt;
      const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl());
      if (!Var || !Var->getInit() || !ByDeclaration.count(Var))
        return std::nullopt;
      return ByDeclaration.lookup(Var);
    }
    auto It = ByWrite.find(St);
    if (It == ByWrite.end())
      return std::nullopt;
    return It->second;
  };
  auto Apply = [&](llvm::BitVector &Live, unsigned D) {
    Live.reset(OfVariable[Definitions[D].Var]);
    Live.set(D);
  };

  // Parameters arrive defined; forward dataflow to a fixpoint.
  std::vector<llvm::BitVector> In(Graph->getNumBlockIDs(), llvm::BitVector(N));
  std::vector<llvm::BitVector> Out = In;
  for (const ParmVarDecl *Parm : F->parameters())
    if (ByDeclaration.count(Parm))
      In[Graph->getEntry().getBlockID()].set(ByDeclaration.lookup(Parm));
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const CFGBlock *Block : *Graph) {
      // A block never run defines nothing that reaches a block that is.
      if (!Reached.test(Block->getBlockID()))
        continue;
      llvm::BitVector Live = In[Block->getBlockID()];
      for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
        if (Pred.getReachableBlock())
          Live |= Out[Pred.getReachableBlock()->getBlockID()];
      In[Block->getBlockID()] = Live;
      for (const CFGElement &E : *Block)
        if (std::optional<unsigned> D = DefinitionAt(E))
          Apply(Live, *D);
      if (Live != Out[Block->getBlockID()]) {
        Out[Block->getBlockID()] = Live;
        Changed = true;
      }
    }
  }

  // Each read, with what reaches it.
  for (const CFGBlock *Block : *Graph) {
    if (!Reached.test(Block->getBlockID()))
      continue;
    llvm::BitVector Live = In[Block->getBlockID()];
    for (const CFGElement &E : *Block) {
      if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
        if (const auto *Ref = dyn_cast<DeclRefExpr>(S->getStmt()))
          if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
            if (Tracked.count(Var) && !Targets.count(Ref)) {
              std::vector<Definition> &Seen = Reads[Ref];
              for (unsigned D : Live.set_bits())
                if (Definitions[D].Var == Var)
                  Seen.push_back(Definitions[D]);
            }
      if (std::optional<unsigned> D = DefinitionAt(E))
        Apply(Live, *D);
    }
  }
}

void LocalDefinitions::findUnreachable(const CFG &Graph, ASTContext &Context,
                                       ConstantConditions *Constants) {
  ConstantConditions Own(Context);
  Reached = (Constants ? Constants : &Own)->reachable(Graph);
  for (const CFGBlock *Block : Graph)
    if (!Reached.test(Block->getBlockID()))
      for (const CFGElement &E : *Block)
        if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
          Unreachable.insert(S->getStmt());
}

std::optional<llvm::ArrayRef<LocalDefinitions::Definition>>
LocalDefinitions::reaching(const DeclRefExpr *Read) const {
  auto It = Reads.find(Read);
  if (It == Reads.end())
    return std::nullopt;
  return llvm::ArrayRef<Definition>(It->second);
}

} // namespace pgmigrate
