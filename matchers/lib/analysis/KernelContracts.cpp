//===- KernelContracts.cpp ------------------------------------------------===//

#include "pgmigrate/Provenance.h"
#include "llvm/ADT/STLExtras.h"

namespace pgmigrate {

const KernelContracts &KernelContracts::kernel() {
  static const KernelContracts Contracts = [] {
    KernelContracts C;
#define TABLE_HOOKS(Level, Alloc, Free, FreeArgument)                          \
  C.Hooks.push_back({#Level, #Alloc, #Free, FreeArgument});
#define ROOT_FIELD(Record, Field, Level)                                       \
  C.RootFields.push_back({#Record, #Field, #Level});
#define READER(Function) C.Readers.push_back(#Function);
#define OTHER_ALLOCATOR(Function) C.OtherAllocators.push_back(#Function);
#define OTHER_FREE(Function) C.OtherFrees.push_back(#Function);
#include "contracts/kernel-hooks.def"
    return C;
  }();
  return Contracts;
}

llvm::StringRef KernelContracts::plainName(llvm::StringRef Function) {
  size_t Hash = Function.rfind('#');
  if (Hash != llvm::StringRef::npos)
    Function = Function.drop_front(Hash + 1);
  Function.consume_back("_noprof");
  return Function;
}

const KernelContracts::TableHooks *
KernelContracts::hooksAllocating(llvm::StringRef Function) const {
  llvm::StringRef Name = plainName(Function);
  for (const TableHooks &H : Hooks)
    if (H.Alloc == Name)
      return &H;
  return nullptr;
}

const KernelContracts::TableHooks *
KernelContracts::hooksFreeing(llvm::StringRef Function) const {
  llvm::StringRef Name = plainName(Function);
  for (const TableHooks &H : Hooks)
    if (H.Free == Name)
      return &H;
  return nullptr;
}

bool KernelContracts::isReader(llvm::StringRef Function) const {
  return llvm::is_contained(Readers, plainName(Function));
}

bool KernelContracts::isOtherAllocator(llvm::StringRef Function) const {
  return llvm::is_contained(OtherAllocators, plainName(Function));
}

bool KernelContracts::isOtherFree(llvm::StringRef Function) const {
  return llvm::is_contained(OtherFrees, plainName(Function));
}

const KernelContracts::RootField *
KernelContracts::rootField(llvm::StringRef Record,
                           llvm::StringRef Field) const {
  for (const RootField &R : RootFields)
    if (R.Record == Record && R.Field == Field)
      return &R;
  return nullptr;
}

} // namespace pgmigrate
