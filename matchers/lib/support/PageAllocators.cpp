//===- PageAllocators.cpp -------------------------------------------------===//

#include "support/PageAllocators.h"

using namespace clang;

namespace pgmigrate {

namespace {

struct AllocatorFunction {
  llvm::StringRef Name;
  OldAllocator Kind;
  unsigned Params;
};

// The 6.10+ _noprof function, then the plain function of older trees.
const AllocatorFunction Functions[] = {
    {"get_zeroed_page_noprof", OldAllocator::ZeroedPage, 1},
    {"get_zeroed_page", OldAllocator::ZeroedPage, 1},
    {"get_free_pages_noprof", OldAllocator::FreePages, 2},
    {"__get_free_pages", OldAllocator::FreePages, 2},
    {"pagetable_alloc_noprof", OldAllocator::PagetableAlloc, 2},
    {"pagetable_alloc", OldAllocator::PagetableAlloc, 2},
};

const llvm::StringRef PageAllocatorNames[] = {
    "get_zeroed_page_noprof", "get_zeroed_page", "get_free_pages_noprof",
    "__get_free_pages"};
const llvm::StringRef PagetableAllocNames[] = {"pagetable_alloc_noprof",
                                               "pagetable_alloc"};

} // namespace

llvm::ArrayRef<llvm::StringRef> pageAllocatorFunctions() {
  return PageAllocatorNames;
}

llvm::ArrayRef<llvm::StringRef> pagetableAllocFunctions() {
  return PagetableAllocNames;
}

// The kernel declares every allocator's first parameter as gfp_t.
static bool takesGfpFirst(const FunctionDecl *F) {
  const auto *Typedef =
      F->getParamDecl(0)->getType()->getAs<clang::TypedefType>();
  return Typedef && Typedef->getDecl()->getName() == "gfp_t";
}

OldAllocator oldAllocatorOf(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return OldAllocator::None;
  for (const AllocatorFunction &A : Functions)
    if (F->getName() == A.Name && F->getNumParams() == A.Params &&
        takesGfpFirst(F))
      return A.Kind;
  return OldAllocator::None;
}

OldAllocator oldAllocatorCalled(const CallExpr *Call) {
  return oldAllocatorOf(Call->getDirectCallee());
}

} // namespace pgmigrate
