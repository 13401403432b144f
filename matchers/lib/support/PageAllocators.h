//===- PageAllocators.h - The old allocators, in every shape ----*- C++ -*-===//
//
// The old page-table allocators, recognised by the function a call calls.
// Since Linux 6.10 (memory-allocation profiling) each one is a macro over
// alloc_hooks() and a _noprof function: get_zeroed_page() over
// get_zeroed_page_noprof(), __get_free_pages() over get_free_pages_noprof(),
// pagetable_alloc() over pagetable_alloc_noprof(). Before 6.10 the allocator
// is a plain function of the macro's name (pagetable_alloc() a static inline
// from 6.6, when ptdescs arrived). Either way __get_free_page() is a macro
// over __get_free_pages(..., 0), and the frees are plain functions.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_PAGEALLOCATORS_H
#define PGMIGRATE_PAGEALLOCATORS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace pgmigrate {

enum class OldAllocator {
  None,
  /// get_zeroed_page(gfp): one zeroed page.
  ZeroedPage,
  /// __get_free_pages(gfp, order).
  FreePages,
  /// pagetable_alloc(gfp, order): a ptdesc.
  PagetableAlloc,
};

/// The names of the functions of the page allocator's allocators
/// (ZeroedPage, FreePages), in both shapes, for AST matchers.
llvm::ArrayRef<llvm::StringRef> pageAllocatorFunctions();
/// The same for pagetable_alloc().
llvm::ArrayRef<llvm::StringRef> pagetableAllocFunctions();

/// Which allocator F is: its name in either shape, its number of
/// parameters and a gfp_t first parameter (a function that only shares the
/// name is not it).
OldAllocator oldAllocatorOf(const clang::FunctionDecl *F);

/// Which allocator Call calls directly; None for any other call.
OldAllocator oldAllocatorCalled(const clang::CallExpr *Call);

} // namespace pgmigrate

#endif // PGMIGRATE_PAGEALLOCATORS_H
